import { useTranslation } from 'react-i18next';
import { useQuery } from '@apollo/client/react';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { DeskMonthCoverageDocument, type DeskMonthCoverageQuery } from '../../graphql/generated';
import { ProblemAlert } from '../../components/ProblemAlert';
import { apiProblem } from '../../graphql/errors';
import { useRosterLabels } from './labels';
import { addDays, mondayOf } from './week';

type Slot = NonNullable<DeskMonthCoverageQuery['oneStopDesk']>['coverage']['slots'][number];

/** The month a week belongs to: the month of its Thursday (as ISO weeks count). */
export function monthOfWeek(monday: string): { from: string; to: string; label: string } {
  const thursday = addDays(monday, 3);
  const [y, m] = thursday.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const mm = String(m).padStart(2, '0');
  return { from: `${y}-${mm}-01`, to: `${y}-${mm}-${String(last).padStart(2, '0')}`, label: `${mm}/${y}` };
}

/**
 * Coverage of a desk over the month of the week shown: for each day with opening slots, each slot's
 * staffed/demanded counters, the gaps in red with words; a day opens its week on the board.
 */
export function MonthCoverage({ deskId, monday, onWeek }: { deskId: string; monday: string; onWeek: (monday: string) => void }) {
  const { t } = useTranslation();
  const { dayLabel } = useRosterLabels();
  const month = monthOfWeek(monday);
  const { data, loading, error } = useQuery(DeskMonthCoverageDocument, { variables: { id: deskId, from: month.from, to: month.to } });
  const coverage = data?.oneStopDesk?.coverage;
  const days = new Map<string, Slot[]>();
  for (const slot of coverage?.slots ?? []) days.set(slot.day, [...(days.get(slot.day) ?? []), slot]);
  return (
    <Paper variant="outlined" sx={{ p: 2, mt: 3 }} className="no-print" data-testid="roster-month-coverage">
      <Typography variant="h2" sx={{ fontSize: '1.1rem', mb: 0.5 }}>
        {t('roster.month.title', { month: month.label })}
      </Typography>
      {error && <ProblemAlert problem={apiProblem(error)} />}
      {loading && !data && <Skeleton variant="rounded" height={120} aria-busy="true" aria-label={t('status.loading')} />}
      {coverage && (
        <>
          <Typography variant="body2" sx={{ mb: 1 }} data-testid="roster-month-total">
            {t('roster.month.total', { staffed: coverage.staffed, demanded: coverage.demanded })}
            {' · '}
            <Box component="span" sx={{ color: coverage.gaps ? 'error.dark' : 'success.dark', fontWeight: 500 }}>
              {coverage.gaps ? t('roster.month.gaps', { gaps: coverage.gaps }) : t('roster.month.full')}
            </Box>
          </Typography>
          {days.size === 0 ? (
            <Typography variant="body2" color="text.secondary">
              {t('roster.month.noSlots')}
            </Typography>
          ) : (
            <Box sx={{ overflowX: 'auto' }}>
              <Table size="small" aria-label={t('roster.month.title', { month: month.label })}>
                <TableHead>
                  <TableRow>
                    <TableCell>{t('roster.month.day')}</TableCell>
                    <TableCell>{t('roster.month.slots')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {[...days.entries()].map(([day, slots]) => {
                    const short = slots.some((s) => s.gap > 0);
                    return (
                      <TableRow key={day} data-testid="roster-month-day" data-gap={short ? 'true' : 'false'}>
                        <TableCell sx={{ whiteSpace: 'nowrap' }}>
                          <Link component="button" variant="body2" onClick={() => onWeek(mondayOf(day))}>
                            {dayLabel(day)}
                          </Link>
                        </TableCell>
                        <TableCell>
                          {slots.map((s) => (
                            <Box
                              key={s.opensAt}
                              component="span"
                              sx={{ display: 'inline-block', mr: 2, color: s.gap ? 'error.dark' : 'text.primary', fontWeight: s.gap ? 500 : 400 }}
                            >
                              {`${s.opensAt}–${s.closesAt}: `}
                              {s.demanded === 0
                                ? t('roster.coverage.none')
                                : s.gap
                                  ? t('roster.coverage.gap', { gap: s.gap, staffed: s.staffed, demanded: s.demanded })
                                  : t('roster.coverage.full', { staffed: s.staffed, demanded: s.demanded })}
                            </Box>
                          ))}
                        </TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            </Box>
          )}
        </>
      )}
    </Paper>
  );
}
