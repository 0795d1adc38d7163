import { useTranslation } from 'react-i18next';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlineOutlined';
import ScheduleIcon from '@mui/icons-material/Schedule';
import type { CounterStatus, ShiftStatus, StaffStatus } from '../../graphql/generated';
import { formatDate } from '../../dates';
import { currentQualifications, qualificationState, type QualificationState } from './qualifications';

type ChipColor = 'default' | 'success' | 'warning' | 'error' | 'info' | 'primary';

/** A chip's label on as many lines as it needs: a field's or desk's name is never cut. */
export const WRAPPING_CHIP = { height: 'auto', minHeight: 24, maxWidth: '100%', '& .MuiChip-label': { whiteSpace: 'normal', py: 0.25 } } as const;

const STATE_COLOR: Record<QualificationState, ChipColor> = { valid: 'default', expiring: 'warning', expired: 'error', notYet: 'info' };

interface QualificationLike {
  id: string;
  trainedOn: string;
  expiresOn?: string | null;
  field?: { id: string; name: string } | null;
}

/**
 * A qualification as a chip: its field, and for one expiring within 30 days (amber), expired (red)
 * or not valid yet, the state and day in words, with an icon: never colour alone.
 */
export function QualificationChip({ qualification, today }: { qualification: QualificationLike; today: string }) {
  const { t } = useTranslation();
  const state = qualificationState(qualification, today);
  const field = qualification.field?.name ?? '';
  const label =
    state === 'valid'
      ? t('staff.qualification.chip.valid', { field })
      : t(`staff.qualification.chip.${state}`, { field, date: formatDate(state === 'notYet' ? qualification.trainedOn : qualification.expiresOn) });
  return (
    <Chip
      size="small"
      variant={state === 'valid' ? 'outlined' : 'filled'}
      color={STATE_COLOR[state]}
      icon={state === 'expired' ? <ErrorOutlineIcon aria-hidden /> : state === 'expiring' ? <ScheduleIcon aria-hidden /> : undefined}
      label={label}
      data-testid="qualification-chip"
      data-state={state}
      sx={WRAPPING_CHIP}
    />
  );
}

/** The qualification that counts for each field of a person, as chips; "no qualification" when none. */
export function QualificationChips({ qualifications, today }: { qualifications: readonly QualificationLike[]; today: string }) {
  const { t } = useTranslation();
  // The most urgent first: expired, expiring, not yet valid, then the valid ones (in the API's order).
  const urgency: Record<QualificationState, number> = { expired: 0, expiring: 1, notYet: 2, valid: 3 };
  const current = currentQualifications(qualifications, today).sort((a, b) => urgency[qualificationState(a, today)] - urgency[qualificationState(b, today)]);
  if (current.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary" component="span">
        {t('staff.list.noQualification')}
      </Typography>
    );
  }
  return (
    <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5, py: 0.25 }}>
      {current.map((q) => (
        <QualificationChip key={q.id} qualification={q} today={today} />
      ))}
    </Stack>
  );
}

/** The state of a qualification in words, coloured like its chip. */
export function QualificationStateChip({ qualification, today }: { qualification: QualificationLike; today: string }) {
  const { t } = useTranslation();
  const state = qualificationState(qualification, today);
  return (
    <Chip
      size="small"
      variant={state === 'valid' ? 'outlined' : 'filled'}
      color={state === 'valid' ? 'success' : STATE_COLOR[state]}
      icon={state === 'expired' ? <ErrorOutlineIcon aria-hidden /> : state === 'expiring' ? <ScheduleIcon aria-hidden /> : undefined}
      label={t(`staff.qualification.state.${state}`)}
      data-testid="qualification-state"
      data-state={state}
    />
  );
}

const STAFF_STATUS_COLOR: Record<StaffStatus, ChipColor> = { ACTIVE: 'success', ON_LEAVE: 'warning', LEFT: 'default' };

export function StaffStatusChip({ status }: { status: StaffStatus }) {
  const { t } = useTranslation();
  return <Chip size="small" variant="outlined" color={STAFF_STATUS_COLOR[status]} label={t(`staff.labels.staffStatus.${status}`)} data-testid="staff-status" />;
}

const COUNTER_STATUS_COLOR: Record<CounterStatus, ChipColor> = { OPEN: 'success', CLOSED: 'warning', RETIRED: 'default' };

export function CounterStatusChip({ status }: { status: CounterStatus }) {
  const { t } = useTranslation();
  return <Chip size="small" variant="outlined" color={COUNTER_STATUS_COLOR[status]} label={t(`staff.labels.counterStatus.${status}`)} data-testid="counter-status" />;
}

const SHIFT_STATUS_COLOR: Record<ShiftStatus, ChipColor> = { PLANNED: 'info', PUBLISHED: 'success', CANCELLED: 'default' };

export function ShiftStatusChip({ status }: { status: ShiftStatus }) {
  const { t } = useTranslation();
  return <Chip size="small" variant="outlined" color={SHIFT_STATUS_COLOR[status]} label={t(`staff.labels.shiftStatus.${status}`)} />;
}
