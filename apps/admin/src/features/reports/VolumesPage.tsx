import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Link, useSearchParams } from 'react-router';
import { useApolloClient, useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
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
import {
  DossierVolumesDocument,
  ExportDossierVolumesDocument,
  type ReportGranularity,
  type VolumeBreakdown,
  type VolumeFigureFragment,
  type VolumeRowFragment,
  type VolumeSource,
} from '../../graphql/generated';
import { DateField, INVALID_DAY } from '../../components/DateField';
import { ProblemAlert } from '../../components/ProblemAlert';
import { apiProblem } from '../../graphql/errors';
import { formatDate, isIsoDate, todayIso } from '../../dates';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useNumberFormats } from '../overview/formats';
import { OverviewBarChart } from '../overview/OverviewBarChart';
import { formatShare } from '../dossiers/SatisfactionPage';
import { UnitPicker } from '../organisation/pickers';
import { ReportDownloadButton } from './ReportDownloadButton';

type Granularity = Exclude<ReportGranularity, 'DAY'>;
export const GRANULARITIES: readonly Granularity[] = ['MONTH', 'QUARTER', 'YEAR'];
export const BREAKDOWNS: readonly VolumeBreakdown[] = ['CHILD_UNIT', 'DESK', 'POST_OFFICE', 'NONE'];

/** The figures of the summary and of the table's columns, in the order officials read them. */
const COUNTS = ['received', 'receivedViaBcci', 'resultsReturnedViaBcci', 'totalViaBcci', 'online', 'atDesk'] as const;

/** The first day of this year (YYYY-MM-DD). */
const yearStart = () => `${todayIso().slice(0, 4)}-01-01`;

/** The report's filters, kept in the address (drill-down adds a history entry: back returns to the unit above). */
function useVolumeFilters() {
  const [params, setParams] = useSearchParams();
  const granularityParam = params.get('period') as Granularity | null;
  const breakdownParam = params.get('breakdown') as VolumeBreakdown | null;
  const filters = {
    unit: params.get('unit') ?? '',
    from: params.get('from') ?? yearStart(),
    to: params.get('to') ?? todayIso(),
    granularity: granularityParam && GRANULARITIES.includes(granularityParam) ? granularityParam : ('MONTH' as Granularity),
    breakdown: breakdownParam && BREAKDOWNS.includes(breakdownParam) ? breakdownParam : ('CHILD_UNIT' as VolumeBreakdown),
  };
  /** The address with these changes (empty values drop their parameter). */
  const search = (changes: Partial<Record<'unit' | 'from' | 'to' | 'period' | 'breakdown', string>>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    return `?${next.toString()}`;
  };
  const update = (changes: Parameters<typeof search>[0], push = false) => setParams(new URLSearchParams(search(changes)), { replace: !push });
  return { filters, search, update };
}

function SourceChips({ sources }: { sources: readonly VolumeSource[] }) {
  const { t } = useTranslation();
  if (sources.length === 0) return <Typography variant="body2" color="text.secondary">{t('reports.volumes.noSource')}</Typography>;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {sources.map((s) => (
        <Chip key={s} size="small" variant="outlined" color={s === 'DOSSIERS' ? 'primary' : 'secondary'} label={t(`reports.volumes.sources.${s}`)} data-testid={`volume-source-${s}`} />
      ))}
    </Stack>
  );
}

/** "Huyện X (01/01/2023 – 31/12/2023): Báo cáo số …". */
function figureText(t: TFunction, f: VolumeFigureFragment): string {
  return t('reports.volumes.figureSource', {
    unit: f.desk?.name ?? f.administrativeUnit.name,
    from: formatDate(f.periodStart),
    to: formatDate(f.periodEnd),
    source: f.source,
  });
}

