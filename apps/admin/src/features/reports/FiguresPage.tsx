import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
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
  AggregateFigureListDocument,
  DeleteAggregateFigureDocument,
  SubmitAggregateFigureDocument,
  UpdateAggregateFigureDocument,
  type AggregateFigureFieldsFragment,
} from '../../graphql/generated';
import { DateField, dayProblem } from '../../components/DateField';
import { fieldHelp } from '../../components/FieldHelp';
import { FormDialog } from '../../components/FormDialog';
import { ProblemAlert } from '../../components/ProblemAlert';
import { apiProblem } from '../../graphql/errors';
import { formatDate, formatDateTime, isIsoDate, todayIso } from '../../dates';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useFormState } from '../../hooks/useFormState';
import { useSession } from '../auth/SessionContext';
import { useNumberFormats } from '../overview/formats';
import { UnitPicker, type UnitOption } from '../organisation/pickers';
import { TARGET_WRITERS } from './TargetsPage';

/** The figures a submission may state, in the order forms and reports show them (the API's FIGURE_FIELDS). */
export const FIGURE_FIELDS = ['receivedViaBcci', 'resultsReturnedViaBcci', 'receivedAndReturnedViaBcci', 'totalViaBcci', 'online', 'atDesk'] as const;
type FigureField = (typeof FIGURE_FIELDS)[number];
const PAGE = 50;

/** The last calendar month (a period that is over, as the API requires): its first and last day. */
export function lastMonth(today = todayIso()): { start: string; end: string } {
  const [y, m] = today.split('-').map(Number);
  const start = new Date(Date.UTC(y, m - 2, 1));
  const end = new Date(Date.UTC(y, m - 1, 0));
  return { start: start.toISOString().slice(0, 10), end: end.toISOString().slice(0, 10) };
}

