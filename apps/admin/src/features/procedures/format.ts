import type { TFunction } from 'i18next';
import type { BcciMode, OnlineLevel, ProcedureLevel, ProcessingTimeUnit } from '../../graphql/generated';

export const BCCI_MODES: readonly BcciMode[] = ['RECEIVE_AND_RETURN', 'RETURN_ONLY', 'NOT_ELIGIBLE'];
export const ONLINE_LEVELS: readonly OnlineLevel[] = ['FULL', 'PARTIAL', 'NONE'];
export const LEVELS: readonly ProcedureLevel[] = ['PROVINCE', 'DISTRICT', 'COMMUNE'];
export const UNITS: readonly ProcessingTimeUnit[] = ['WORKING_DAYS', 'WORKING_HOURS'];

/** An amount in đồng as Vietnamese documents write it, in both languages: `50.000 đ`. */
export function formatFee(amount: number): string {
  return `${new Intl.NumberFormat('vi-VN').format(amount)} đ`;
}

/** The procedure fee in words: `50.000 đ`, or "Không thu" for none. */
export function feeText(t: TFunction, amount: number): string {
  return amount === 0 ? t('procedures.free') : formatFee(amount);
}

/** The legal processing time: `15 ngày làm việc`, `4 giờ làm việc`. */
export function durationText(t: TFunction, time: number, unit: ProcessingTimeUnit): string {
  return t(`procedures.duration.${unit}`, { count: time });
}

/** What to bring of one component: "1 bản chính, 2 bản sao". */
export function copiesText(t: TFunction, originals: number, copies: number): string {
  if (originals && copies) return t('procedures.checklist.count', { originals, copies });
  if (originals) return t('procedures.checklist.countOriginals', { count: originals });
  if (copies) return t('procedures.checklist.countCopies', { count: copies });
  return t('procedures.checklist.countNone');
}
