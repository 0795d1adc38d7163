import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@apollo/client/react';
import { Link as RouterLink } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import { DossierForecastDocument, type DossierForecastQuery } from '../../graphql/generated';
import { ProblemAlert } from '../../components/ProblemAlert';
import { apiProblem } from '../../graphql/errors';
import { addDays, formatDate } from '../../dates';
import { useAddressParams } from '../../hooks/useAddressParams';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { currentLanguage } from '../../i18n';
import { OverviewBarChart } from '../overview/OverviewBarChart';
import { DeskPicker, useMyDesks, type DeskOption } from '../roster/DeskPicker';
import { useRosterAccess } from '../roster/access';

type Forecast = DossierForecastQuery['dossierForecast'];

const WEEKS = [1, 2, 4, 8] as const;

const number = (value: number, digits = 1) => value.toLocaleString(currentLanguage() === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: digits });
const shortDay = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}`;
type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
const weekdayOf = (n: number) => Math.min(7, Math.max(1, n)) as Weekday;

/** Weekday × slot: the mean expected arrivals over the forecast weeks and the most counters any of those days asks for. */
function weekdaySlotTable(f: Forecast) {
  const slots = new Map<string, { opensAt: string; closesAt: string }>();
  const cells = new Map<string, { sum: number; n: number; counters: number }>();
  const weekdays = new Set<number>();
  for (const d of f.days) {
    if (d.status !== 'OPEN') continue;
    for (const s of d.slots) {
      const key = `${s.opensAt}–${s.closesAt}`;
      slots.set(key, { opensAt: s.opensAt, closesAt: s.closesAt });
      weekdays.add(d.weekday);
      if (s.expected == null) continue;
      const cell = cells.get(`${d.weekday}|${key}`) ?? { sum: 0, n: 0, counters: 0 };
      cell.sum += s.expected;
      cell.n += 1;
      cell.counters = Math.max(cell.counters, s.counters ?? 0);
      cells.set(`${d.weekday}|${key}`, cell);
    }
  }
  return {
    slots: [...slots.entries()].sort((a, b) => a[1].opensAt.localeCompare(b[1].opensAt)),
    weekdays: [...weekdays].sort(),
    cell: (weekday: number, key: string) => cells.get(`${weekday}|${key}`) ?? null,
  };
}

function ForecastView({ forecast, canApply }: { forecast: Forecast; canApply: boolean }) {
  const { t } = useTranslation();
  const theme = useTheme();
  const weekdayName = (w: number) => t(`reports.forecast.weekday.${weekdayOf(w)}`);
  const shown = forecast.days.filter((d) => d.status !== 'CLOSED');
  const holidays = forecast.days.filter((d) => d.status === 'HOLIDAY');
  const table = useMemo(() => weekdaySlotTable(forecast), [forecast]);
  const total = forecast.days.reduce((a, d) => a + (d.expected ?? 0), 0);
  const compared = forecast.backtest.filter((w) => w.slotsCompared > 0);
  const applyTo = `/staff/roster?desk=${forecast.desk.id}&week=${forecast.from}&demand=forecast`;
  return (
    <Stack spacing={3}>
      {!forecast.enoughHistory && (
        <Alert severity="info" data-testid="forecast-little-history">
          {t('reports.forecast.littleHistory', { days: forecast.historyDays })}
        </Alert>
      )}
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="h2" gutterBottom>
          {t('reports.forecast.comingTitle', { from: formatDate(forecast.from), to: formatDate(forecast.to) })}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} data-testid="forecast-summary">
          {t('reports.forecast.summary', { total: number(total, 0), from: formatDate(forecast.historyFrom), to: formatDate(forecast.historyTo) })}{' '}
          {forecast.seasonal ? t('reports.forecast.seasonal') : t('reports.forecast.notSeasonal')}
        </Typography>
        <OverviewBarChart
          title={t('reports.forecast.chartTitle')}
          categories={shown.map((d) => `${t(`reports.forecast.weekdayShort.${weekdayOf(d.weekday)}`)} ${shortDay(d.day)}`)}
          series={[{ id: 'expected', color: theme.palette.primary.main, label: t('reports.forecast.expected'), data: shown.map((d) => d.expected ?? null) as number[] }]}
          xLabel={t('reports.forecast.day')}
          yLabel={t('reports.forecast.dossiers')}
          testId="forecast-chart"
        />
        {holidays.length > 0 && (
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mt: 1 }} data-testid="forecast-holidays">
            {holidays.map((d) => (
              <Chip key={d.day} color="warning" variant="outlined" label={t('reports.forecast.holiday', { day: formatDate(d.day), name: d.note ?? '' })} />
            ))}
          </Stack>
        )}
      </Paper>

      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="h2" gutterBottom>
          {t('reports.forecast.tableTitle')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {t('reports.forecast.tableHelp', { rate: number(forecast.dossiersPerCounterHour), counters: forecast.openCounters })}
        </Typography>
        <TableContainer>
          <Table size="small" data-testid="forecast-weekday-table">
            <TableHead>
              <TableRow>
                <TableCell>{t('reports.forecast.slot')}</TableCell>
                {table.weekdays.map((w) => (
                  <TableCell key={w} align="right">
                    {weekdayName(w)}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {table.slots.map(([key, s]) => (
                <TableRow key={key}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{`${s.opensAt}–${s.closesAt}`}</TableCell>
                  {table.weekdays.map((w) => {
                    const cell = table.cell(w, key);
                    return (
                      <TableCell key={w} align="right" sx={{ whiteSpace: 'nowrap' }}>
                        {cell ? (
                          <>
                            {t('reports.forecast.cellDossiers', { value: number(cell.sum / cell.n) })}
                            <Typography variant="caption" component="div" color="text.secondary">
                              {t('reports.forecast.cellCounters', { count: cell.counters })}
                            </Typography>
                          </>
                        ) : (
                          '—'
                        )}
                      </TableCell>
                    );
                  })}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
        {canApply && (
          <Box sx={{ mt: 2 }}>
            <Button variant="contained" component={RouterLink} to={applyTo} data-testid="forecast-apply">
              {t('reports.forecast.apply')}
            </Button>
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              {t('reports.forecast.applyHelp', { from: formatDate(forecast.from), to: formatDate(addDays(forecast.from, 6)) })}
            </Typography>
          </Box>
        )}
      </Paper>

      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="h2" gutterBottom>
          {t('reports.forecast.pastTitle')}
        </Typography>
        <Typography variant="body1" sx={{ mb: 1 }} data-testid="forecast-error">
          {forecast.backtestMae == null
            ? t('reports.forecast.noPast')
            : forecast.backtestWape == null
              ? t('reports.forecast.errorNoShare', { mae: number(forecast.backtestMae) })
              : t('reports.forecast.error', { mae: number(forecast.backtestMae), wape: number(forecast.backtestWape, 0) })}
        </Typography>
        <TableContainer>
          <Table size="small" data-testid="forecast-past-table">
            <TableHead>
              <TableRow>
                <TableCell>{t('reports.forecast.week')}</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>{t('reports.forecast.forecastCol')}</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>{t('reports.forecast.actualCol')}</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>{t('reports.forecast.maeCol')}</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>{t('reports.forecast.wapeCol')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {forecast.backtest.map((w) => (
                <TableRow key={w.from}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{`${formatDate(w.from)} – ${formatDate(w.to)}`}</TableCell>
                  <TableCell align="right">{w.forecast == null ? '—' : number(w.forecast)}</TableCell>
                  <TableCell align="right">{w.actual == null ? '—' : number(w.actual, 0)}</TableCell>
                  <TableCell align="right">{w.mae == null ? '—' : number(w.mae)}</TableCell>
                  <TableCell align="right">{w.wape == null ? '—' : `${number(w.wape, 0)} %`}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
        {compared.length < forecast.backtest.length && (
          <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
            {t('reports.forecast.pastGaps')}
          </Typography>
        )}
      </Paper>

      <Typography variant="body2" color="text.secondary" data-testid="forecast-method">
        {t('reports.forecast.method')}
      </Typography>
    </Stack>
  );
}

/** Dự báo lượng hồ sơ: a desk's coming weeks, its error on past weeks, and a way to roster by it. The desk and weeks live in the address. */
export function ForecastPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('reports.forecast.title'));
  const { params, set } = useAddressParams();
  const access = useRosterAccess();
  const deskId = params.get('desk') ?? '';
  const weeks = Number(params.get('weeks')) || 4;
  const { desks, busiest } = useMyDesks();
  const [chosen, setChosen] = useState<DeskOption | null>(null);
  useEffect(() => {
    if (!deskId && busiest) set('desk', busiest.id);
  }, [deskId, busiest, set]);
  const { data, loading, error } = useQuery(DossierForecastDocument, { variables: { input: { deskId, weeks } }, skip: !deskId });
  const forecast = data?.dossierForecast;
  const deskName = forecast?.desk.id === deskId ? forecast.desk.name : (desks.find((d) => d.id === deskId)?.label ?? (chosen?.id === deskId ? chosen.label : ''));
  const value: DeskOption | null = deskId ? { id: deskId, label: deskName, mine: desks.some((d) => d.id === deskId) } : null;
  return (
    <Stack spacing={2}>
      <Typography variant="body1">{t('reports.forecast.intro')}</Typography>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'flex-start' } }}>
        <DeskPicker
          value={value}
          mine={desks}
          onChange={(desk) => {
            setChosen(desk);
            set('desk', desk?.id ?? '');
          }}
        />
        <TextField select size="small" label={t('reports.forecast.weeks')} value={weeks} onChange={(e) => set('weeks', String(e.target.value))} sx={{ minWidth: 160 }} data-testid="forecast-weeks">
          {WEEKS.map((w) => (
            <MenuItem key={w} value={w}>
              {t('reports.forecast.weeksOption', { count: w })}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      {loading && <LinearProgress aria-label={t('reports.forecast.loading')} />}
      {error && <ProblemAlert problem={apiProblem(error)} />}
      {!deskId && <Alert severity="info">{t('reports.forecast.chooseDesk')}</Alert>}
      {forecast && forecast.desk.id === deskId && <ForecastView forecast={forecast} canApply={access.write} />}
    </Stack>
  );
}
