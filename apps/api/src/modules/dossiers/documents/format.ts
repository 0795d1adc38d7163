import { shownDay, timeOfDay, todayInVietnam } from '../../../platform/graphql/scalars';

/**
 * How the legal forms write days, times and money. Every instant is shown in Vietnam time (UTC+7, no
 * daylight saving), whatever the server's zone, through the platform's date helpers.
 */

const MINUTES_PER_DAY = 24 * 60;
const VIETNAM_OFFSET_MINUTES = 7 * 60;

/** 04/12/2026: the day of an instant in Vietnam. */
export function vietnamDay(at: Date): string {
  return shownDay(todayInVietnam(at));
}

/** 09:05: the time of day of an instant in Vietnam. */
export function vietnamTime(at: Date): string {
  const minutes = Math.floor(at.getTime() / 60_000) + VIETNAM_OFFSET_MINUTES;
  return timeOfDay(((minutes % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY);
}

/** 04/12/2026 09:05. */
export function vietnamDateTime(at: Date): string {
  return `${vietnamDay(at)} ${vietnamTime(at)}`;
}

/** The place-and-date line of an administrative document: "Hà Tĩnh, ngày 04 tháng 12 năm 2026". */
export function placeAndDate(place: string, at: Date): string {
  const [day, month, year] = vietnamDay(at).split('/');
  return `${place}, ngày ${day} tháng ${month} năm ${year}`;
}

const VND = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

/** 50000 → "50.000 đ" (dots group the thousands, as Vietnamese documents write amounts). */
export function vnd(amount: number): string {
  return `${VND.format(amount)} đ`;
}
