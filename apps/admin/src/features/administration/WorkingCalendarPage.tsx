import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import { DateField, dayProblem } from '../../components/DateField';
import { fieldHelp } from '../../components/FieldHelp';
import { FormDialog } from '../../components/FormDialog';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDate } from '../../dates';
import { apiProblem } from '../../graphql/errors';
import {
  CreateCalendarAdjustmentDocument,
  DeleteCalendarAdjustmentDocument,
  UpdateCalendarAdjustmentDocument,
  WorkingCalendarDocument,
  type CalendarAdjustmentKind,
  type CalendarDayKind,
  type WorkingCalendarQuery,
} from '../../graphql/generated';
import { useFormState } from '../../hooks/useFormState';
import { LIMITS } from '../../limits';
import { useSession } from '../auth/SessionContext';
import { canKeepWorkingCalendar } from '../auth/permissions';

export const FIRST_YEAR = 2019;
export const LAST_YEAR = 2100;
const REFETCH = ['WorkingCalendar'];
const NO_DAYS: readonly never[] = [];

type CalendarDay = WorkingCalendarQuery['workingCalendar'][number];
type Adjustment = CalendarDay & { id: string; version: number };
type Shade = 'WEEKEND' | CalendarDayKind;

/** The colour of each kind of day; every one also has its word (legend) and letter (in the day). */
const SHADES: Record<Shade, { bg: string; fg: string; border: string }> = {
  WEEKEND: { bg: '#eceff1', fg: '#37474f', border: '#b0bec5' },
  PUBLIC_HOLIDAY: { bg: '#ffcdd2', fg: '#8e0000', border: '#e57373' },
  DAY_OFF: { bg: '#ffe0b2', fg: '#7f3f00', border: '#ffb74d' },
  WORKING_DAY: { bg: '#c8e6c9', fg: '#1b5e20', border: '#66bb6a' },
};
const SHADE_ORDER: Shade[] = ['WEEKEND', 'PUBLIC_HOLIDAY', 'DAY_OFF', 'WORKING_DAY'];

const pad = (n: number) => String(n).padStart(2, '0');
const isoOf = (year: number, month: number, day: number) => `${year}-${pad(month + 1)}-${pad(day)}`;
/** 0 = Sunday … 6 = Saturday, of a YYYY-MM-DD day (no time zone involved). */
const weekdayOf = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();
const isWeekend = (iso: string) => [0, 6].includes(weekdayOf(iso));
const currentYear = () => Math.min(LAST_YEAR, Math.max(FIRST_YEAR, new Date().getFullYear()));
const isAdjustment = (d: CalendarDay): d is Adjustment => d.id != null && d.version != null;

function Swatch({ shade }: { shade: Shade }) {
  const s = SHADES[shade];
  return <Box component="span" aria-hidden sx={{ display: 'inline-block', width: 14, height: 14, borderRadius: 0.5, bgcolor: s.bg, border: `1px solid ${s.border}`, mr: 0.75, verticalAlign: 'middle' }} />;
}

/** Legend: each kind of day with its colour, its word and the letter shown in the day. */
function Legend() {
  const { t } = useTranslation();
  return (
    <Box component="section" aria-label={t('calendar.legend')} data-testid="calendar-legend">
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {SHADE_ORDER.map((shade) => (
          <Typography key={shade} variant="body2" component="span" data-testid={`calendar-legend-${shade}`}>
            <Swatch shade={shade} />
            {shade !== 'WEEKEND' && <strong>{t(`calendar.marks.${shade}`)} </strong>}
            {t(`calendar.kinds.${shade}`)}
          </Typography>
        ))}
      </Stack>
      <Typography variant="caption" color="text.secondary">
        {t('calendar.markHint')}
      </Typography>
    </Box>
  );
}

