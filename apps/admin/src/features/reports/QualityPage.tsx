import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useApolloClient, useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Collapse from '@mui/material/Collapse';
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
import ExpandLess from '@mui/icons-material/ExpandLess';
import ExpandMore from '@mui/icons-material/ExpandMore';
import {
  ExportServiceQualityIndexDocument,
  ServiceQualityIndexDocument,
  type QualityRowFieldsFragment,
  type ServiceQualityIndexQuery,
  type VolumeBreakdown,
} from '../../graphql/generated';
import { DateField, INVALID_DAY } from '../../components/DateField';
import { ProblemAlert } from '../../components/ProblemAlert';
import { apiProblem } from '../../graphql/errors';
import { formatDate, isIsoDate, todayIso } from '../../dates';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useNumberFormats } from '../overview/formats';
import { formatShare } from '../dossiers/SatisfactionPage';
import { UnitPicker } from '../organisation/pickers';
import { ReportDownloadButton } from './ReportDownloadButton';

export const QUALITY_BREAKDOWNS: readonly VolumeBreakdown[] = ['DESK', 'CHILD_UNIT'];
type Method = ServiceQualityIndexQuery['serviceQualityIndex']['methods'][number];

const yearStart = () => `${todayIso().slice(0, 4)}-01-01`;

/** Reference points with one decimal, as the language writes them ("17,3"). */
function usePoints() {
  const { i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return (value: number | null | undefined) => (value === null || value === undefined ? '—' : format.format(value));
}

/** One figure's method, written out (not a tooltip: it must read on a phone): what it counts, the formula, the decision's part, what is not covered. */
function MethodText({ method }: { method: Method }) {
  const { t } = useTranslation();
  return (
    <Box component="dl" sx={{ m: 0, '& dt': { fontWeight: 500, mt: 0.75 }, '& dd': { m: 0 } }} data-testid={`quality-method-${method.indicator}`}>
      <Typography component="dt" variant="body2">
        {t('reports.quality.method.counts')}
      </Typography>
      <Typography component="dd" variant="body2">
        {method.counts}
      </Typography>
      <Typography component="dt" variant="body2">
        {t('reports.quality.method.formula')}
      </Typography>
      <Typography component="dd" variant="body2">
        {method.formula}
      </Typography>
      <Typography component="dt" variant="body2">
        {t('reports.quality.method.decisionPart')}
      </Typography>
      <Typography component="dd" variant="body2">
        {method.decisionPart}
      </Typography>
      <Typography component="dt" variant="body2">
        {t('reports.quality.method.notCovered')}
      </Typography>
      <Typography component="dd" variant="body2">
        {method.notCovered}
      </Typography>
    </Box>
  );
}

/** A figure of the whole report, large, with its counts, points and formula; the rest of its method written out a tap below (no tooltip: it reads on a phone). */
function FigureCard({ method, row }: { method: Method; row: QualityRowFieldsFragment }) {
  const { t, i18n } = useTranslation();
  const { count } = useNumberFormats();
  const points = usePoints();
  const [open, setOpen] = useState(false);
  const figure = row.figures.find((f) => f.indicator === method.indicator);
  return (
    <Paper variant="outlined" sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 0.5 }} data-testid={`quality-card-${method.indicator}`}>
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 500 }}>
        {method.name}
      </Typography>
      <Typography sx={{ fontSize: '1.8rem', fontWeight: 500, lineHeight: 1.2 }} data-testid={`quality-share-${method.indicator}`}>
        {formatShare(figure?.share, i18n.language)}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {figure ? t('reports.quality.counted', { numerator: count(figure.numerator), denominator: count(figure.denominator) }) : ''}
      </Typography>
      <Typography variant="body2" color="text.secondary" data-testid={`quality-points-${method.indicator}`}>
        {t('reports.quality.pointsOf', { points: points(figure?.points), max: method.maxPoints })}
      </Typography>
      <Typography variant="body2" sx={{ mt: 0.5 }}>
        {method.formula}
      </Typography>
      <Button
        size="small"
        onClick={() => setOpen((o) => !o)}
        endIcon={open ? <ExpandLess /> : <ExpandMore />}
        aria-expanded={open}
        sx={{ alignSelf: 'flex-start', px: 0 }}
        data-testid={`quality-method-toggle-${method.indicator}`}
      >
        {open ? t('reports.quality.hideMethod') : t('reports.quality.showMethod')}
      </Button>
      <Collapse in={open} unmountOnExit>
        <MethodText method={method} />
      </Collapse>
    </Paper>
  );
}

