import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, isoWeekday } from '../../dates';
import { currentLanguage } from '../../i18n';
import type { ClientConflict } from './rules';
import { hoursText } from './week';

const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** The texts of the roster that depend on data: weekdays, days, shifts, conflicts. */
export function useRosterLabels() {
  const { t } = useTranslation();
  /** "Thứ Hai". */
  const weekday = useCallback((day: string) => t(`roster.weekdays.${WEEKDAY_KEYS[isoWeekday(day) - 1]}`), [t]);
  /** "Thứ Hai 12/01/2026". */
  const dayLabel = useCallback((day: string) => `${weekday(day)} ${formatDate(day)}`, [weekday]);
  /** "quầy số 2, Thứ Hai 12/01/2026, 07:30–11:30". */
  const shiftPlace = useCallback(
    (s: { day: string; startsAt: string; endsAt: string; counter?: { number: number } | null }) =>
      t('roster.swap.shiftShort', { number: s.counter?.number ?? '', day: dayLabel(s.day), from: s.startsAt, to: s.endsAt }),
    [dayLabel, t],
  );
  /** A rule the board sees broken, in the words the API would use. */
  const conflictText = useCallback(
    (c: ClientConflict) => {
      const p = c.params;
      const language = currentLanguage();
      switch (c.rule) {
        case 'ABSENT':
          return t('roster.rules.ABSENT', {
            name: p.name,
            kind: t(`roster.absenceKinds.${p.kind as 'LEAVE'}`).toLowerCase(),
            from: formatDate(String(p.from)),
            to: formatDate(String(p.to)),
          });
        case 'PERSON_DOUBLE_BOOKED': {
          const where = p.place ? t('roster.rules.at', { place: p.place }) : p.number ? t('roster.rules.atCounter', { number: p.number }) : '';
          return t('roster.rules.PERSON_DOUBLE_BOOKED', { name: p.name, day: dayLabel(String(p.day)), from: p.from, to: p.to, where });
        }
        case 'DAILY_HOURS':
          return t('roster.rules.DAILY_HOURS', { name: p.name, hours: hoursText(Number(p.minutes), language), day: dayLabel(String(p.day)) });
        case 'WEEKLY_HOURS':
          return t('roster.rules.WEEKLY_HOURS', { name: p.name, hours: hoursText(Number(p.minutes), language) });
        default:
          return t(`roster.rules.${c.rule}`, p);
      }
    },
    [dayLabel, t],
  );
  return { weekday, dayLabel, shiftPlace, conflictText };
}