/**
 * Báo cáo → Số lượng hồ sơ: a unit's dossier volumes (the reader's province by default) over some
 * days, period by period: the totals with where they come from (dossiers held here, figures units
 * reported, each with its source), a chart per period and the rows of the breakdown. A child unit's
 * name opens the same report for it.
 */
export function VolumesPage() {
  const { t, i18n } = useTranslation();
  const theme = useTheme();
  useDocumentTitle(t('reports.sections.volumes'));
  const { count } = useNumberFormats();
  const { filters, search, update } = useVolumeFilters();
  const { unit, from, to, granularity, breakdown } = filters;
  const valid = isIsoDate(from) && isIsoDate(to) && from <= to;
  const base = { unit: unit || null, from, to, granularity };
  const result = useQuery(DossierVolumesDocument, {
    variables: { filter: { ...base, breakdown }, periods: { ...base, breakdown: 'NONE' } },
    skip: !valid,
  });
  const client = useApolloClient();
  // The grid's file: the same filter as the table (the API writes it from the same report).
  const fetchFile = async () => (await client.query({ query: ExportDossierVolumesDocument, variables: { filter: { ...base, breakdown } }, fetchPolicy: 'no-cache' })).data?.exportDossierVolumes;
  const data = result.data ?? result.previousData;
  const report = data?.dossierVolumes;
  const n = (value: number | null | undefined) => (value === null || value === undefined ? '—' : count(value));

  const chart = useMemo(() => {
    const rows = data?.periods.rows ?? [];
    const labels: string[] = [];
    const sums = new Map<string, Record<string, number | null>>();
    for (const row of rows) {
      if (!sums.has(row.period.label)) {
        labels.push(row.period.label);
        sums.set(row.period.label, { receivedViaBcci: null, resultsReturnedViaBcci: null, online: null, atDesk: null });
      }
      const sum = sums.get(row.period.label)!;
      for (const key of ['receivedViaBcci', 'resultsReturnedViaBcci', 'online', 'atDesk'] as const) {
        const value = row[key];
        if (value !== null && value !== undefined) sum[key] = (sum[key] ?? 0) + value;
      }
    }
    const colors = { receivedViaBcci: theme.palette.primary.main, resultsReturnedViaBcci: theme.palette.secondary.main, online: theme.palette.success.main, atDesk: theme.palette.warning.main };
    const series = (['receivedViaBcci', 'resultsReturnedViaBcci', 'online', 'atDesk'] as const).map((key) => ({
      id: key,
      label: t(`reports.volumes.short.${key}`),
      data: labels.map((l) => sums.get(l)![key] ?? 0),
      color: colors[key],
    }));
    const any = labels.some((l) => Object.values(sums.get(l)!).some((v) => v !== null));
    // Room for the largest tick label ("250.000") beside the axis title.
    const largest = Math.max(0, ...series.flatMap((s) => s.data));
    const yAxisWidth = Math.max(48, 9 * (count(largest).length + 1) + 30);
    return { labels, series, any, yAxisWidth };
  }, [data, t, theme, count]);

  // The unit asked for by its code, else the reader's own (the API's default), by the report's name for it.
  const unitValue = unit ? { id: unit, code: unit, label: report?.unitName ?? unit } : report ? { id: report.unitId ?? '', code: '', label: report.unitName } : null;
  const totals = report?.totals;
  // Every reported figure behind the totals, once: those of no single period (a year's in a monthly
  // report) marked as counted in the totals only.
  const unsplit = new Set(report?.unsplitAggregateFigures.map((f) => f.id) ?? []);
  const figures = [...(totals?.aggregateFigures ?? [])];
  for (const figure of report?.unsplitAggregateFigures ?? []) {
    if (!figures.some((f) => f.figure.id === figure.id)) figures.push({ countedHere: true, figure });
  }

  return (
    <Stack spacing={2}>
      <Typography variant="body2" color="text.secondary">
        {t('reports.volumes.intro')}
      </Typography>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', lg: '2fr 1fr 1fr 1fr 1.4fr' } }}>
        <UnitPicker
          label={t('reports.volumes.unit')}
          value={unitValue}
          onChange={(option) => update({ unit: option?.code ?? '' }, true)}
          helperText={t('reports.volumes.unitHint')}
          testId="volumes-unit"
        />
        <DateField label={t('reports.volumes.from')} value={from} onChange={(v) => v !== INVALID_DAY && v && update({ from: v })} size="small" testId="volumes-from" />
        <DateField
          label={t('reports.volumes.to')}
          value={to}
          onChange={(v) => v !== INVALID_DAY && v && update({ to: v })}
          size="small"
          testId="volumes-to"
          error={isIsoDate(from) && isIsoDate(to) && to < from ? t('reports.volumes.toBeforeFrom') : undefined}
        />
        <TextField select size="small" label={t('reports.volumes.granularity')} value={granularity} onChange={(e) => update({ period: e.target.value })} slotProps={{ htmlInput: { 'data-testid': 'volumes-granularity' } }}>
          {GRANULARITIES.map((g) => (
            <MenuItem key={g} value={g}>
              {t(`reports.volumes.granularities.${g}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField select size="small" label={t('reports.volumes.breakdown')} value={breakdown} onChange={(e) => update({ breakdown: e.target.value })} slotProps={{ htmlInput: { 'data-testid': 'volumes-breakdown' } }}>
          {BREAKDOWNS.map((b) => (
            <MenuItem key={b} value={b}>
              {t(`reports.volumes.breakdowns.${b}`)}
            </MenuItem>
          ))}
        </TextField>
      </Box>
      {result.loading && <LinearProgress aria-label={t('status.loading')} />}
      {result.error && <ProblemAlert problem={apiProblem(result.error)} />}
      {report && totals && (
        <>
          <Paper variant="outlined" sx={{ p: 2 }} data-testid="volumes-summary">
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ justifyContent: 'space-between', alignItems: { sm: 'center' }, mb: 1.5 }}>
              <Typography variant="h2" sx={{ fontSize: '1.15rem', fontWeight: 500 }} data-testid="volumes-unit-name">
                {t('reports.volumes.summaryTitle', { unit: report.unitName, from: formatDate(report.from), to: formatDate(report.to) })}
              </Typography>
              <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                <SourceChips sources={totals.sources} />
                <ReportDownloadButton fetchFile={fetchFile} testId="volumes-download" />
              </Stack>
            </Stack>
            <Box component="dl" sx={{ m: 0, display: 'grid', gap: 1.5, gridTemplateColumns: { xs: '1fr 1fr', md: 'repeat(4, 1fr)', lg: 'repeat(7, 1fr)' } }}>
              {[...COUNTS.map((key) => ({ key, value: n(totals[key]) })), { key: 'onTimeRate' as const, value: formatShare(totals.onTimeRate, i18n.language) }].map(({ key, value }) => (
                <Box key={key} sx={{ minWidth: 0 }}>
                  <Typography component="dt" variant="body2" color="text.secondary">
                    {t(`reports.volumes.figures.${key}`)}
                  </Typography>
                  <Typography component="dd" sx={{ m: 0, fontSize: '1.4rem', fontWeight: 500 }} data-testid={`volumes-total-${key}`}>
                    {value}
                  </Typography>
                </Box>
              ))}
            </Box>
            {totals.receivedAndReturnedViaBcci !== null && totals.receivedAndReturnedViaBcci !== undefined && (
              <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
                {t('reports.volumes.figures.receivedAndReturnedViaBcci')}: {n(totals.receivedAndReturnedViaBcci)}
              </Typography>
            )}
            {figures.length > 0 && (
              <Box sx={{ mt: 1.5 }} data-testid="volumes-figure-sources">
                <Typography variant="subtitle2">{t('reports.volumes.sourcesTitle')}</Typography>
                <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                  {figures.map(({ figure, countedHere }) => (
                    <Typography component="li" variant="body2" key={figure.id}>
                      {figureText(t, figure)}
                      {[!countedHere && t('reports.volumes.partOfUnit'), unsplit.has(figure.id) && t('reports.volumes.unsplit')]
                        .filter(Boolean)
                        .map((s) => ` (${s})`)
                        .join('')}
                    </Typography>
                  ))}
                </Box>
              </Box>
            )}
          </Paper>
          {report.note && (
            <Alert severity="info" data-testid="volumes-note">
              {report.note}
            </Alert>
          )}
          {report.rows.length === 0 ? (
            totals.sources.length === 0 && (
              <Alert severity="info" data-testid="volumes-empty">
                {t('reports.volumes.empty')}
              </Alert>
            )
          ) : (
            <>
              {chart.any && (
                <Paper variant="outlined" sx={{ p: 2, minWidth: 0 }}>
                  <OverviewBarChart
                    title={t('reports.volumes.chartTitle')}
                    categories={chart.labels}
                    series={chart.series}
                    xLabel={t('reports.volumes.chartX')}
                    yLabel={t('reports.volumes.chartY')}
                    yAxisWidth={chart.yAxisWidth}
                    testId="volumes-chart"
                  />
                </Paper>
              )}
              <section aria-labelledby="volumes-table-title">
                <Typography id="volumes-table-title" variant="h3" sx={{ fontSize: '1rem', fontWeight: 500, mb: 1 }}>
                  {t('reports.volumes.tableTitle')}
                </Typography>
                <TableContainer component={Paper} variant="outlined">
                  <Table size="small" data-testid="volumes-table">
                    <TableHead>
                      <TableRow>
                        <TableCell sx={{ minWidth: 160 }}>{t('reports.volumes.columns.name')}</TableCell>
                        <TableCell sx={{ minWidth: 110 }}>{t('reports.volumes.columns.period')}</TableCell>
                        {COUNTS.map((key) => (
                          <TableCell key={key} align="right">
                            {t(`reports.volumes.short.${key}`)}
                          </TableCell>
                        ))}
                        <TableCell align="right">{t('reports.volumes.short.onTimeRate')}</TableCell>
                        <TableCell sx={{ minWidth: 280 }}>{t('reports.volumes.columns.sources')}</TableCell>
                      </TableRow>
                    </TableHead>
                    <TableBody>
                      {report.rows.map((row: VolumeRowFragment, index) => (
                        <TableRow key={`${row.id ?? 'none'}:${row.period.start}:${index}`} data-testid="volumes-row">
                          <TableCell>
                            {row.kind === 'CHILD_UNIT' && row.code ? (
                              <Link
                                to={{ search: search({ unit: row.code }) }}
                                aria-label={t('reports.volumes.drill', { name: row.name })}
                                data-testid="volumes-drill"
                                style={{ color: theme.palette.primary.main }}
                              >
                                {row.name}
                              </Link>
                            ) : (
                              row.name
                            )}
                          </TableCell>
                          <TableCell sx={{ whiteSpace: 'nowrap' }}>{row.period.label}</TableCell>
                          {COUNTS.map((key) => (
                            <TableCell key={key} align="right">
                              {n(row[key])}
                            </TableCell>
                          ))}
                          <TableCell align="right">{formatShare(row.onTimeRate, i18n.language)}</TableCell>
                          <TableCell>
                            <SourceChips sources={row.sources} />
                            {row.aggregateFigures.map(({ figure, countedHere }) => (
                              <Typography key={figure.id} variant="caption" component="div" color="text.secondary" sx={{ mt: 0.5 }}>
                                {figure.source}
                                {!countedHere && ` (${t('reports.volumes.partOfUnit')})`}
                              </Typography>
                            ))}
                          </TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </TableContainer>
              </section>
            </>
          )}
        </>
      )}
    </Stack>
  );
}
