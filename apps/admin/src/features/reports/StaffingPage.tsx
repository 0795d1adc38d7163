import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
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
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import AddIcon from '@mui/icons-material/Add';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import {
  DeleteOutreachActivityDocument,
  ExportStaffingReportDocument,
  OutreachActivitiesDocument,
  StaffingReportDocument,
  SubmitOutreachActivityDocument,
  UpdateOutreachActivityDocument,
  type OutreachActivityFieldsFragment,
  type OutreachKind,
  type ReportGranularity,
  type StaffingFiguresFragment,
} from '../../graphql/generated';
import { DateField, INVALID_DAY, dayProblem } from '../../components/DateField';
import { fieldHelp } from '../../components/FieldHelp';
import { FormDialog } from '../../components/FormDialog';
import { ProblemAlert } from '../../components/ProblemAlert';
import { apiProblem } from '../../graphql/errors';
import { formatDate, isIsoDate, todayIso } from '../../dates';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useFormState } from '../../hooks/useFormState';
import { useSession } from '../auth/SessionContext';
import { useNumberFormats } from '../overview/formats';
import { OverviewBarChart } from '../overview/OverviewBarChart';
import { UnitPicker, type UnitOption } from '../organisation/pickers';
import { TARGET_WRITERS } from './TargetsPage';
import { GRANULARITIES } from './VolumesPage';
import { ReportDownloadButton } from './ReportDownloadButton';

/** The kinds of outreach in the order the forms list them (the API's OutreachKind). */
export const OUTREACH_KINDS: readonly OutreachKind[] = ['REPORTAGE', 'HANDBOOK', 'LEAFLET', 'BROADCAST', 'SOCIAL_GROUP', 'CONFERENCE_OR_CLASS', 'OTHER'];
/** The staffing figures, in the order the table shows them. */
const FIGURES = ['civilServantsRelieved', 'handovers', 'postalStaffDeployed', 'postalStaffNewlyDeployed', 'trainingClasses', 'trainingAttendees'] as const;

type Granularity = Exclude<ReportGranularity, 'DAY'>;

const yearStart = () => `${todayIso().slice(0, 4)}-01-01`;
const monthStart = () => `${todayIso().slice(0, 7)}-01`;

