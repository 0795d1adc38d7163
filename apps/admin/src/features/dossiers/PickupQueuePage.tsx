import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import type { GridColDef } from '@mui/x-data-grid';
import {
  DossierPickupOutcomeDocument,
  DossierPickupQueueDocument,
  DossierPostmenDocument,
  DossierSchedulePickupDocument,
  type DossierPickupRowFragment,
  type PickupOutcome,
  type PickupStatus,
} from '../../graphql/generated';
import { DateField, INVALID_DAY } from '../../components/DateField';
import { fieldHelp } from '../../components/FieldHelp';
import { FormDialog } from '../../components/FormDialog';
import { ListGrid } from '../../components/ListGrid';
import { NoteField } from '../../components/NoteField';
import { formatDateTime, todayIso } from '../../dates';
import { useCursorPages, useGridPage } from '../../hooks/useCursorPages';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useFormState } from '../../hooks/useFormState';
import { LinkCell } from '../organisation/LinkCell';
import { dossierHref } from './DossierListPage';

/** What the queue shows: what is still to do (the default), or what is done. */
const VIEWS = { waiting: ['TO_CALL', 'SCHEDULED'], done: ['PICKED_UP', 'CANCELLED'] } as const satisfies Record<string, readonly PickupStatus[]>;
type View = keyof typeof VIEWS;

const STATUS_COLOR: Record<PickupStatus, 'warning' | 'info' | 'success' | 'default'> = { TO_CALL: 'warning', SCHEDULED: 'info', PICKED_UP: 'success', CANCELLED: 'default' };

const OUTCOMES: readonly PickupOutcome[] = ['PICKED_UP', 'NOT_AT_HOME', 'CANCELLED'];

/** A time of day in Vietnam (HH:mm) of a `DateTimeISO`; the queue shows the day once, then the hours. */
const timeOf = (value: string) => formatDateTime(value).slice(11);

/** The agreed window as one phrase: "14/01/2027 08:00–10:00". */
export function pickupWindow(row: Pick<DossierPickupRowFragment, 'windowFrom' | 'windowTo'>): string {
  if (!row.windowFrom || !row.windowTo) return '';
  return `${formatDateTime(row.windowFrom)}–${timeOf(row.windowTo)}`;
}

/**
 * The window the dialog proposes: two hours from the next whole hour but one (Vietnam time), so it is
 * never in the past; after office hours (17:00), tomorrow 08:00–10:00. The manager changes it to what
 * the applicant agreed.
 */
export function proposedWindow(now = new Date()): { day: string; from: string; to: string } {
  const vietnam = new Date(now.getTime() + 7 * 3600_000); // its UTC fields read Vietnam's clock
  const start = vietnam.getUTCHours() + 2;
  const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;
  if (start >= 8 && start + 2 <= 17) return { day: vietnam.toISOString().slice(0, 10), from: hh(start), to: hh(start + 2) };
  const day = new Date(vietnam.getTime() + (start >= 8 ? 24 * 3600_000 : 0));
  return { day: day.toISOString().slice(0, 10), from: '08:00', to: '10:00' };
}

/**
 * The times a window may start or end, every half hour from 06:00 to 21:00, in 24-hour form as
 * Vietnamese write them (a browser's own time field would follow its language: "11:00 AM").
 */
const TIMES = Array.from({ length: 31 }, (_, i) => `${String(6 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`);

/** A day and a time of day, as typed in Vietnam, → the API's `DateTimeISO` (UTC+7, whatever the browser's zone). */
const vietnamMoment = (day: string, time: string) => `${day}T${time}:00+07:00`;

interface PickupDialogProps {
  pickup: DossierPickupRowFragment;
  onClose: () => void;
  onReload: () => void;
  onDone: (message: string) => void;
}