/** A whole number typed with or without thousands separators ("45.757", "45 757", "45757"); null when it is not one (a comma is a decimal comma in Vietnamese). */
export function parseCount(text: string): number | null {
  const cleaned = text.trim().replace(/[.\s\u00a0]/g, '');
  if (!/^\d{1,10}$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return value <= 2_147_483_647 ? value : null;
}

/** Nộp số liệu / Sửa số liệu: the reporting unit (fixed once submitted), the period, the figures, the source. */
function FigureDialog({ figure, onClose, onReload }: { figure: AggregateFigureFieldsFragment | null; onClose: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const { count } = useNumberFormats();
  const [unit, setUnit] = useState<UnitOption | null>(null);
  const [periodStart, setPeriodStart] = useState(() => figure?.periodStart ?? lastMonth().start);
  const [periodEnd, setPeriodEnd] = useState(() => figure?.periodEnd ?? lastMonth().end);
  const [values, setValues] = useState<Record<FigureField, string>>(
    () => Object.fromEntries(FIGURE_FIELDS.map((f) => [f, figure?.[f] === null || figure?.[f] === undefined ? '' : count(figure[f] as number)])) as Record<FigureField, string>,
  );
  const [source, setSource] = useState(figure?.source ?? '');
  const [note, setNote] = useState(figure?.note ?? '');
  const [submit] = useMutation(SubmitAggregateFigureDocument);
  const [update] = useMutation(UpdateAggregateFigureDocument);
  const form = useFormState(() => {
    onReload();
    onClose();
  });
  const onSubmit = () => {
    const parsed = Object.fromEntries(FIGURE_FIELDS.map((f) => [f, values[f].trim() ? parseCount(values[f]) : null])) as Record<FigureField, number | null>;
    const problems: Record<string, string | false | null | undefined> = {
      administrativeUnitCode: !figure && !unit && t('form.required'),
      periodStart: dayProblem(periodStart, true, t),
      periodEnd: dayProblem(periodEnd, true, t) ?? (isIsoDate(periodStart) && isIsoDate(periodEnd) && periodEnd < periodStart && t('reports.volumes.toBeforeFrom')),
      source: !source.trim() && t('form.required'),
    };
    for (const f of FIGURE_FIELDS) if (values[f].trim() && parsed[f] === null) problems[f] = t('reports.figures.form.countInvalid');
    if (FIGURE_FIELDS.every((f) => !values[f].trim())) problems.receivedViaBcci = t('reports.figures.form.atLeastOne');
    if (!form.check(problems)) return;
    void form.run(() =>
      figure
        ? update({ variables: { input: { id: figure.id, version: figure.version, periodStart, periodEnd, ...parsed, source: source.trim(), note: note.trim() } } })
        : submit({ variables: { input: { administrativeUnitCode: unit!.code, periodStart, periodEnd, ...parsed, source: source.trim(), note: note.trim() || null } } }),
    );
  };
  return (
    <FormDialog
      title={figure ? t('reports.figures.form.editTitle', { unit: figure.desk?.name ?? figure.administrativeUnit.name }) : t('reports.figures.form.addTitle')}
      submitLabel={figure ? t('form.save') : t('reports.figures.form.submit')}
      busy={form.busy}
      problem={form.problem}
      fields={['administrativeUnitCode', 'deskId', 'periodStart', 'periodEnd', ...FIGURE_FIELDS, 'source', 'note']}
      onSubmit={onSubmit}
      onClose={onClose}
      onReload={onReload}
      conflictMessage={t('reports.figures.form.conflict')}
      testId="figure-form"
    >
      {figure ? (
        <Typography data-testid="figure-form-fixed">{t('reports.figures.form.unitFixed', { unit: figure.desk?.name ?? figure.administrativeUnit.name })}</Typography>
      ) : (
        <UnitPicker
          label={t('reports.figures.form.unit')}
          value={unit}
          onChange={setUnit}
          required
          helperText={t('reports.figures.form.unitHint')}
          error={form.message('administrativeUnitCode')}
          testId="figure-form-unit"
        />
      )}
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <DateField label={t('reports.figures.form.periodStart')} value={periodStart} onChange={setPeriodStart} required error={form.message('periodStart')} testId="figure-form-start" />
        <DateField label={t('reports.figures.form.periodEnd')} value={periodEnd} onChange={setPeriodEnd} required error={form.message('periodEnd')} testId="figure-form-end" />
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {t('reports.figures.form.figuresHint')}
      </Typography>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>
        {FIGURE_FIELDS.map((f) => (
          <TextField
            key={f}
            label={t(`reports.figures.fields.${f}`)}
            value={values[f]}
            onChange={(e) => setValues((v) => ({ ...v, [f]: e.target.value }))}
            autoComplete="off"
            {...fieldHelp({ hint: f === 'totalViaBcci' ? t('reports.figures.form.totalHint') : undefined, error: form.message(f) })}
            slotProps={{ htmlInput: { 'data-testid': `figure-form-${f}`, inputMode: 'numeric' } }}
          />
        ))}
      </Box>
      <TextField
        label={t('reports.figures.form.source')}
        value={source}
        onChange={(e) => setSource(e.target.value)}
        required
        multiline
        minRows={2}
        autoComplete="off"
        {...fieldHelp({ hint: t('reports.figures.form.sourceHint'), error: form.message('source') })}
        slotProps={{ htmlInput: { 'data-testid': 'figure-form-source', maxLength: 500 } }}
      />
      <TextField
        label={t('reports.figures.form.note')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        multiline
        autoComplete="off"
        {...fieldHelp({ error: form.message('note') })}
        slotProps={{ htmlInput: { 'data-testid': 'figure-form-note', maxLength: 2000 } }}
      />
    </FormDialog>
  );
}

function DeleteFigureDialog({ figure, onClose, onReload }: { figure: AggregateFigureFieldsFragment; onClose: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const [remove] = useMutation(DeleteAggregateFigureDocument);
  const form = useFormState(() => {
    onReload();
    onClose();
  });
  return (
    <FormDialog
      title={t('reports.figures.form.deleteTitle')}
      submitLabel={t('reports.figures.delete')}
      tone="error"
      busy={form.busy}
      problem={form.problem}
      fields={[]}
      onSubmit={() => void form.run(() => remove({ variables: { input: { id: figure.id, version: figure.version } } }))}
      onClose={onClose}
      onReload={onReload}
      conflictMessage={t('reports.figures.form.conflict')}
      testId="figure-delete"
    >
      <Typography>
        {t('reports.figures.form.deleteConfirm', { unit: figure.desk?.name ?? figure.administrativeUnit.name, from: formatDate(figure.periodStart), to: formatDate(figure.periodEnd) })}
      </Typography>
    </FormDialog>
  );
}

/**
 * Báo cáo → Số liệu đơn vị báo cáo: the period totals the province's units that keep their dossiers
 * elsewhere submitted (aggregateFigures, oldest period first, desks' own figures too), each with its
 * figures, source and who last wrote it when; the committee and administrators submit, correct and
 * remove them (the volume report adds them beside the dossiers held here).
 */
export function FiguresPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('reports.sections.figures'));
  const { user } = useSession();
  const writer = Boolean(user?.roles.some((r) => TARGET_WRITERS.includes(r)));
  const { count } = useNumberFormats();
  const [editing, setEditing] = useState<AggregateFigureFieldsFragment | 'new' | null>(null);
  const [deleting, setDeleting] = useState<AggregateFigureFieldsFragment | null>(null);
  const result = useQuery(AggregateFigureListDocument, { variables: { first: PAGE, filter: { includeDeskFigures: true } }, notifyOnNetworkStatusChange: true });
  const connection = (result.data ?? result.previousData)?.aggregateFigures;
  const figures = connection?.edges.map((e) => e.node) ?? [];
  const reload = () => void result.refetch();
  const more = () =>
    void result.fetchMore({
      variables: { after: connection?.pageInfo.endCursor },
      updateQuery: (prev, { fetchMoreResult }) => ({ aggregateFigures: { ...fetchMoreResult.aggregateFigures, edges: [...prev.aggregateFigures.edges, ...fetchMoreResult.aggregateFigures.edges] } }),
    });
  return (
    <Stack spacing={2}>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' } }}>
        <Typography variant="body2" color="text.secondary" sx={{ flexGrow: 1 }}>
          {t('reports.figures.intro')}
        </Typography>
        {writer && (
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => setEditing('new')} data-testid="figures-add" sx={{ alignSelf: { xs: 'stretch', md: 'center' }, whiteSpace: 'nowrap' }}>
            {t('reports.figures.add')}
          </Button>
        )}
      </Stack>
      {result.loading && <LinearProgress aria-label={t('status.loading')} />}
      {result.error && <ProblemAlert problem={apiProblem(result.error)} />}
      {connection &&
        (figures.length === 0 ? (
          <Alert severity="info" data-testid="figures-empty">
            {t('reports.figures.empty')}
          </Alert>
        ) : (
          <TableContainer component={Paper} variant="outlined">
            <Table size="small" data-testid="figures-table">
              <TableHead>
                <TableRow>
                  <TableCell sx={{ minWidth: 160 }}>{t('reports.figures.columns.unit')}</TableCell>
                  <TableCell sx={{ minWidth: 120 }}>{t('reports.figures.columns.period')}</TableCell>
                  <TableCell sx={{ minWidth: 200 }}>{t('reports.figures.columns.figures')}</TableCell>
                  <TableCell sx={{ minWidth: 220 }}>{t('reports.figures.columns.source')}</TableCell>
                  <TableCell sx={{ minWidth: 140 }}>{t('reports.figures.columns.changed')}</TableCell>
                  {writer && <TableCell>{t('reports.figures.columns.actions')}</TableCell>}
                </TableRow>
              </TableHead>
              <TableBody>
                {figures.map((f) => (
                  <TableRow key={f.id} data-testid="figure-row">
                    <TableCell>
                      {f.desk ? f.desk.name : f.administrativeUnit.name}
                      {f.desk && (
                        <Typography variant="caption" component="div" color="text.secondary">
                          {t('reports.figures.deskOf', { unit: f.administrativeUnit.name })}
                        </Typography>
                      )}
                    </TableCell>
                    <TableCell>{t('reports.targets.periodValue', { from: formatDate(f.periodStart), to: formatDate(f.periodEnd) })}</TableCell>
                    <TableCell>
                      <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: 'auto auto', columnGap: 1.5, rowGap: 0.25 }}>
                        {FIGURE_FIELDS.filter((k) => f[k] !== null && f[k] !== undefined).map((k) => (
                          <Box key={k} sx={{ display: 'contents' }}>
                            <Typography component="dt" variant="body2" color="text.secondary">
                              {t(`reports.figures.fields.${k}`)}
                            </Typography>
                            <Typography component="dd" variant="body2" sx={{ m: 0, textAlign: 'right', fontWeight: 500 }} data-testid={`figure-${k}`}>
                              {count(f[k] as number)}
                            </Typography>
                          </Box>
                        ))}
                      </Box>
                    </TableCell>
                    <TableCell>
                      {f.source}
                      {f.note && (
                        <Typography variant="caption" component="div" color="text.secondary">
                          {f.note}
                        </Typography>
                      )}
                    </TableCell>
                    <TableCell data-testid="figure-changed">
                      {f.changedBy ?? t('reports.figures.changedByUnknown')}
                      <Typography variant="caption" component="div" color="text.secondary">
                        {formatDateTime(f.updatedAt)}
                      </Typography>
                    </TableCell>
                    {writer && (
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>
                        <Tooltip title={t('reports.figures.edit')}>
                          <IconButton size="small" aria-label={t('reports.figures.edit')} onClick={() => setEditing(f)} data-testid="figure-edit">
                            <EditOutlined fontSize="small" />
                          </IconButton>
                        </Tooltip>
                        <Tooltip title={t('reports.figures.delete')}>
                          <IconButton size="small" aria-label={t('reports.figures.delete')} onClick={() => setDeleting(f)} data-testid="figure-delete-button">
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
      {connection?.pageInfo.hasNextPage && (
        <Button variant="outlined" onClick={more} disabled={result.loading} data-testid="figures-more" sx={{ alignSelf: 'center' }}>
          {t('reports.figures.more')}
        </Button>
      )}
      {editing && <FigureDialog figure={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onReload={reload} />}
      {deleting && <DeleteFigureDialog figure={deleting} onClose={() => setDeleting(null)} onReload={reload} />}
    </Stack>
  );
}