/** A table of rows (months, or desks and units): each figure's share with what it counts and its points, the row's points. */
function QualityTable({ rows, methods, first, testId, caption }: { rows: readonly QualityRowFieldsFragment[]; methods: readonly Method[]; first: 'period' | 'name'; testId: string; caption: string }) {
  const { t, i18n } = useTranslation();
  const { count } = useNumberFormats();
  const points = usePoints();
  return (
    <section aria-labelledby={`${testId}-title`}>
      <Typography id={`${testId}-title`} variant="h3" sx={{ fontSize: '1rem', fontWeight: 500, mb: 1 }}>
        {caption}
      </Typography>
      <TableContainer component={Paper} variant="outlined">
        <Table size="small" data-testid={testId}>
          <TableHead>
            <TableRow>
              <TableCell sx={{ minWidth: first === 'name' ? 180 : 110 }}>{first === 'name' ? t('reports.quality.columns.name') : t('reports.quality.columns.period')}</TableCell>
              <TableCell align="right" sx={{ minWidth: 90 }}>
                {t('reports.quality.columns.received')}
              </TableCell>
              {methods.map((m) => (
                <TableCell key={m.indicator} align="right" sx={{ minWidth: 130, verticalAlign: 'bottom' }}>
                  {m.name}
                  <Typography variant="caption" component="div" color="text.secondary" sx={{ fontWeight: 400 }}>
                    {t('reports.quality.columns.maxPoints', { max: m.maxPoints })}
                  </Typography>
                </TableCell>
              ))}
              <TableCell align="right" sx={{ minWidth: 110 }}>
                {t('reports.quality.columns.points')}
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row, index) => (
              <TableRow key={`${row.kind}:${row.id ?? ''}:${row.period.start}:${index}`} data-testid={`${testId}-row`}>
                <TableCell sx={{ whiteSpace: first === 'period' ? 'nowrap' : undefined }}>{first === 'name' ? row.name : row.period.label}</TableCell>
                <TableCell align="right">{count(row.received)}</TableCell>
                {methods.map((m) => {
                  const f = row.figures.find((x) => x.indicator === m.indicator);
                  return (
                    <TableCell key={m.indicator} align="right">
                      {formatShare(f?.share, i18n.language)}
                      <Typography variant="caption" component="div" color="text.secondary">
                        {f ? `${count(f.numerator)}/${count(f.denominator)}` : ''}
                        {f?.points !== null && f?.points !== undefined ? ` · ${t('reports.quality.pointsShort', { points: points(f.points) })}` : ''}
                      </Typography>
                    </TableCell>
                  );
                })}
                <TableCell align="right">{row.points === null || row.points === undefined ? '—' : t('reports.quality.pointsOfShort', { points: points(row.points), max: row.maxPoints })}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </section>
  );
}

/**
 * Báo cáo → Chỉ số phục vụ (QĐ 766): the service-quality index of Decision 766/QĐ-TTg as far as the
 * data here allows, for a unit (the reader's province by default) over some days (this year): the four
 * figures with their method written out beside them, month by month and by desk or child unit, the
 * decision's groups left out, how the reference points are made (never the 100-point index) and the
 * grid's download.
 */
