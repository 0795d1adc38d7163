import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
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
import AddIcon from '@mui/icons-material/Add';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import {
  DeleteReportTargetDocument,
  ExportTargetProgressDocument,
  SetReportTargetDocument,
  TargetProgressDocument,
  UpdateReportTargetDocument,
  type ReportTargetFieldsFragment,
  type Role,
  type TargetLight,
  type TargetMetric,
} from '../../graphql/generated';
import { DateField, INVALID_DAY, dayProblem } from '../../components/DateField';
import { fieldHelp } from '../../components/FieldHelp';
import { FilterSelect } from '../../components/FilterSelect';
import { FormDialog } from '../../components/FormDialog';
import { ProblemAlert } from '../../components/ProblemAlert';
import { apiProblem } from '../../graphql/errors';
import { formatDate, isIsoDate, todayIso } from '../../dates';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useFormState } from '../../hooks/useFormState';
import { useSession } from '../auth/SessionContext';
import { UnitPicker, type UnitOption } from '../organisation/pickers';
import { ReportDownloadButton } from './ReportDownloadButton';

/** Who sets, changes and removes targets (the API's writers); post office managers read them. */
export const TARGET_WRITERS: readonly Role[] = ['STEERING_COMMITTEE', 'SYSTEM_ADMIN'];
export const METRICS: readonly TargetMetric[] = ['ONLINE_SHARE', 'BCCI_SHARE'];

const LIGHT_COLOURS: Record<TargetLight, 'success' | 'warning' | 'error' | 'default'> = {
  ON_TARGET: 'success',
  CLOSE: 'warning',
  BEHIND: 'error',
  NO_DATA: 'default',
  NOT_STARTED: 'default',
};

/** A percentage of 0–100 as the language writes it, with one decimal ("32,5 %"). */
export function formatPercent(value: number | null | undefined, language: string): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'vi-VN', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value / 100);
}

