/** The weekdays in the order a Vietnamese week is written: Thứ Hai … Chủ nhật. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const TIME = /^([01]?\d|2[0-3])(?:[:hH.]?([0-5]\d)|[hH]?)$/;

/** "7:30", "0730", "7h30" → "07:30", "11" or "11h" → "11:00"; null when it is not a time of day. */
export function normaliseTime(text: string): string | null {
  const match = TIME.exec(text.trim());
  return match ? `${match[1].padStart(2, '0')}:${match[2] ?? '00'}` : null;
}

/** "07:30–11:30". */
export function timeRange(from: string, to: string): string {
  return `${from}–${to}`;
}