export function QualityPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('reports.sections.quality'));
  const points = usePoints();
  const [params, setParams] = useSearchParams();
  const breakdownParam = params.get('breakdown') as VolumeBreakdown | null;
  const unit = params.get('unit') ?? '';
  const from = params.get('from') ?? yearStart();
  const to = params.get('to') ?? todayIso();
  const breakdown = breakdownParam && QUALITY_BREAKDOWNS.includes(breakdownParam) ? breakdownParam : ('DESK' as VolumeBreakdown);
  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  const valid = isIsoDate(from) && isIsoDate(to) && from <= to;
  const filter = { unit: unit || null, from, to, granularity: 'MONTH' as const, breakdown };
  const result = useQuery(ServiceQualityIndexDocument, { variables: { filter }, skip: !valid });
  const client = useApolloClient();
  // The grid's file: the same filter as the page (the API writes it from the same index).
  const fetchFile = async () => (await client.query({ query: ExportServiceQualityIndexDocument, variables: { filter }, fetchPolicy: 'no-cache' })).data?.exportServiceQualityIndex;
  const report = (result.data ?? result.previousData)?.serviceQualityIndex;
  const unitValue = unit ? { id: unit, code: unit, label: report?.unitName ?? unit } : report ? { id: report.unitId ?? '', code: '', label: report.unitName } : null;

  return (
    <Stack spacing={2}>
      <Typography variant="body2" color="text.secondary">
        {t('reports.quality.intro')}
      </Typography>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', lg: '2fr 1fr 1fr 1.4fr auto' }, alignItems: 'start' }}>
        <UnitPicker label={t('reports.volumes.unit')} value={unitValue} onChange={(option) => update({ unit: option?.code ?? '' })} helperText={t('reports.volumes.unitHint')} testId="quality-unit" />
        <DateField label={t('reports.volumes.from')} value={from} onChange={(v) => v !== INVALID_DAY && v && update({ from: v })} size="small" testId="quality-from" />
        <DateField
          label={t('reports.volumes.to')}
          value={to}
          onChange={(v) => v !== INVALID_DAY && v && update({ to: v })}
          size="small"
          testId="quality-to"
          error={isIsoDate(from) && isIsoDate(to) && to < from ? t('reports.volumes.toBeforeFrom') : undefined}
        />
        <TextField select size="small" label={t('reports.quality.breakdown')} value={breakdown} onChange={(e) => update({ breakdown: e.target.value })} slotProps={{ htmlInput: { 'data-testid': 'quality-breakdown' } }}>
          {QUALITY_BREAKDOWNS.map((b) => (
            <MenuItem key={b} value={b}>
              {t(`reports.volumes.breakdowns.${b}`)}
            </MenuItem>
          ))}
        </TextField>
        <Box sx={{ display: 'flex', '& > button': { flexGrow: { xs: 1, lg: 0 } }, pt: { lg: 0.5 } }}>
          <ReportDownloadButton fetchFile={fetchFile} testId="quality-download" disabled={!valid} />
        </Box>
      </Box>
      {result.loading && <LinearProgress aria-label={t('status.loading')} />}
      {result.error && <ProblemAlert problem={apiProblem(result.error)} />}
      {report && (
        <>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ justifyContent: 'space-between', alignItems: { sm: 'baseline' } }}>
            <Typography variant="h2" sx={{ fontSize: '1.15rem', fontWeight: 500 }} data-testid="quality-title">
              {t('reports.quality.title', { unit: report.unitName, from: formatDate(report.from), to: formatDate(report.to) })}
            </Typography>
            <Typography data-testid="quality-total-points">
              {report.totals.points === null || report.totals.points === undefined
                ? t('reports.quality.noPoints')
                : t('reports.quality.totalPoints', { points: points(report.totals.points), max: report.totals.maxPoints })}
            </Typography>
          </Stack>
          {report.note && (
            <Alert severity="info" data-testid="quality-note">
              {report.note}
            </Alert>
          )}
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', lg: 'repeat(4, 1fr)' } }}>
            {report.methods.map((m) => (
              <FigureCard key={m.indicator} method={m} row={report.totals} />
            ))}
          </Box>
          <Alert severity="warning" data-testid="quality-scope">
            <Typography variant="body2" sx={{ mb: 0.5 }}>
              {report.scoring}
            </Typography>
            {report.notCovered.map((g) => (
              <Typography variant="body2" key={g.name}>
                {t('reports.quality.gap', { name: g.name, max: g.maxPoints, reason: g.reason })}
              </Typography>
            ))}
          </Alert>
          {report.periods.length === 0 ? (
            <Alert severity="info" data-testid="quality-empty">
              {t('reports.quality.empty')}
            </Alert>
          ) : (
            <>
              <QualityTable rows={report.periods} methods={report.methods} first="period" testId="quality-months" caption={t('reports.quality.byMonth')} />
              {report.rows.length > 0 && (
                <QualityTable rows={report.rows} methods={report.methods} first="name" testId="quality-rows" caption={t(breakdown === 'CHILD_UNIT' ? 'reports.quality.by.CHILD_UNIT' : 'reports.quality.by.DESK')} />
              )}
            </>
          )}
        </>
      )}
    </Stack>
  );
}