/** What is typed in the percent field ("32,5" or "32.5") as a number; null when it is not one. */
export function parsePercent(text: string): number | null {
  const cleaned = text.trim().replace('%', '').trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

export function LightChip({ light }: { light: TargetLight }) {
  const { t } = useTranslation();
  return <Chip size="small" color={LIGHT_COLOURS[light]} variant={LIGHT_COLOURS[light] === 'default' ? 'outlined' : 'filled'} label={t(`reports.targets.lights.${light}`)} data-testid={`light-${light}`} />;
}

const yearStart = () => `${todayIso().slice(0, 4)}-01-01`;
const yearEnd = () => `${todayIso().slice(0, 4)}-12-31`;

/** Đặt chỉ tiêu / Sửa chỉ tiêu: the unit and metric when set (fixed after), the period, the share and its basis. */
function TargetDialog({ target, onClose, onReload }: { target: ReportTargetFieldsFragment | null; onClose: () => void; onReload: () => void }) {
  const { t, i18n } = useTranslation();
  const [unit, setUnit] = useState<UnitOption | null>(null);
  const [metric, setMetric] = useState<TargetMetric>(target?.metric ?? 'ONLINE_SHARE');
  const [periodStart, setPeriodStart] = useState(target?.periodStart ?? yearStart());
  const [periodEnd, setPeriodEnd] = useState(target?.periodEnd ?? yearEnd());
  const [percent, setPercent] = useState(target ? String(target.targetPercent).replace('.', i18n.language === 'en' ? '.' : ',') : '');
  const [basis, setBasis] = useState(target?.basis ?? '');
  const [set] = useMutation(SetReportTargetDocument);
  const [update] = useMutation(UpdateReportTargetDocument);
  const form = useFormState(() => {
    onReload();
    onClose();
  });
  const onSubmit = () => {
    const value = parsePercent(percent);
    const ok = form.check({
      administrativeUnitCode: !target && !unit && t('form.required'),
      periodStart: dayProblem(periodStart, true, t),
      periodEnd: dayProblem(periodEnd, true, t) ?? (isIsoDate(periodStart) && isIsoDate(periodEnd) && periodEnd < periodStart && t('reports.volumes.toBeforeFrom')),
      targetPercent: !percent.trim() ? t('form.required') : (value === null || value <= 0 || value > 100) && t('reports.targets.form.percentInvalid'),
    });
    if (!ok || value === null) return;
    void form.run(() =>
      target
        ? update({ variables: { input: { id: target.id, version: target.version, periodStart, periodEnd, targetPercent: value, basis: basis.trim() } } })
        : set({ variables: { input: { administrativeUnitCode: unit!.code, metric, periodStart, periodEnd, targetPercent: value, basis: basis.trim() || null } } }),
    );
  };
  const preset = (value: number, basisText: string) => {
    setPercent(String(value));
    setBasis(basisText);
  };
  return (
    <FormDialog
      title={target ? t('reports.targets.form.editTitle', { unit: target.administrativeUnit.name }) : t('reports.targets.form.addTitle')}
      submitLabel={target ? t('form.save') : t('form.create')}
      busy={form.busy}
      problem={form.problem}
      fields={['administrativeUnitCode', 'metric', 'periodStart', 'periodEnd', 'targetPercent', 'basis']}
      onSubmit={onSubmit}
      onClose={onClose}
      onReload={onReload}
      conflictMessage={t('reports.targets.form.conflict')}
      testId="target-form"
    >
      {target ? (
        <Typography data-testid="target-form-fixed">
          {t('reports.targets.form.unitFixed', { unit: target.administrativeUnit.name, metric: t(`reports.targetMetric.${target.metric}`) })}
        </Typography>
      ) : (
        <>
          <UnitPicker
            label={t('reports.targets.form.unit')}
            value={unit}
            onChange={setUnit}
            required
            helperText={t('reports.targets.form.unitHint')}
            error={form.message('administrativeUnitCode')}
            testId="target-form-unit"
          />
          <TextField
            select
            label={t('reports.targets.form.metric')}
            value={metric}
            onChange={(e) => setMetric(e.target.value as TargetMetric)}
            required
            {...fieldHelp({ error: form.message('metric') })}
            slotProps={{ htmlInput: { 'data-testid': 'target-form-metric' } }}
          >
            {METRICS.map((m) => (
              <MenuItem key={m} value={m}>
                {t(`reports.targetMetric.${m}`)}
              </MenuItem>
            ))}
          </TextField>
        </>
      )}
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <DateField label={t('reports.targets.form.periodStart')} value={periodStart} onChange={setPeriodStart} required error={form.message('periodStart')} testId="target-form-start" />
        <DateField label={t('reports.targets.form.periodEnd')} value={periodEnd} onChange={setPeriodEnd} required error={form.message('periodEnd')} testId="target-form-end" />
      </Stack>
      <Box>
        <TextField
          label={t('reports.targets.form.percent')}
          value={percent}
          onChange={(e) => setPercent(e.target.value)}
          required
          fullWidth
          autoComplete="off"
          {...fieldHelp({ hint: t('reports.targets.form.percentHint'), error: form.message('targetPercent') })}
          slotProps={{ htmlInput: { 'data-testid': 'target-form-percent', inputMode: 'decimal' } }}
        />
        {(target?.metric ?? metric) === 'ONLINE_SHARE' && (
          <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 1, flexWrap: 'wrap', alignItems: 'center' }}>
            <Typography variant="body2" color="text.secondary">
              {t('reports.targets.form.presets')}
            </Typography>
            <Chip label={t('reports.targets.form.preset30')} onClick={() => preset(30, t('reports.targets.form.basis30'))} data-testid="target-form-preset-30" />
            <Chip label={t('reports.targets.form.preset50')} onClick={() => preset(50, t('reports.targets.form.basis50'))} data-testid="target-form-preset-50" />
          </Stack>
        )}
      </Box>
      <TextField
        label={t('reports.targets.form.basis')}
        value={basis}
        onChange={(e) => setBasis(e.target.value)}
        autoComplete="off"
        {...fieldHelp({ hint: t('reports.targets.form.basisHint'), error: form.message('basis') })}
        slotProps={{ htmlInput: { 'data-testid': 'target-form-basis', maxLength: 500 } }}
      />
    </FormDialog>
  );
}

