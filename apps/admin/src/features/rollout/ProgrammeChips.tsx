import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import Chip from '@mui/material/Chip';
import { fold } from './ProgrammeRows';
import type { ActionItemState, PhaseStatus, ProgrammeStatus } from '../../graphql/generated';

/**
 * "Giai đoạn 1: thí điểm" for phase 1 named "thí điểm"; a name that already says its phase
 * ("Giai đoạn 1: thí điểm") is shown as it is.
 */
export function phaseTitle(phase: { ordinal: number; name: string }, t: TFunction): string {
  const name = fold(phase.name).trim();
  // Names are written in Vietnamese whatever the language shown: check both ways of saying it.
  const says = (['vi', 'en'] as const).some((lng) => {
    const short = fold(t('rollout.phases.ordinalShort', { ordinal: phase.ordinal, lng })).trim();
    return name === short || [':', ' ', '-', '.'].some((sep) => name.startsWith(`${short}${sep}`));
  });
  return says
    ? phase.name
    : t('rollout.phases.ordinalName', { ordinal: phase.ordinal, name: phase.name });
}

type ChipColor = 'default' | 'primary' | 'success' | 'warning' | 'error' | 'info';

const PROGRAMME_COLOR: Record<ProgrammeStatus, ChipColor> = { DRAFT: 'default', ACTIVE: 'success', CLOSED: 'default' };
const PHASE_COLOR: Record<PhaseStatus, ChipColor> = { PLANNED: 'info', IN_PROGRESS: 'primary', CLOSED: 'default' };
const ACTION_COLOR: Record<ActionItemState, ChipColor> = { OPEN: 'warning', IN_PROGRESS: 'info', DONE: 'success', CANCELLED: 'default' };

export function ProgrammeStatusChip({ status }: { status: ProgrammeStatus }) {
  const { t } = useTranslation();
  return (
    <Chip
      size="small"
      color={PROGRAMME_COLOR[status]}
      variant={status === 'CLOSED' ? 'filled' : 'outlined'}
      label={t(`rollout.labels.programmeStatus.${status}`)}
      data-testid="programme-status"
      data-status={status}
    />
  );
}

export function PhaseStatusChip({ status }: { status: PhaseStatus }) {
  const { t } = useTranslation();
  return (
    <Chip
      size="small"
      color={PHASE_COLOR[status]}
      variant={status === 'IN_PROGRESS' ? 'filled' : 'outlined'}
      label={t(`rollout.labels.phaseStatus.${status}`)}
      data-testid="phase-status"
      data-status={status}
    />
  );
}

export function ActionItemStateChip({ state, overdue }: { state: ActionItemState; overdue?: boolean }) {
  const { t } = useTranslation();
  return (
    <Chip
      size="small"
      color={overdue ? 'error' : ACTION_COLOR[state]}
      variant="outlined"
      label={overdue ? `${t(`rollout.labels.actionItemState.${state}`)} · ${t('rollout.meetings.overdue')}` : t(`rollout.labels.actionItemState.${state}`)}
      data-testid="action-item-state"
    />
  );
}
