import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import EditOutlinedIcon from '@mui/icons-material/EditOutlined';
import DrawOutlinedIcon from '@mui/icons-material/DrawOutlined';
import EventAvailableOutlinedIcon from '@mui/icons-material/EventAvailableOutlined';
import UndoOutlinedIcon from '@mui/icons-material/UndoOutlined';
import type { HandoverStatus } from '../../graphql/generated';
import { formatDate, formatDateTime } from '../../dates';
import { HandoverStatusChip } from '../rollout/SiteStatusChip';

export type HandoverAction = 'edit' | 'sign' | 'effective' | 'reverse';

/** The actions a handover in this status offers. */
export function actionsFor(status: HandoverStatus): HandoverAction[] {
  switch (status) {
    case 'DRAFT':
      return ['edit', 'sign', 'reverse'];
    case 'SIGNED':
      return ['effective', 'reverse'];
    case 'EFFECTIVE':
      return ['reverse'];
    default:
      return [];
  }
}

interface SignatoryLike {
  fullName: string;
  position: string;
  organisation: string;
}

interface HandoverCardProps {
  id: string;
  /** `personnel` or `facility`: test ids are `<kind>-handover-<id>` and `<kind>-<action>-<id>`. */
  kind: string;
  status: HandoverStatus;
  statusSince: string;
  createdAt: string;
  recordNumber?: string | null;
  recordSignedOn?: string | null;
  effectiveOn?: string | null;
  signatories: readonly SignatoryLike[];
  note?: string | null;
  reversalReason?: string | null;
  /** null: the user may not act. */
  onAction: ((action: HandoverAction) => void) | null;
  children: ReactNode;
}

/** One handover record (biên bản) on the site page: its record, dates, status, signatories and actions. */
export function HandoverCard({
  id,
  kind,
  status,
  statusSince,
  createdAt,
  recordNumber,
  recordSignedOn,
  effectiveOn,
  signatories,
  note,
  reversalReason,
  onAction,
  children,
}: HandoverCardProps) {
  const { t } = useTranslation();
  const actions = onAction ? actionsFor(status) : [];
  const icons: Record<HandoverAction, ReactNode> = {
    edit: <EditOutlinedIcon />,
    sign: <DrawOutlinedIcon />,
    effective: <EventAvailableOutlinedIcon />,
    reverse: <UndoOutlinedIcon />,
  };
  const planned = status === 'DRAFT' || status === 'SIGNED';
  return (
    <Paper variant="outlined" sx={{ p: 2, opacity: status === 'REVERSED' ? 0.8 : 1 }} id={`handover-${id}`} data-testid={`${kind}-handover-${id}`}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'center' }, justifyContent: 'space-between', mb: 1.5 }}>
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 0.5 }}>
          <Typography variant="subtitle2" component="h4">
            {recordNumber
              ? t('handover.card.record', { number: recordNumber, date: formatDate(recordSignedOn) })
              : t('handover.card.draft', { date: formatDateTime(createdAt) })}
          </Typography>
          <HandoverStatusChip status={status} />
          <Typography variant="body2" color="text.secondary">
            {effectiveOn
              ? t(planned ? 'handover.card.plannedEffective' : 'handover.card.effective', { date: formatDate(effectiveOn) })
              : status === 'REVERSED'
                ? t('handover.card.reversedOn', { date: formatDate(statusSince) })
                : t('handover.card.noEffective')}
          </Typography>
        </Stack>
        {actions.length > 0 && (
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', rowGap: 1, flexShrink: 0 }}>
            {actions.map((action) => (
              <Button
                key={action}
                size="small"
                variant={action === 'sign' || action === 'effective' ? 'contained' : 'outlined'}
                color={action === 'reverse' ? 'error' : 'primary'}
                startIcon={icons[action]}
                onClick={() => onAction?.(action)}
                data-testid={`${kind}-${action}-${id}`}
              >
                {t(`handover.actions.${action}`)}
              </Button>
            ))}
          </Stack>
        )}
      </Stack>
      {status === 'REVERSED' && reversalReason && (
        <Alert severity="error" variant="outlined" sx={{ mb: 1.5 }}>
          {t('handover.card.reversalReason', { reason: reversalReason })}
        </Alert>
      )}
      {children}
      {signatories.length > 0 && (
        <Box sx={{ mt: 1.5 }}>
          <Typography variant="caption" color="text.secondary" component="div">
            {t('handover.fields.signatories')}
          </Typography>
          <Typography variant="body2">{signatories.map((s) => `${s.fullName} (${s.position}, ${s.organisation})`).join('; ')}</Typography>
        </Box>
      )}
      {note && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {t('handover.card.note', { note })}
        </Typography>
      )}
    </Paper>
  );
}