/** One month as a small calendar, Monday first; each differing day coloured, lettered and titled. */
const MonthCalendar = memo(function MonthCalendar({ year, month, days }: { year: number; month: number; days: ReadonlyMap<string, CalendarDay> }) {
  const { t } = useTranslation();
  const weekdays = t('calendar.weekdays', { returnObjects: true }) as string[];
  const monthName = (t('calendar.months', { returnObjects: true }) as string[])[month];
  const length = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const lead = (weekdayOf(isoOf(year, month, 1)) + 6) % 7;
  const cells: Array<string | null> = [...Array<null>(lead).fill(null), ...Array.from({ length }, (_, i) => isoOf(year, month, i + 1))];
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  return (
    <Box component="section" aria-label={`${monthName} ${year}`} data-testid={`calendar-month-${month + 1}`} sx={{ minWidth: 0 }}>
      <Typography variant="subtitle2" component="h3" sx={{ mb: 0.5 }}>
        {monthName}
      </Typography>
      <table style={{ borderCollapse: 'collapse', width: '100%', tableLayout: 'fixed', fontSize: '0.75rem' }}>
        <thead>
          <tr>
            {weekdays.map((w, i) => (
              <th key={w} scope="col" style={{ fontWeight: 500, color: i >= 5 ? SHADES.WEEKEND.fg : undefined, opacity: i >= 5 ? 1 : 0.7, padding: '2px 0' }}>
                {w}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, w) => (
            <tr key={w}>
              {week.map((iso, i) => {
                if (!iso) return <td key={i} />;
                const special = days.get(iso);
                const shade: Shade | null = special?.kind ?? (isWeekend(iso) ? 'WEEKEND' : null);
                const kindText = shade ? t(`calendar.kinds.${shade}`) : null;
                const title = kindText && (special ? t('calendar.dayTitleNamed', { date: formatDate(iso), kind: kindText, name: special.name }) : t('calendar.dayTitle', { date: formatDate(iso), kind: kindText }));
                const s = shade ? SHADES[shade] : null;
                // Plain cells with inline styles: 12 months of Box/sx cells are slow to render (and to test).
                return (
                  <td
                    key={iso}
                    title={title ?? undefined}
                    aria-label={title ?? formatDate(iso)}
                    data-testid={`calendar-day-${iso}`}
                    data-kind={shade ?? 'WORKING'}
                    style={{ textAlign: 'center', padding: 2, lineHeight: 1.2, background: s?.bg, color: s?.fg, border: `1px solid ${s?.border ?? 'transparent'}` }}
                  >
                    {Number(iso.slice(8))}
                    {special && (
                      <span aria-hidden style={{ display: 'block', fontSize: '0.6rem', fontWeight: 700 }}>
                        {t(`calendar.marks.${special.kind}`)}
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </Box>
  );
});

/** Thêm / Sửa: day, kind, name, legal basis; the API's field errors under the fields, CONFLICT with a reload. */
function AdjustmentDialog({ adjustment, onClose, onReload }: { adjustment: Adjustment | null; onClose: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const [date, setDate] = useState(adjustment?.date ?? '');
  const [kind, setKind] = useState<CalendarAdjustmentKind>(adjustment?.kind === 'WORKING_DAY' ? 'WORKING_DAY' : 'DAY_OFF');
  const [name, setName] = useState(adjustment?.name ?? '');
  const [legalBasis, setLegalBasis] = useState(adjustment?.legalBasis ?? '');
  const [create] = useMutation(CreateCalendarAdjustmentDocument, { refetchQueries: REFETCH });
  const [update] = useMutation(UpdateCalendarAdjustmentDocument, { refetchQueries: REFETCH });
  const form = useFormState(onClose);
  const onSubmit = () => {
    const ok = form.check({
      date: dayProblem(date, true, t) ?? ((date < `${FIRST_YEAR}-01-01` || date > `${LAST_YEAR}-12-31`) && t('calendar.dateRange')),
      name: !name.trim() && t('form.required'),
    });
    if (!ok) return;
    const fields = { date, kind, name: name.trim(), legalBasis: legalBasis.trim() };
    void form.run(() => (adjustment ? update({ variables: { input: { id: adjustment.id, version: adjustment.version, ...fields } } }) : create({ variables: { input: { ...fields, legalBasis: fields.legalBasis || null } } })));
  };
  return (
    <FormDialog
      title={adjustment ? t('calendar.editTitle', { date: formatDate(adjustment.date) }) : t('calendar.addTitle')}
      submitLabel={adjustment ? t('form.save') : t('form.create')}
      busy={form.busy}
      problem={form.problem}
      fields={['date', 'kind', 'name', 'legalBasis']}
      onSubmit={onSubmit}
      onClose={onClose}
      onReload={() => {
        onReload();
        onClose();
      }}
      conflictMessage={t('calendar.conflict')}
      testId="calendar-adjustment-form"
    >
      <DateField label={t('calendar.fields.date')} value={date} onChange={setDate} required error={form.message('date')} testId="calendar-adjustment-date" />
      <TextField
        select
        label={t('calendar.fields.kind')}
        value={kind}
        onChange={(e) => setKind(e.target.value as CalendarAdjustmentKind)}
        required
        {...fieldHelp({ hint: t('calendar.hints.kind'), error: form.message('kind') })}
        slotProps={{ htmlInput: { 'data-testid': 'calendar-adjustment-kind' } }}
      >
        <MenuItem value="DAY_OFF">{t('calendar.kinds.DAY_OFF')}</MenuItem>
        <MenuItem value="WORKING_DAY">{t('calendar.kinds.WORKING_DAY')}</MenuItem>
      </TextField>
      <TextField
        label={t('calendar.fields.name')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        required
        autoComplete="off"
        {...fieldHelp({ hint: t('calendar.hints.name'), error: form.message('name'), max: LIMITS.name })}
        slotProps={{ htmlInput: { 'data-testid': 'calendar-adjustment-name', maxLength: 200 } }}
      />
      <TextField
        label={t('calendar.fields.legalBasis')}
        value={legalBasis}
        onChange={(e) => setLegalBasis(e.target.value)}
        autoComplete="off"
        multiline
        {...fieldHelp({ hint: t('calendar.hints.legalBasis'), error: form.message('legalBasis') })}
        slotProps={{ htmlInput: { 'data-testid': 'calendar-adjustment-legal-basis', maxLength: 500 } }}
      />
    </FormDialog>
  );
}

/** Xóa: the day goes back to the plain calendar. */
function DeleteDialog({ adjustment, onClose, onReload }: { adjustment: Adjustment; onClose: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const [remove] = useMutation(DeleteCalendarAdjustmentDocument, { refetchQueries: REFETCH });
  const form = useFormState(onClose);
  const plain = isWeekend(adjustment.date) ? t('calendar.plainOff') : t('calendar.plainWorking');
  return (
    <FormDialog
      title={t('calendar.deleteTitle', { date: formatDate(adjustment.date) })}
      submitLabel={t('calendar.delete')}
      tone="error"
      busy={form.busy}
      problem={form.problem}
      fields={[]}
      onSubmit={() => void form.run(() => remove({ variables: { input: { id: adjustment.id, version: adjustment.version } } }))}
      onClose={onClose}
      onReload={() => {
        onReload();
        onClose();
      }}
      conflictMessage={t('calendar.conflict')}
      testId="calendar-adjustment-delete"
    >
      <Typography>{t('calendar.deleteConfirm', { date: formatDate(adjustment.date), plain })}</Typography>
    </FormDialog>
  );
}

/**
 * Quản trị → Lịch làm việc: a year's working-day calendar (12 small months: weekends, public holidays,
 * extra days off and swapped working days, each in a colour and a word) and the list of its
 * adjustments, which national administrators add, edit and delete; everyone else reads them.
 */
export function WorkingCalendarPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const keeper = canKeepWorkingCalendar(user?.roles ?? [], user !== null && user.scope === null);
  // The year shown is in the address (?year=2026), so that a link opens it; this year by default.
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= FIRST_YEAR && asked <= LAST_YEAR ? asked : currentYear();
  const setYear = (next: number) => setParams((p) => {
    const copy = new URLSearchParams(p);
    copy.set('year', String(Math.min(LAST_YEAR, Math.max(FIRST_YEAR, next))));
    return copy;
  }, { replace: true });
  const [editing, setEditing] = useState<Adjustment | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Adjustment | null>(null);
  const { data, previousData, error, refetch } = useQuery(WorkingCalendarDocument, { variables: { year } });
  const list = (data ?? previousData)?.workingCalendar ?? NO_DAYS;
  const days = useMemo(() => new Map(list.map((d) => [d.date, d])), [list]);
  const adjustments = list.filter(isAdjustment);
  const weekdayNames = t('calendar.weekdayNames', { returnObjects: true }) as string[];
  const years = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);
  const reload = () => void refetch();
  return (
    <Stack spacing={2} data-testid="working-calendar-page">
      <Typography color="text.secondary">{t('calendar.intro')}</Typography>
      {!keeper && (
        <Alert severity="info" data-testid="calendar-read-only">
          {t('calendar.readOnly')}
        </Alert>
      )}
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <IconButton aria-label={t('calendar.previousYear')} onClick={() => setYear(year - 1)} disabled={year <= FIRST_YEAR} data-testid="calendar-previous-year">
          <ChevronLeftIcon />
        </IconButton>
        <TextField select size="small" label={t('calendar.year')} value={year} onChange={(e) => setYear(Number(e.target.value))} sx={{ width: 120 }} slotProps={{ htmlInput: { 'data-testid': 'calendar-year' } }}>
          {years.map((y) => (
            <MenuItem key={y} value={y}>
              {y}
            </MenuItem>
          ))}
        </TextField>
        <IconButton aria-label={t('calendar.nextYear')} onClick={() => setYear(year + 1)} disabled={year >= LAST_YEAR} data-testid="calendar-next-year">
          <ChevronRightIcon />
        </IconButton>
        {keeper && (
          <Button variant="contained" onClick={() => setEditing('new')} data-testid="calendar-adjustment-add" sx={{ ml: { sm: 'auto' } }}>
            {t('calendar.add')}
          </Button>
        )}
      </Box>
      <Legend />
      {error && <ProblemAlert problem={apiProblem(error)} />}
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'repeat(1, 1fr)', sm: 'repeat(2, 1fr)', md: 'repeat(3, 1fr)', lg: 'repeat(4, 1fr)' } }} data-testid="calendar-year-grid">
        {Array.from({ length: 12 }, (_, month) => (
          <MonthCalendar key={`${year}-${month}`} year={year} month={month} days={days} />
        ))}
      </Box>
      <Typography variant="h2" sx={{ fontSize: '1.15rem', pt: 1 }}>
        {t('calendar.adjustments', { year })}
      </Typography>
      {adjustments.length === 0 && data ? (
        <Alert severity="info">{t('calendar.noAdjustments', { year })}</Alert>
      ) : (
        <TableContainer>
          <Table size="small" aria-label={t('calendar.adjustments', { year })} data-testid="calendar-adjustments">
            <TableHead>
              <TableRow>
                <TableCell>{t('calendar.columns.date')}</TableCell>
                <TableCell>{t('calendar.columns.weekday')}</TableCell>
                <TableCell>{t('calendar.columns.kind')}</TableCell>
                <TableCell>{t('calendar.columns.name')}</TableCell>
                <TableCell>{t('calendar.columns.legalBasis')}</TableCell>
                {keeper && <TableCell align="right">{t('calendar.columns.actions')}</TableCell>}
              </TableRow>
            </TableHead>
            <TableBody>
              {adjustments.map((a) => (
                <TableRow key={a.id} data-testid={`calendar-adjustment-${a.date}`}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDate(a.date)}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{weekdayNames[weekdayOf(a.date)]}</TableCell>
                  <TableCell>
                    <Chip size="small" icon={<Swatch shade={a.kind} />} label={t(`calendar.kinds.${a.kind}`)} variant="outlined" />
                  </TableCell>
                  <TableCell>{a.name}</TableCell>
                  <TableCell sx={{ color: 'text.secondary', fontSize: '0.8rem' }}>{a.legalBasis}</TableCell>
                  {keeper && (
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                      <Button size="small" onClick={() => setEditing(a)} data-testid={`calendar-adjustment-edit-${a.date}`}>
                        {t('calendar.edit')}
                      </Button>
                      <Button size="small" color="error" onClick={() => setDeleting(a)} data-testid={`calendar-adjustment-delete-${a.date}`}>
                        {t('calendar.delete')}
                      </Button>
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {editing && <AdjustmentDialog adjustment={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onReload={reload} />}
      {deleting && <DeleteDialog adjustment={deleting} onClose={() => setDeleting(null)} onReload={reload} />}
    </Stack>
  );
}
