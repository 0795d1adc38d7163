import type { ChipProps } from '@mui/material/Chip';
import type { DossierAction, DossierChannel, DossierStatus, PostalEventKind, SatisfactionRating } from '../../graphql/generated';
import { formatNumber } from '../../components/FieldHelp';

/** The national statuses in their order (codes 1–10); the words are dossiers.status.* (the API's dossier-status.ts wording). */
export const DOSSIER_STATUSES: readonly DossierStatus[] = [
  'NEW',
  'RECEIVED',
  'NOT_ACCEPTED',
  'PROCESSING',
  'SUPPLEMENT_REQUESTED',
  'AWAITING_FINANCIAL_OBLIGATION',
  'WITHDRAWAL_REQUESTED',
  'STOPPED',
  'RESULT_READY',
  'RESULT_RETURNED',
];

export const DOSSIER_CHANNELS: readonly DossierChannel[] = ['AT_DESK', 'AT_POST_OFFICE', 'HOME_APPOINTMENT', 'ONLINE_WITH_POSTAL_PICKUP'];

/** The channels a dossier is received through at a desk or a post office (online ones come from portals). */
export const RECEPTION_CHANNELS: readonly DossierChannel[] = ['AT_DESK', 'AT_POST_OFFICE', 'HOME_APPOINTMENT'];

export const POSTAL_EVENT_KINDS: readonly PostalEventKind[] = [
  'PICKUP_SCHEDULED',
  'PICKED_UP',
  'HANDED_TO_AGENCY',
  'RESULT_COLLECTED',
  'OUT_FOR_DELIVERY',
  'DELIVERED',
  'DELIVERY_FAILED',
];

export const RATINGS: readonly SatisfactionRating[] = ['SATISFIED', 'NEUTRAL', 'DISSATISFIED'];

/** The statuses an agency officer decides on: their queue. */
export const QUEUE_STATUSES: readonly DossierStatus[] = ['PROCESSING', 'AWAITING_FINANCIAL_OBLIGATION', 'WITHDRAWAL_REQUESTED'];

/** Closed: nothing more happens (no apology, no new date). */
export const FINAL_STATUSES: readonly DossierStatus[] = ['NOT_ACCEPTED', 'STOPPED', 'RESULT_RETURNED'];

/** Steps that need a reason (the API refuses them without one); REQUEST_SUPPLEMENT also lists the documents. */
export const NOTE_REQUIRED: readonly DossierAction[] = ['REFUSE', 'STOP', 'REQUEST_SUPPLEMENT'];

export const STATUS_COLOUR: Record<DossierStatus, ChipProps['color']> = {
  NEW: 'default',
  RECEIVED: 'info',
  NOT_ACCEPTED: 'default',
  PROCESSING: 'primary',
  SUPPLEMENT_REQUESTED: 'warning',
  AWAITING_FINANCIAL_OBLIGATION: 'warning',
  WITHDRAWAL_REQUESTED: 'warning',
  STOPPED: 'default',
  RESULT_READY: 'success',
  RESULT_RETURNED: 'success',
};

/** `50000` → `50.000 đ` (Vietnamese) or `VND 50,000`. */
export function formatMoney(amount: number, language: string, t: (key: 'dossiers.money', options: { amount: string }) => string): string {
  return t('dossiers.money', { amount: formatNumber(amount, language) });
}

/** Removes Vietnamese diacritics (đ → d): how the API compares names. */
export function withoutDiacritics(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}
