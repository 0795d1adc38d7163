import { useTranslation } from 'react-i18next';
import { useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import ChevronLeft from '@mui/icons-material/ChevronLeft';
import ChevronRight from '@mui/icons-material/ChevronRight';
import { MyRosterDocument, type MyRosterQuery } from '../../graphql/generated';
import { ProblemAlert } from '../../components/ProblemAlert';
import { apiProblem } from '../../graphql/errors';
import { formatDate, addDays, todayIso } from '../../dates';
import { currentLanguage } from '../../i18n';
import { useAddressParams } from '../../hooks/useAddressParams';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useRosterLabels } from './labels';
import { hoursText, mondayOf, toMinutes, weekOfParam } from './week';
import { CalendarFeedCard } from './CalendarFeedCard';

/** Four weeks at a time. */
const WEEKS = 4;

type MyShift = MyRosterQuery['myShifts'][number];

function WeekCard({ monday, shifts, today }: { monday: string; shifts: readonly MyShift[]; today: string }) {
  const { t } = useTranslation();
  const { dayLabel } = useRosterLabels();
  const minutes = shifts.reduce((sum, s) => sum + toMinutes(s.endsAt) - toMinutes(s.startsAt), 0);
  return (
    <Paper variant="outlined" sx={{ p: { xs: 1.5, sm: 2 } }} data-testid="my-roster-week" data-week={monday}>
      <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ justifyContent: 'space-between', alignItems: { sm: 'baseline' }, mb: 1 }}>
        <Typography variant="h2" component="h2">
          {t('roster.mine.week', { from: formatDate(monday), to: formatDate(addDays(monday, 6)) })}
        </Typography>
        {shifts.length > 0 && (
          <Typography variant="body2" color="text.secondary">
            {t('roster.mine.weekHours', { count: shifts.length, hours: hoursText(minutes, currentLanguage()) })}
          </Typography>
        )}
      </Stack>
      {shifts.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t('roster.mine.weekEmpty')}
        </Typography>
      ) : (
        <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }}>
          {shifts.map((s) => (
            <Box
              component="li"
              key={s.id}
              data-testid="my-roster-shift"
              sx={{
                display: 'grid',
                gridTemplateColumns: { xs: '1fr', md: '200px 110px 1fr 1fr' },
                gap: { xs: 0.25, md: 2 },
                py: 1,
                borderTop: 1,
                borderColor: 'divider',
                bgcolor: s.day === today ? '#fff8e1' : undefined,
              }}
            >
              <Typography variant="body2" sx={{ fontWeight: 500 }}>
                {dayLabel(s.day)}
                {s.day === today && <Chip size="small" color="secondary" label={t('roster.mine.today')} sx={{ ml: 1 }} />}
              </Typography>
              <Typography variant="body2">
                <Box component="span" sx={{ display: { md: 'none' }, color: 'text.secondary' }}>
                  {t('roster.mine.time')}:{' '}
                </Box>
                {s.startsAt}–{s.endsAt}
              </Typography>
              <Typography variant="body2">
                <Box component="span" sx={{ display: { md: 'none' }, color: 'text.secondary' }}>
                  {t('roster.mine.desk')}:{' '}
                </Box>
                {s.desk?.name}
              </Typography>
              <Typography variant="body2">
                <Box component="span" sx={{ display: { md: 'none' }, color: 'text.secondary' }}>
                  {t('roster.mine.counter')}:{' '}
                </Box>
                {s.counter ? t('roster.mine.counterValue', { number: s.counter.number, name: s.counter.name }) : ''}
              </Typography>
            </Box>
          ))}
        </Box>
      )}
    </Paper>
  );
}

/** Lịch trực của tôi: the signed-in person's published shifts, four weeks at a time, with why there are none. */
export default function MyRosterPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('roster.mine.title'));
  const { params, set } = useAddressParams();
  const thisWeek = mondayOf(todayIso());
  const from = weekOfParam(params.get('from'));
  const to = addDays(from, WEEKS * 7 - 1);
  const today = todayIso();
  const { data, loading, error } = useQuery(MyRosterDocument, { variables: { from, to } });
  const go = (day: string) => set('from', day === thisWeek ? '' : day);
  const range = { from: formatDate(from), to: formatDate(to) };
  const weeks = Array.from({ length: WEEKS }, (_, i) => addDays(from, i * 7));
  const shifts = data?.myShifts ?? [];
  return (
    <Box data-testid="my-roster">
      <Typography variant="h1" gutterBottom>
        {t('roster.mine.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t('roster.mine.intro')}
      </Typography>
      {error && <ProblemAlert problem={apiProblem(error)} />}
      {loading && !data && <Skeleton variant="rounded" height={240} aria-busy="true" aria-label={t('status.loading')} />}
      {data && !data.myStaffRecord && (
        <Alert severity="info" data-testid="my-roster-no-record">
          {t('roster.mine.noRecord')}
        </Alert>
      )}
      {data?.myStaffRecord && (
        <Stack spacing={2}>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={1.5} sx={{ justifyContent: 'space-between', alignItems: { md: 'center' } }}>
            <Box>
              <Typography variant="body1" sx={{ fontWeight: 500 }}>
                {t('roster.mine.person', { name: data.myStaffRecord.fullName })}
              </Typography>
              <Typography variant="body2" color="text.secondary" data-testid="my-roster-range">
                {t('roster.mine.weeks', range)}
              </Typography>
            </Box>
            <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
              <Button
                size="small"
                variant="outlined"
                startIcon={<ChevronLeft />}
                onClick={() => go(addDays(from, -WEEKS * 7))}
                data-testid="my-roster-previous"
              >
                {t('roster.mine.previous')}
              </Button>
              <Button size="small" variant="outlined" onClick={() => go(thisWeek)} disabled={from === thisWeek}>
                {t('roster.mine.current')}
              </Button>
              <Button size="small" variant="outlined" endIcon={<ChevronRight />} onClick={() => go(addDays(from, WEEKS * 7))} data-testid="my-roster-next">
                {t('roster.mine.next')}
              </Button>
            </Stack>
          </Stack>
          <CalendarFeedCard staffId={data.myStaffRecord.id} hasFeed={data.myStaffRecord.hasCalendarFeed} />
          {shifts.length === 0 ? (
            <Alert severity="info" data-testid="my-roster-nothing">
              {t('roster.mine.nothing', range)}
            </Alert>
          ) : (
            weeks.map((monday) => (
              <WeekCard key={monday} monday={monday} shifts={shifts.filter((s) => s.day >= monday && s.day <= addDays(monday, 6))} today={today} />
            ))
          )}
        </Stack>
      )}
    </Box>
  );
}
