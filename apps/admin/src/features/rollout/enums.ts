import type { ActionItemState, HandoverModel, HandoverStatus, HandoverTask, MeetingKind, PhaseStatus, SiteStatus } from '../../graphql/generated';

// The API's rollout and handover enums in the order the UI lists them (labels: rollout.labels.*).
export const SITE_STATUSES: readonly SiteStatus[] = ['PLANNED', 'PREPARING', 'LAUNCHED', 'OPERATING', 'REVIEWED', 'SUSPENDED', 'WITHDRAWN'];
/** The main line of the site status machine, for the stepper (SUSPENDED and WITHDRAWN sit beside it). */
export const SITE_MAIN_LINE: readonly SiteStatus[] = ['PLANNED', 'PREPARING', 'LAUNCHED', 'OPERATING', 'REVIEWED'];
export const PHASE_STATUSES: readonly PhaseStatus[] = ['PLANNED', 'IN_PROGRESS', 'CLOSED'];
export const HANDOVER_MODELS: readonly HandoverModel[] = ['AT_AGENCY', 'AT_POST_OFFICE'];
export const MEETING_KINDS: readonly MeetingKind[] = ['QUARTERLY_REVIEW', 'PRELIMINARY_REVIEW', 'INSPECTION', 'OTHER'];
export const ACTION_ITEM_STATES: readonly ActionItemState[] = ['OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED'];
export const HANDOVER_STATUSES: readonly HandoverStatus[] = ['DRAFT', 'SIGNED', 'EFFECTIVE', 'REVERSED'];
export const HANDOVER_TASKS: readonly HandoverTask[] = ['ON_DUTY', 'GUIDANCE', 'RECEIVING', 'DIGITISING', 'RETURNING_RESULTS'];

type ChipColor = 'default' | 'primary' | 'secondary' | 'success' | 'warning' | 'error' | 'info';
export const SITE_STATUS_COLOR: Record<SiteStatus, ChipColor> = {
  PLANNED: 'default',
  PREPARING: 'info',
  LAUNCHED: 'primary',
  OPERATING: 'success',
  REVIEWED: 'secondary',
  SUSPENDED: 'warning',
  WITHDRAWN: 'default',
};
export const HANDOVER_STATUS_COLOR: Record<HandoverStatus, ChipColor> = { DRAFT: 'default', SIGNED: 'info', EFFECTIVE: 'success', REVERSED: 'error' };