/** Hẹn giờ thu gom: the day and window agreed on the phone, and the postman who goes. */
function ScheduleDialog({ pickup, onClose, onReload, onDone }: PickupDialogProps) {
  const { t } = useTranslation();
  const [proposed] = useState(proposedWindow);
  const [day, setDay] = useState(proposed.day);
  const [from, setFrom] = useState(proposed.from);
  const [to, setTo] = useState(proposed.to);
  const [postmanId, setPostmanId] = useState(pickup.postman?.id ?? '');
  const postmen = useQuery(DossierPostmenDocument, { variables: { postOfficeId: pickup.postOffice.id } });
  const [schedule] = useMutation(DossierSchedulePickupDocument);
  const form = useFormState(() => {
    onDone(t('dossiers.pickups.scheduled', { code: pickup.dossier?.code ?? '', window: `${from}–${to}` }));
    onClose();
  });
  const submit = () => {
    if (!form.check({ windowFrom: (!day || day === INVALID_DAY || !from) && t('dossiers.pickups.windowRequired'), windowTo: !to && t('dossiers.pickups.windowRequired') })) return;
    void form.run(() =>
      schedule({
        variables: { input: { id: pickup.id, version: pickup.version, windowFrom: vietnamMoment(day, from), windowTo: vietnamMoment(day, to), postmanId: postmanId || null } },
      }),
    );
  };
  const people = postmen.data?.staffMembers.edges.map((e) => e.node) ?? [];
  return (
    <FormDialog
      title={t('dossiers.pickups.schedule')}
      submitLabel={t('form.save')}
      busy={form.busy}
      problem={form.problem}
      fields={['windowFrom', 'windowTo', 'postmanId']}
      onSubmit={submit}
      onClose={onClose}
      onReload={onReload}
      conflictMessage={t('dossiers.pickups.conflict')}
      testId="pickup-schedule-dialog"
    >
      <Typography variant="body2" color="text.secondary">
        {pickup.dossier?.code} · {pickup.address}
      </Typography>
      <DateField label={t('dossiers.pickups.day')} value={day} onChange={setDay} required minDate={todayIso()} error={form.message('windowFrom')} testId="pickup-day" />
      <Stack direction="row" spacing={2}>
        <TextField
          select
          label={t('dossiers.pickups.from')}
          value={from}
          onChange={(e) => {
            const start = e.target.value;
            setFrom(start);
            // Keep the window's end after its start: two hours on by default (or the last time offered).
            if (to <= start) setTo(TIMES[Math.min(TIMES.indexOf(start) + 4, TIMES.length - 1)]);
          }}
          required
          fullWidth
          slotProps={{ htmlInput: { 'data-testid': 'pickup-from' } }}
        >
          {TIMES.map((time) => (
            <MenuItem key={time} value={time}>
              {time}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          label={t('dossiers.pickups.to')}
          value={to}
          onChange={(e) => setTo(e.target.value)}
          required
          fullWidth
          {...fieldHelp({ error: form.message('windowTo') })}
          slotProps={{ htmlInput: { 'data-testid': 'pickup-to' } }}
        >
          {TIMES.filter((time) => time > from || time === to).map((time) => (
            <MenuItem key={time} value={time}>
              {time}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      <TextField
        select
        label={t('dossiers.pickups.postman')}
        value={postmanId}
        onChange={(e) => setPostmanId(e.target.value)}
        {...fieldHelp({ hint: t('dossiers.pickups.postmanHint'), error: form.message('postmanId') })}
        slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'pickup-postman' } }}
      >
        <MenuItem value="">{t('dossiers.pickups.noPostman')}</MenuItem>
        {people.map((p) => (
          <MenuItem key={p.id} value={p.id}>
            {p.fullName}
          </MenuItem>
        ))}
      </TextField>
    </FormDialog>
  );
}

/** Ghi kết quả thu gom: picked up, no one at home (to call again), or cancelled with its reason. */
function OutcomeDialog({ pickup, onClose, onReload, onDone }: PickupDialogProps) {
  const { t } = useTranslation();
  // A visit is only recorded once a window was agreed; before that the only outcome is a cancellation.
  const choices = pickup.status === 'SCHEDULED' ? OUTCOMES : (['CANCELLED'] as const);
  const [outcome, setOutcome] = useState<PickupOutcome>(choices[0]);
  const [note, setNote] = useState('');
  const [record] = useMutation(DossierPickupOutcomeDocument);
  const form = useFormState(() => {
    onDone(t(`dossiers.pickups.outcomeDone.${outcome}`, { code: pickup.dossier?.code ?? '' }));
    onClose();
  });
  const submit = () => {
    if (!form.check({ note: outcome === 'CANCELLED' && !note.trim() && t('dossiers.dialog.reasonRequired') })) return;
    void form.run(() => record({ variables: { input: { id: pickup.id, version: pickup.version, outcome, note: note.trim() || null } } }));
  };
  return (
    <FormDialog
      title={t('dossiers.pickups.record')}
      submitLabel={t('form.save')}
      tone={outcome === 'CANCELLED' ? 'error' : 'primary'}
      busy={form.busy}
      problem={form.problem}
      fields={['outcome', 'note']}
      onSubmit={submit}
      onClose={onClose}
      onReload={onReload}
      conflictMessage={t('dossiers.pickups.conflict')}
      testId="pickup-outcome-dialog"
    >
      <Typography variant="body2" color="text.secondary">
        {pickup.dossier?.code} · {pickup.address}
      </Typography>
      <TextField
        select
        label={t('dossiers.pickups.outcome')}
        value={outcome}
        onChange={(e) => setOutcome(e.target.value as PickupOutcome)}
        slotProps={{ htmlInput: { 'data-testid': 'pickup-outcome' } }}
      >
        {choices.map((o) => (
          <MenuItem key={o} value={o}>
            {t(`dossiers.pickups.outcomes.${o}`)}
          </MenuItem>
        ))}
      </TextField>
      <NoteField
        label={outcome === 'CANCELLED' ? t('dossiers.dialog.reason') : t('dossiers.dialog.note')}
        value={note}
        onChange={setNote}
        required={outcome === 'CANCELLED'}
        error={form.message('note')}
        testId="pickup-note"
      />
    </FormDialog>
  );
}

type Dialog = { kind: 'schedule' | 'outcome'; pickup: DossierPickupRowFragment } | null;

/**
 * Thu gom hồ sơ: the post office's queue of online dossiers whose paper dossier a postman collects at
 * the applicant's address (and the offices reporting to it), longest waiting first. The manager calls,
 * agrees a window and a postman, then records how the visit went; each step lands on the dossier's
 * timeline. (The API keeps a manager to their post office's queue and shows the address and phone only
 * to those who handle the dossier.)
 */
export function PickupQueuePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('dossiers.pickups.title'));
  const [view, setView] = useState<View>('waiting');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [done, setDone] = useState('');
  const filter = { statuses: [...VIEWS[view]] };
  const pages = useCursorPages(view, 25);
  const result = useQuery(DossierPickupQueueDocument, { variables: { first: pages.first, after: pages.after, filter } });
  const page = useGridPage(pages, result, result.data?.pickupQueue, result.previousData?.pickupQueue);

  const columns = useMemo<GridColDef<DossierPickupRowFragment>[]>(
    () => [
      {
        field: 'dossier',
        headerName: t('dossiers.fields.code'),
        minWidth: 215,
        renderCell: (p) =>
          p.row.dossier ? (
            <div>
              <Box sx={{ fontFamily: '"Roboto Mono", monospace', fontSize: '0.75rem', whiteSpace: 'nowrap' }}>
                <LinkCell params={{ ...p, value: p.row.dossier.code }} href={dossierHref(p.row.dossier)} />
              </Box>
              <Typography variant="caption" color="text.secondary">
                {p.row.dossier.procedure.name}
              </Typography>
            </div>
          ) : null,
        flex: 2,
      },
      {
        field: 'applicant',
        headerName: t('dossiers.pickups.applicant'),
        minWidth: 150,
        flex: 1,
        renderCell: (p) => (
          <div>
            <div>{p.row.dossier?.applicant.fullName}</div>
            <Typography variant="caption" color="text.secondary">
              {p.row.dossier?.applicant.phone}
            </Typography>
          </div>
        ),
      },
      { field: 'address', headerName: t('dossiers.pickups.address'), minWidth: 180, flex: 2, valueGetter: (_v, row) => row.address ?? t('dossiers.masked') },
      {
        field: 'status',
        headerName: t('dossiers.fields.status'),
        minWidth: 170,
        flex: 1,
        renderCell: (p) => (
          <div>
            <Chip size="small" color={STATUS_COLOR[p.row.status]} label={t(`dossiers.pickupStatus.${p.row.status}`)} />
            {p.row.windowFrom && (
              <Typography variant="caption" component="div" sx={{ mt: 0.5 }}>
                {pickupWindow(p.row)}
              </Typography>
            )}
            {p.row.postman && (
              <Typography variant="caption" color="text.secondary" component="div">
                {t('dossiers.pickups.by', { name: p.row.postman.fullName })}
              </Typography>
            )}
            {p.row.attempts > 0 && (
              <Typography variant="caption" color="warning.main" component="div">
                {t('dossiers.pickups.attempts', { count: p.row.attempts })}
              </Typography>
            )}
            {p.row.lastOutcomeNote && (
              <Typography variant="caption" color="text.secondary" component="div">
                {p.row.lastOutcomeNote}
              </Typography>
            )}
          </div>
        ),
      },
      {
        field: 'actions',
        headerName: t('dossiers.page.actions'),
        minWidth: 190,
        renderCell: (p) =>
          p.row.status === 'TO_CALL' || p.row.status === 'SCHEDULED' ? (
            <Stack direction="row" spacing={1} sx={{ py: 0.5 }}>
              <Button size="small" sx={{ whiteSpace: 'nowrap' }} variant={p.row.status === 'TO_CALL' ? 'contained' : 'outlined'} onClick={() => setDialog({ kind: 'schedule', pickup: p.row })} data-testid={`pickup-schedule-${p.row.dossier?.code ?? p.row.id}`}>
                {p.row.status === 'TO_CALL' ? t('dossiers.pickups.schedule') : t('dossiers.pickups.reschedule')}
              </Button>
              <Button size="small" sx={{ whiteSpace: 'nowrap' }} variant={p.row.status === 'SCHEDULED' ? 'contained' : 'text'} color={p.row.status === 'SCHEDULED' ? 'primary' : 'inherit'} onClick={() => setDialog({ kind: 'outcome', pickup: p.row })} data-testid={`pickup-outcome-${p.row.dossier?.code ?? p.row.id}`}>
                {p.row.status === 'SCHEDULED' ? t('dossiers.pickups.record') : t('dossiers.pickups.cancel')}
              </Button>
            </Stack>
          ) : null,
      },
      { field: 'createdAt', headerName: t('dossiers.pickups.since'), minWidth: 130, valueGetter: (_v, row) => formatDateTime(row.createdAt) },
      { field: 'postOffice', headerName: t('dossiers.pickups.postOffice'), minWidth: 160, flex: 1, valueGetter: (_v, row) => row.postOffice.name },
    ],
    [t],
  );
  // What is done has nothing left to do.
  const shown = view === 'done' ? columns.filter((c) => c.field !== 'actions') : columns;

  const close = () => setDialog(null);
  const reload = () => void result.refetch();
  const finished = (message: string) => {
    setDone(message);
    reload();
  };
  return (
    <>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t('dossiers.pickups.intro')} {t(`dossiers.pickups.order.${view}`)}
      </Typography>
      <ToggleButtonGroup exclusive size="small" value={view} onChange={(_e, next: View | null) => next && setView(next)} aria-label={t('dossiers.pickups.viewLabel')} sx={{ mb: 2 }}>
        <ToggleButton value="waiting" data-testid="pickup-view-waiting">
          {t('dossiers.pickups.views.waiting')}
        </ToggleButton>
        <ToggleButton value="done" data-testid="pickup-view-done">
          {t('dossiers.pickups.views.done')}
        </ToggleButton>
      </ToggleButtonGroup>
      {done && (
        <Alert severity="success" onClose={() => setDone('')} sx={{ mb: 2 }} data-testid="pickup-done">
          {done}
        </Alert>
      )}
      {page.connection && (
        <Typography variant="body2" sx={{ mb: 1 }} data-testid="pickup-count">
          {t('dossiers.pickups.count', { count: page.connection.totalCount })}
        </Typography>
      )}
      <ListGrid label={t('dossiers.pickups.title')} testId="pickup-queue" columns={shown} {...page.grid} />
      {dialog?.kind === 'schedule' && <ScheduleDialog pickup={dialog.pickup} onClose={close} onReload={reload} onDone={finished} />}
      {dialog?.kind === 'outcome' && <OutcomeDialog pickup={dialog.pickup} onClose={close} onReload={reload} onDone={finished} />}
    </>
  );
}