/** Ghi nhận / Sửa hoạt động tuyên truyền: unit, period, kind, quantity, people reached, source, note. */
function OutreachDialog({
  activity,
  defaultUnit,
  onClose,
  onSaved,
}: {
  activity: OutreachActivityFieldsFragment | null;
  defaultUnit: UnitOption | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [unit, setUnit] = useState<UnitOption | null>(
    activity ? { id: activity.administrativeUnit.code, code: activity.administrativeUnit.code, label: activity.administrativeUnit.name } : defaultUnit,
  );
  const [periodStart, setPeriodStart] = useState(activity?.periodStart ?? monthStart());
  const [periodEnd, setPeriodEnd] = useState(activity?.periodEnd ?? todayIso());
  const [kind, setKind] = useState<OutreachKind>(activity?.kind ?? 'LEAFLET');
  const [quantity, setQuantity] = useState(activity ? String(activity.quantity) : '');
  const [people, setPeople] = useState(activity?.peopleReached === null || activity?.peopleReached === undefined ? '' : String(activity.peopleReached));
  const [source, setSource] = useState(activity?.source ?? '');
  const [note, setNote] = useState(activity?.note ?? '');
  const [submit] = useMutation(SubmitOutreachActivityDocument);
  const [update] = useMutation(UpdateOutreachActivityDocument);
  const form = useFormState(() => {
    onSaved();
    onClose();
  });
  const whole = (text: string) => (/^\d[\d.]*$/.test(text.trim()) ? Number(text.trim().replace(/\./g, '')) : null);
  const onSubmit = () => {
    const q = whole(quantity);
    const p = people.trim() ? whole(people) : null;
    const ok = form.check({
      administrativeUnitCode: !unit && t('form.required'),
      periodStart: dayProblem(periodStart, true, t),
      periodEnd: dayProblem(periodEnd, true, t) ?? (isIsoDate(periodStart) && isIsoDate(periodEnd) && periodEnd < periodStart && t('reports.volumes.toBeforeFrom')),
      quantity: !quantity.trim() ? t('form.required') : (q === null || q < 1) && t('reports.staffing.form.quantityInvalid'),
      peopleReached: people.trim() !== '' && p === null && t('reports.staffing.form.peopleInvalid'),
      source: !source.trim() && t('form.required'),
    });
    if (!ok || q === null || !unit) return;
    const values = { administrativeUnitCode: unit.code, periodStart, periodEnd, kind, quantity: q, peopleReached: p, source: source.trim() };
    void form.run(() =>
      activity
        ? update({ variables: { input: { id: activity.id, version: activity.version, ...values, note: note.trim() } } })
        : submit({ variables: { input: { ...values, note: note.trim() || null } } }),
    );
  };
  return (
    <FormDialog
      title={activity ? t('reports.staffing.form.editTitle') : t('reports.staffing.form.addTitle')}
      submitLabel={activity ? t('form.save') : t('form.create')}
      busy={form.busy}
      problem={form.problem}
      fields={['administrativeUnitCode', 'periodStart', 'periodEnd', 'kind', 'quantity', 'peopleReached', 'source', 'note']}
      onSubmit={onSubmit}
      onClose={onClose}
      onReload={onSaved}
      conflictMessage={t('reports.staffing.form.conflict')}
      testId="outreach-form"
    >
      <UnitPicker label={t('reports.staffing.form.unit')} value={unit} onChange={setUnit} required error={form.message('administrativeUnitCode')} testId="outreach-form-unit" />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <DateField label={t('reports.staffing.form.periodStart')} value={periodStart} onChange={setPeriodStart} required error={form.message('periodStart')} testId="outreach-form-start" />
        <DateField label={t('reports.staffing.form.periodEnd')} value={periodEnd} onChange={setPeriodEnd} required error={form.message('periodEnd')} testId="outreach-form-end" />
      </Stack>
      <TextField
        select
        label={t('reports.staffing.form.kind')}
        value={kind}
        onChange={(e) => setKind(e.target.value as OutreachKind)}
        required
        {...fieldHelp({ error: form.message('kind') })}
        slotProps={{ htmlInput: { 'data-testid': 'outreach-form-kind' } }}
      >
        {OUTREACH_KINDS.map((k) => (
          <MenuItem key={k} value={k}>
            {t(`reports.outreachKind.${k}`)}
          </MenuItem>
        ))}
      </TextField>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextField
          label={t('reports.staffing.form.quantity')}
          value={quantity}
          onChange={(e) => setQuantity(e.target.value)}
          required
          fullWidth
          autoComplete="off"
          {...fieldHelp({ hint: t('reports.staffing.form.quantityHint'), error: form.message('quantity') })}
          slotProps={{ htmlInput: { 'data-testid': 'outreach-form-quantity', inputMode: 'numeric' } }}
        />
        <TextField
          label={t('reports.staffing.form.people')}
          value={people}
          onChange={(e) => setPeople(e.target.value)}
          fullWidth
          autoComplete="off"
          {...fieldHelp({ hint: t('reports.staffing.form.peopleHint'), error: form.message('peopleReached') })}
          slotProps={{ htmlInput: { 'data-testid': 'outreach-form-people', inputMode: 'numeric' } }}
        />
      </Stack>
      <TextField
        label={t('reports.staffing.form.source')}
        value={source}
        onChange={(e) => setSource(e.target.value)}
        required
        autoComplete="off"
        {...fieldHelp({ hint: t('reports.staffing.form.sourceHint'), error: form.message('source') })}
        slotProps={{ htmlInput: { 'data-testid': 'outreach-form-source', maxLength: 500 } }}
      />
      <TextField
        label={t('reports.staffing.form.note')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        multiline
        minRows={2}
        {...fieldHelp({ error: form.message('note') })}
        slotProps={{ htmlInput: { 'data-testid': 'outreach-form-note', maxLength: 2000 } }}
      />
    </FormDialog>
  );
}

function DeleteOutreachDialog({ activity, onClose, onSaved }: { activity: OutreachActivityFieldsFragment; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { count } = useNumberFormats();
  const [remove] = useMutation(DeleteOutreachActivityDocument);
  const form = useFormState(() => {
    onSaved();
    onClose();
  });
  return (
    <FormDialog
      title={t('reports.staffing.form.deleteTitle')}
      submitLabel={t('reports.staffing.delete')}
      tone="error"
      busy={form.busy}
      problem={form.problem}
      fields={[]}
      onSubmit={() => void form.run(() => remove({ variables: { input: { id: activity.id, version: activity.version } } }))}
      onClose={onClose}
      onReload={onSaved}
      conflictMessage={t('reports.staffing.form.conflict')}
      testId="outreach-delete"
    >
      <Typography>
        {t('reports.staffing.form.deleteConfirm', {
          kind: t(`reports.outreachKind.${activity.kind}`),
          quantity: count(activity.quantity),
          unit: activity.administrativeUnit.name,
          from: formatDate(activity.periodStart),
          to: formatDate(activity.periodEnd),
        })}
      </Typography>
    </FormDialog>
  );
}

/**
 * Báo cáo → Nhân sự và tuyên truyền: a unit's staffing over time (civil servants relieved by the
 * personnel handovers, postal staff at its desks, training classes and attendances) as a chart and a
 * table, period by period, and its outreach activities (handbooks, leaflets, broadcasts, Zalo groups,
 * classes) with their totals per kind; the committee and administrators record, correct and remove them.
 */
export function StaffingPage() {
  const { t } = useTranslation();
  const theme = useTheme();
  useDocumentTitle(t('reports.sections.staffing'));
  const { count } = useNumberFormats();
  const { user } = useSession();
  const writer = Boolean(user?.roles.some((r) => TARGET_WRITERS.includes(r)));
  const [params, setParams] = useSearchParams();
  const periodParam = params.get('period') as Granularity | null;
  const unit = params.get('unit') ?? '';
  const from = params.get('from') ?? yearStart();
  const to = params.get('to') ?? todayIso();
  const granularity: Granularity = periodParam && GRANULARITIES.includes(periodParam) ? periodParam : 'MONTH';
  const change = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  const valid = isIsoDate(from) && isIsoDate(to) && from <= to;
  const filter = { unit: unit || null, from, to, granularity };
  const result = useQuery(StaffingReportDocument, { variables: { filter }, skip: !valid });
  const client = useApolloClient();
  // The grid's file: the same filter as the table (the API writes it from the same report).
  const fetchFile = async () => (await client.query({ query: ExportStaffingReportDocument, variables: { filter }, fetchPolicy: 'no-cache' })).data?.exportStaffingReport;
  const report = (result.data ?? result.previousData)?.staffingReport;
  const outreach = useQuery(OutreachActivitiesDocument, {
    variables: { filter: { unitId: report?.unitId ?? null, includeSubunits: true, from, to }, first: 100 },
    skip: !valid || !report,
  });
  const activities = (outreach.data ?? outreach.previousData)?.outreachActivities;
  const [editing, setEditing] = useState<OutreachActivityFieldsFragment | 'new' | null>(null);
  const [deleting, setDeleting] = useState<OutreachActivityFieldsFragment | null>(null);
  const reload = () => void outreach.refetch();

  const chart = useMemo(() => {
    const rows = report?.rows ?? [];
    const colors = { postalStaffDeployed: theme.palette.primary.main, civilServantsRelieved: theme.palette.secondary.main, trainingAttendees: theme.palette.success.main };
    const series = (['postalStaffDeployed', 'civilServantsRelieved', 'trainingAttendees'] as const).map((key) => ({
      id: key,
      label: t(`reports.staffing.short.${key}`),
      data: rows.map((r) => r[key]),
      color: colors[key],
    }));
    return { labels: rows.map((r) => r.period.label), series, any: series.some((s) => s.data.some((v) => v > 0)) };
  }, [report, t, theme]);

  const unitValue = unit ? { id: unit, code: unit, label: report?.unitName ?? unit } : report ? { id: report.unitCode ?? '', code: report.unitCode ?? '', label: report.unitName } : null;
  const defaultUnit = report?.unitCode ? { id: report.unitCode, code: report.unitCode, label: report.unitName } : null;
  const totals = report?.totals;

  return (
    <Stack spacing={2}>
      <Typography variant="body2" color="text.secondary">
        {t('reports.staffing.intro')}
      </Typography>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', lg: '2fr 1fr 1fr 1fr' } }}>
        <UnitPicker label={t('reports.volumes.unit')} value={unitValue} onChange={(option) => change({ unit: option?.code ?? '' })} helperText={t('reports.volumes.unitHint')} testId="staffing-unit" />
        <DateField label={t('reports.volumes.from')} value={from} onChange={(v) => v !== INVALID_DAY && v && change({ from: v })} size="small" testId="staffing-from" />
        <DateField
          label={t('reports.volumes.to')}
          value={to}
          onChange={(v) => v !== INVALID_DAY && v && change({ to: v })}
          size="small"
          testId="staffing-to"
          error={isIsoDate(from) && isIsoDate(to) && to < from ? t('reports.volumes.toBeforeFrom') : undefined}
        />
        <TextField select size="small" label={t('reports.volumes.granularity')} value={granularity} onChange={(e) => change({ period: e.target.value })} slotProps={{ htmlInput: { 'data-testid': 'staffing-granularity' } }}>
          {GRANULARITIES.map((g) => (
            <MenuItem key={g} value={g}>
              {t(`reports.volumes.granularities.${g}`)}
            </MenuItem>
          ))}
        </TextField>
      </Box>
      {result.loading && <LinearProgress aria-label={t('status.loading')} />}
      {result.error && <ProblemAlert problem={apiProblem(result.error)} />}
      {report && totals && (
        <>
          <Paper variant="outlined" sx={{ p: 2 }} data-testid="staffing-summary">
            <Typography variant="h2" sx={{ fontSize: '1.15rem', fontWeight: 500, mb: 1.5 }} data-testid="staffing-unit-name">
              {t('reports.volumes.summaryTitle', { unit: report.unitName, from: formatDate(report.from), to: formatDate(report.to) })}
            </Typography>
            <Box component="dl" sx={{ m: 0, display: 'grid', gap: 1.5, gridTemplateColumns: { xs: '1fr 1fr', md: 'repeat(3, 1fr)', lg: 'repeat(6, 1fr)' } }}>
              {FIGURES.map((key) => (
                <Box key={key} sx={{ minWidth: 0 }}>
                  <Typography component="dt" variant="body2" color="text.secondary">
                    {t(`reports.staffing.figures.${key}`)}
                  </Typography>
                  <Typography component="dd" sx={{ m: 0, fontSize: '1.4rem', fontWeight: 500 }} data-testid={`staffing-total-${key}`}>
                    {count(totals[key])}
                  </Typography>
                </Box>
              ))}
            </Box>
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              {t('reports.staffing.explain')}
            </Typography>
          </Paper>
          {report.note && (
            <Alert severity="info" data-testid="staffing-note">
              {report.note}
            </Alert>
          )}
          {chart.any && (
            <Paper variant="outlined" sx={{ p: 2, minWidth: 0 }}>
              <OverviewBarChart title={t('reports.staffing.chartTitle')} categories={chart.labels} series={chart.series} xLabel={t('reports.volumes.chartX')} yLabel={t('reports.staffing.chartY')} testId="staffing-chart" />
            </Paper>
          )}
          <section aria-labelledby="staffing-table-title">
            <Stack direction="row" spacing={1} sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 1 }}>
              <Typography id="staffing-table-title" variant="h3" sx={{ fontSize: '1rem', fontWeight: 500 }}>
                {t('reports.staffing.tableTitle')}
              </Typography>
              <ReportDownloadButton fetchFile={fetchFile} testId="staffing-download" disabled={!valid} />
            </Stack>
            <TableContainer component={Paper} variant="outlined">
              <Table size="small" data-testid="staffing-table">
                <TableHead>
                  <TableRow>
                    <TableCell sx={{ minWidth: 110 }}>{t('reports.volumes.columns.period')}</TableCell>
                    {FIGURES.map((key) => (
                      <TableCell key={key} align="right" sx={{ minWidth: 104 }}>
                        {t(`reports.staffing.short.${key}`)}
                      </TableCell>
                    ))}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {[...report.rows, totals].map((row: StaffingFiguresFragment, index) => {
                    const isTotal = index === report.rows.length;
                    return (
                      <TableRow key={`${row.period.start}:${index}`} data-testid={isTotal ? 'staffing-total-row' : 'staffing-row'} sx={isTotal ? { '& td': { fontWeight: 600 } } : undefined}>
                        <TableCell sx={{ whiteSpace: 'nowrap' }}>{isTotal ? t('reports.staffing.totalRow') : row.period.label}</TableCell>
                        {FIGURES.map((key) => (
                          <TableCell key={key} align="right">
                            {count(row[key])}
                          </TableCell>
                        ))}
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            </TableContainer>
          </section>
          <section aria-labelledby="outreach-title">
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ justifyContent: 'space-between', alignItems: { sm: 'center' }, mb: 1 }}>
              <Typography id="outreach-title" variant="h3" sx={{ fontSize: '1rem', fontWeight: 500 }}>
                {t('reports.staffing.outreachTitle')}
              </Typography>
              {writer && (
                <Button variant="contained" startIcon={<AddIcon />} onClick={() => setEditing('new')} data-testid="outreach-add">
                  {t('reports.staffing.add')}
                </Button>
              )}
            </Stack>
            {outreach.error && <ProblemAlert problem={apiProblem(outreach.error)} />}
            {activities && activities.totals.length > 0 && (
              <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mb: 1 }} data-testid="outreach-totals">
                {activities.totals.map((total) => (
                  <Paper key={total.kind} variant="outlined" sx={{ px: 1.5, py: 1 }}>
                    <Typography variant="body2" color="text.secondary">
                      {t(`reports.outreachKind.${total.kind}`)}
                    </Typography>
                    <Typography sx={{ fontWeight: 500 }} data-testid={`outreach-total-${total.kind}`}>
                      {count(total.quantity)}
                      {total.peopleReached !== null && total.peopleReached !== undefined && ` · ${t('reports.staffing.peopleShort', { people: count(total.peopleReached) })}`}
                    </Typography>
                  </Paper>
                ))}
              </Stack>
            )}
            {activities && activities.edges.length === 0 ? (
              <Alert severity="info" data-testid="outreach-empty">
                {t('reports.staffing.outreachEmpty')}
              </Alert>
            ) : (
              activities && (
                <TableContainer component={Paper} variant="outlined">
                  <Table size="small" data-testid="outreach-table">
                    <TableHead>
                      <TableRow>
                        <TableCell sx={{ minWidth: 150 }}>{t('reports.staffing.columns.kind')}</TableCell>
                        <TableCell align="right">{t('reports.staffing.columns.quantity')}</TableCell>
                        <TableCell align="right">{t('reports.staffing.columns.people')}</TableCell>
                        <TableCell sx={{ minWidth: 140 }}>{t('reports.staffing.columns.unit')}</TableCell>
                        <TableCell sx={{ minWidth: 120 }}>{t('reports.volumes.columns.period')}</TableCell>
                        <TableCell sx={{ minWidth: 260 }}>{t('reports.staffing.columns.source')}</TableCell>
                        {writer && <TableCell />}
                      </TableRow>
                    </TableHead>
                    <TableBody>
                      {activities.edges.map(({ node }) => (
                        <TableRow key={node.id} data-testid="outreach-row">
                          <TableCell>{t(`reports.outreachKind.${node.kind}`)}</TableCell>
                          <TableCell align="right">{count(node.quantity)}</TableCell>
                          <TableCell align="right">{node.peopleReached === null || node.peopleReached === undefined ? '—' : count(node.peopleReached)}</TableCell>
                          <TableCell>{node.administrativeUnit.name}</TableCell>
                          <TableCell sx={{ whiteSpace: 'nowrap' }}>
                            {formatDate(node.periodStart)} – {formatDate(node.periodEnd)}
                          </TableCell>
                          <TableCell>
                            <Typography variant="body2">{node.source}</Typography>
                            {node.note && (
                              <Typography variant="caption" color="text.secondary" component="div">
                                {node.note}
                              </Typography>
                            )}
                          </TableCell>
                          {writer && (
                            <TableCell sx={{ whiteSpace: 'nowrap' }}>
                              <Tooltip title={t('reports.staffing.edit')}>
                                <IconButton size="small" aria-label={t('reports.staffing.edit')} onClick={() => setEditing(node)} data-testid="outreach-edit">
                                  <EditOutlined fontSize="small" />
                                </IconButton>
                              </Tooltip>
                              <Tooltip title={t('reports.staffing.delete')}>
                                <IconButton size="small" aria-label={t('reports.staffing.delete')} onClick={() => setDeleting(node)} data-testid="outreach-delete-button">
                                  <DeleteOutline fontSize="small" />
                                </IconButton>
                              </Tooltip>
                            </TableCell>
                          )}
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </TableContainer>
              )
            )}
          </section>
        </>
      )}
      {editing && <OutreachDialog activity={editing === 'new' ? null : editing} defaultUnit={defaultUnit} onClose={() => setEditing(null)} onSaved={reload} />}
      {deleting && <DeleteOutreachDialog activity={deleting} onClose={() => setDeleting(null)} onSaved={reload} />}
    </Stack>
  );
}