function DeleteTargetDialog({ target, onClose, onReload }: { target: ReportTargetFieldsFragment; onClose: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const [remove] = useMutation(DeleteReportTargetDocument);
  const form = useFormState(() => {
    onReload();
    onClose();
  });
  return (
    <FormDialog
      title={t('reports.targets.form.deleteTitle')}
      submitLabel={t('reports.targets.delete')}
      tone="error"
      busy={form.busy}
      problem={form.problem}
      fields={[]}
      onSubmit={() => void form.run(() => remove({ variables: { input: { id: target.id, version: target.version } } }))}
      onClose={onClose}
      onReload={onReload}
      conflictMessage={t('reports.targets.form.conflict')}
      testId="target-delete"
    >
      <Typography>
        {t('reports.targets.form.deleteConfirm', {
          metric: t(`reports.targetMetric.${target.metric}`),
          unit: target.administrativeUnit.name,
          from: formatDate(target.periodStart),
          to: formatDate(target.periodEnd),
        })}
      </Typography>
    </FormDialog>
  );
}

/**
 * Báo cáo → Chỉ tiêu: the targets of the province over some days (this year by default), each beside
 * the share its unit reached so far with a traffic light, furthest behind first (the API's order).
 * The committee and administrators set, change and remove targets.
 */
export function TargetsPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('reports.sections.targets'));
  const { user } = useSession();
  const writer = Boolean(user?.roles.some((r) => TARGET_WRITERS.includes(r)));
  const [from, setFrom] = useState(yearStart);
  const [to, setTo] = useState(yearEnd);
  const [metric, setMetric] = useState('');
  const [editing, setEditing] = useState<ReportTargetFieldsFragment | 'new' | null>(null);
  const [deleting, setDeleting] = useState<ReportTargetFieldsFragment | null>(null);
  const valid = isIsoDate(from) && isIsoDate(to) && from <= to;
  const filter = { from, to, metric: (metric || null) as TargetMetric | null };
  const result = useQuery(TargetProgressDocument, { variables: { filter }, skip: !valid });
  const client = useApolloClient();
  // The grid's file: the same filter as the table (the API writes it from the same progress).
  const fetchFile = async () => (await client.query({ query: ExportTargetProgressDocument, variables: { filter }, fetchPolicy: 'no-cache' })).data?.exportTargetProgress;
  const rows = (result.data ?? result.previousData)?.targetProgress;
  const reload = () => void result.refetch();
  const count = (v: number) => new Intl.NumberFormat(i18n.language === 'en' ? 'en-US' : 'vi-VN').format(v);
  const points = (v: number) => new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(v);
  return (
    <Stack spacing={2}>
      <Typography variant="body2" color="text.secondary">
        {t('reports.targets.intro')}
      </Typography>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'flex-start' } }}>
        <Box sx={{ width: { md: 220 } }}>
          <DateField label={t('reports.targets.from')} value={from} onChange={(v) => v !== INVALID_DAY && v && setFrom(v)} size="small" testId="targets-from" />
        </Box>
        <Box sx={{ width: { md: 220 } }}>
          <DateField
            label={t('reports.targets.to')}
            value={to}
            onChange={(v) => v !== INVALID_DAY && v && setTo(v)}
            size="small"
            testId="targets-to"
            error={isIsoDate(from) && isIsoDate(to) && to < from ? t('reports.volumes.toBeforeFrom') : undefined}
          />
        </Box>
        <FilterSelect
          label={t('reports.targets.metric')}
          value={metric}
          onChange={setMetric}
          allLabel={t('reports.targets.allMetrics')}
          options={METRICS.map((m) => ({ value: m, label: t(`reports.targetMetric.${m}`) }))}
          sx={{ minWidth: { md: 280 } }}
          testId="targets-metric"
        />
        <Box sx={{ flexGrow: 1 }} />
        <Box sx={{ alignSelf: { xs: 'stretch', md: 'center' }, display: 'flex', '& > button': { flexGrow: { xs: 1, md: 0 } } }}>
          <ReportDownloadButton fetchFile={fetchFile} testId="targets-download" disabled={!valid} />
        </Box>
        {writer && (
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => setEditing('new')} data-testid="targets-add" sx={{ alignSelf: { xs: 'stretch', md: 'center' }, whiteSpace: 'nowrap' }}>
            {t('reports.targets.add')}
          </Button>
        )}
      </Stack>
      {result.loading && <LinearProgress aria-label={t('status.loading')} />}
      {result.error && <ProblemAlert problem={apiProblem(result.error)} />}
      {rows &&
        (rows.length === 0 ? (
          <Alert severity="info" data-testid="targets-empty">
            {t('reports.targets.empty')}
          </Alert>
        ) : (
          <TableContainer component={Paper} variant="outlined">
            <Table size="small" data-testid="targets-table">
              <TableHead>
                <TableRow>
                  <TableCell sx={{ minWidth: 150 }}>{t('reports.targets.columns.unit')}</TableCell>
                  <TableCell>{t('reports.targets.columns.light')}</TableCell>
                  <TableCell sx={{ minWidth: 150 }}>{t('reports.targets.columns.metric')}</TableCell>
                  <TableCell sx={{ minWidth: 120 }}>{t('reports.targets.columns.period')}</TableCell>
                  <TableCell align="right">{t('reports.targets.columns.target')}</TableCell>
                  <TableCell align="right" sx={{ minWidth: 110 }}>
                    {t('reports.targets.columns.actual')}
                  </TableCell>
                  <TableCell align="right">{t('reports.targets.columns.gap')}</TableCell>
                  <TableCell sx={{ minWidth: 150 }}>{t('reports.targets.columns.basis')}</TableCell>
                  {writer && <TableCell>{t('reports.targets.columns.actions')}</TableCell>}
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map((p) => (
                  <TableRow key={p.target.id} data-testid="target-row">
                    <TableCell>{p.unitName}</TableCell>
                    <TableCell>
                      <LightChip light={p.light} />
                    </TableCell>
                    <TableCell>{t(`reports.targetMetric.${p.target.metric}`)}</TableCell>
                    <TableCell>{t('reports.targets.periodValue', { from: formatDate(p.target.periodStart), to: formatDate(p.target.periodEnd) })}</TableCell>
                    <TableCell align="right">{formatPercent(p.target.targetPercent, i18n.language)}</TableCell>
                    <TableCell align="right">
                      {formatPercent(p.actualPercent, i18n.language)}
                      {p.received !== null && p.received !== undefined && p.counted !== null && p.counted !== undefined && (
                        <Typography variant="caption" component="div" color="text.secondary">
                          {t('reports.targets.actualDetail', { counted: count(p.counted), received: count(p.received) })}
                        </Typography>
                      )}
                      {p.measuredTo && p.measuredTo < p.target.periodEnd && (
                        <Typography variant="caption" component="div" color="text.secondary">
                          {t('reports.targets.measured', { to: formatDate(p.measuredTo) })}
                        </Typography>
                      )}
                    </TableCell>
                    <TableCell align="right">{p.gapPoints === null || p.gapPoints === undefined ? '—' : t('reports.targets.gapValue', { value: points(p.gapPoints) })}</TableCell>
                    <TableCell>{p.target.basis ?? ''}</TableCell>
                    {writer && (
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>
                        <Tooltip title={t('reports.targets.edit')}>
                          <IconButton size="small" aria-label={t('reports.targets.edit')} onClick={() => setEditing(p.target)} data-testid="target-edit">
                            <EditOutlined fontSize="small" />
                          </IconButton>
                        </Tooltip>
                        <Tooltip title={t('reports.targets.delete')}>
                          <IconButton size="small" aria-label={t('reports.targets.delete')} onClick={() => setDeleting(p.target)} data-testid="target-delete-button">
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
        ))}
      {editing && <TargetDialog target={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onReload={reload} />}
      {deleting && <DeleteTargetDialog target={deleting} onClose={() => setDeleting(null)} onReload={reload} />}
    </Stack>
  );
}
