import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, isoWeekday } from '../../dates';
import { timeRange } from './days';

interface ShiftLike {
  day: string;
  startsAt: string;
  endsAt: string;
  desk?: { name: string } | null;
  counter?: { number: number } | null;
}

/** How a shift reads: "Thứ Hai, 07/12/2026, 07:30–11:30" and where, "Trung tâm …, quầy 2". */
export function useShiftText() {
  const { t } = useTranslation();
  const weekday = useCallback((day: string) => t(`staff.labels.weekday.${isoWeekday(day) as 1}`), [t]);
  const when = useCallback(
    (s: ShiftLike) => t('staff.shift.line', { weekday: weekday(s.day), date: formatDate(s.day), time: timeRange(s.startsAt, s.endsAt) }),
    [t, weekday],
  );
  const where = useCallback((s: ShiftLike) => t('staff.shift.where', { desk: s.desk?.name ?? '', number: s.counter?.number ?? '' }), [t]);
  return { weekday, when, where };
}
