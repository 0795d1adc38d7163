/** First day of our data: units older than this are given this date. */
export const DATA_START = '2004-01-01';
/** Last day of the pre-reform units (districts, 63 provinces, pre-2025 communes). */
export const REFORM_LAST_DAY = '2025-06-30';
/**
 * First day of the post-reform units: the day the new provincial and commune
 * administrations "chính thức hoạt động" (Điều 2 khoản 2 of each 2025 UBTVQH commune
 * resolution, e.g. 1665/NQ-UBTVQH15); the old ones kept working until then (khoản 3).
 */
export const REFORM_FIRST_DAY = '2025-07-01';
