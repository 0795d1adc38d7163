import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import {
  CancelRosterShiftDocument,
  CopyRosterWeekDocument,
  CreateRosterShiftDocument,
  MoveRosterShiftDocument,
  PublishRosterWeekDocument,
  SwapRosterShiftsDocument,
  type CopyRosterWeekMutation,
  type RosterCounterFragment,
  type RosterPersonFragment,
  type RosterShiftFragment,
} from '../../graphql/generated';
import { ConfirmBox } from '../../components/ConfirmBox';
import { FormDialog } from '../../components/FormDialog';
import { fieldHelp } from '../../components/FieldHelp';
import { chooseSlotProps } from '../../components/choose';
import { NoteField } from '../../components/NoteField';
import { ProblemAlert } from '../../components/ProblemAlert';
import { errorExtension, hasErrorCode } from '../../graphql/errors';
import { formatDate, formatDateTime, addDays } from '../../dates';
import { useFormState } from '../../hooks/useFormState';
import { LIMITS } from '../../limits';
import { useRosterLabels } from './labels';
import { clientConflicts } from './rules';
import { fromMinutes, toMinutes } from './week';

/** After a write, the board is read again (coverage and hours change with it). */
export const REFETCH = { refetchQueries: ['RosterBoard'], awaitRefetchQueries: true };

/** A refusal that names no rule: someone changed the shift meanwhile (its version) — reload. */
export const isStale = (error: unknown) => hasErrorCode(error, 'CONFLICT') && !errorExtension<string>(error, 'rule');

/** Times every 15 minutes within a slot (and the shift's own times, should they fall between). */
function timeOptions(opensAt: string, closesAt: string, keep: readonly string[] = []): string[] {
  const set = new Set(keep);
  for (let m = toMinutes(opensAt); m <= toMinutes(closesAt); m += 15) set.add(fromMinutes(m));
  return [...set].sort();
}

function TimeSelect({
  label,
  value,
  onChange,
  options,
  error,
  hint,
  testId,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  options: string[];
  error?: string;
  hint?: string;
  testId: string;
}) {
  return (
    <TextField
      select
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      {...fieldHelp({ hint, error })}
      slotProps={{ htmlInput: { 'data-testid': testId } }}
      sx={{ minWidth: 120, flex: 1 }}
    >
      {options.map((time) => (
        <MenuItem key={time} value={time}>
          {time}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** The rules the board sees broken, as a list under a warning. */
function ConflictList({ messages, testId }: { messages: string[]; testId: string }) {
  if (messages.length === 0) return null;
  return (
    <Alert severity="warning" data-testid={testId}>
      <ul style={{ margin: 0, paddingLeft: 18 }}>
        {messages.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
    </Alert>
  );
}

/** Before saving a drop the board knows would be refused: the reasons, and a way to send it anyway. */
export function CheckDialog({ what, messages, onSend, onClose }: { what: string; messages: string[]; onSend: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="roster-check-title" data-testid="roster-check">
      <DialogTitle id="roster-check-title">{t('roster.check.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={1.5}>
          <Typography variant="body2">{t('roster.check.intro', { what })}</Typography>
          <Alert severity="error" data-testid="roster-check-reasons">
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {messages.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </Alert>
          <Typography variant="caption" color="text.secondary">
            {t('roster.check.outro')}
          </Typography>
        </Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onSend} data-testid="roster-check-send">
          {t('roster.check.sendAnyway')}
        </Button>
        <Button variant="contained" onClick={onClose} autoFocus data-testid="roster-check-close">
          {t('roster.check.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

interface SlotBounds {
  opensAt: string;
  closesAt: string;
}

/** Thêm ca trực from a cell's "+": who (each person with what they would break), and the times within the slot. */
export function AddShiftDialog({
  counter,
  day,
  slot,
  people,
  board,
  onClose,
  onCreated,
  onStale,
}: {
  counter: RosterCounterFragment;
  day: string;
  slot: SlotBounds;
  people: readonly RosterPersonFragment[];
  board: readonly RosterShiftFragment[];
  onClose: () => void;
  onCreated: (name: string) => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const { dayLabel, conflictText } = useRosterLabels();
  const [staffId, setStaffId] = useState('');
  const [startsAt, setStartsAt] = useState(slot.opensAt);
  const [endsAt, setEndsAt] = useState(slot.closesAt);
  const [create] = useMutation(CreateRosterShiftDocument, REFETCH);
  const person = people.find((p) => p.id === staffId);
  const form = useFormState(() => {
    onCreated(person?.fullName ?? '');
    onClose();
  });
  const conflictsOf = (p: RosterPersonFragment) =>
    clientConflicts({ staffId: p.id, counterId: counter.id, day, startsAt: toMinutes(startsAt), endsAt: toMinutes(endsAt) }, { person: p, counter, board });
  const messages = person ? conflictsOf(person).map(conflictText) : [];
  const options = timeOptions(slot.opensAt, slot.closesAt);
  const onSubmit = () => {
    if (!form.check({ staffId: !staffId && t('roster.shift.chooseRequired'), endsAt: endsAt <= startsAt && t('roster.shift.endBeforeStart') })) return;
    void form.run(async () => {
      try {
        await create({ variables: { input: { staffId, counterId: counter.id, day, startsAt, endsAt } } });
      } catch (error) {
        if (isStale(error)) onStale();
        throw error;
      }
    });
  };
  return (
    <FormDialog
      title={t('roster.shift.createTitle')}
      submitLabel={t('roster.shift.create')}
      busy={form.busy}
      problem={form.problem}
      fields={['staffId', 'startsAt', 'endsAt']}
      onSubmit={onSubmit}
      onClose={onClose}
      testId="roster-add-form"
    >
      <Typography variant="body2">{t('roster.shift.where', { number: counter.number, day: dayLabel(day) })}</Typography>
      <TextField
        select
        label={t('roster.shift.person')}
        value={staffId}
        onChange={(e) => setStaffId(e.target.value)}
        required
        {...fieldHelp({ hint: t('roster.shift.personHint'), error: form.message('staffId') })}
        slotProps={{
          ...chooseSlotProps<string>(t, (id) => people.find((p) => p.id === id)?.fullName ?? ''),
          htmlInput: { 'data-testid': 'roster-add-person' },
        }}
      >
        {people.map((p) => {
          const broken = conflictsOf(p);
          return (
            <MenuItem key={p.id} value={p.id} data-testid="roster-add-option">
              <ListItemText
                primary={p.fullName}
                secondary={broken.length ? conflictText(broken[0]) : undefined}
                slotProps={{ secondary: { sx: { color: 'error.dark', whiteSpace: 'normal' } } }}
              />
            </MenuItem>
          );
        })}
      </TextField>
      <Stack direction="row" spacing={2}>
        <TimeSelect label={t('roster.shift.startsAt')} value={startsAt} onChange={setStartsAt} options={options.slice(0, -1)} testId="roster-add-start" />
        <TimeSelect
          label={t('roster.shift.endsAt')}
          value={endsAt}
          onChange={setEndsAt}
          options={options.slice(1)}
          error={form.message('endsAt')}
          hint={t('roster.shift.timesHint', { from: slot.opensAt, to: slot.closesAt })}
          testId="roster-add-end"
        />
      </Stack>
      <ConflictList messages={messages} testId="roster-add-conflicts" />
    </FormDialog>
  );
}

/** One shift: change its times (within its slot), or go on to cancel it or pick it for a swap. */
export function ShiftDialog({
  shift,
  slot,
  person,
  counter,
  board,
  onClose,
  onSaved,
  onCancelShift,
  onSelectForSwap,
  onStale,
}: {
  shift: RosterShiftFragment;
  slot: SlotBounds;
  person: RosterPersonFragment | undefined;
  counter: RosterCounterFragment | undefined;
  board: readonly RosterShiftFragment[];
  onClose: () => void;
  onSaved: (name: string) => void;
  onCancelShift: () => void;
  onSelectForSwap: () => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const { dayLabel, conflictText } = useRosterLabels();
  const [startsAt, setStartsAt] = useState(shift.startsAt);
  const [endsAt, setEndsAt] = useState(shift.endsAt);
  const [reason, setReason] = useState('');
  const [move] = useMutation(MoveRosterShiftDocument, REFETCH);
  const name = shift.staff?.fullName ?? '';
  const form = useFormState(() => {
    onSaved(name);
    onClose();
  });
  const published = shift.status === 'PUBLISHED';
  const options = timeOptions(slot.opensAt, slot.closesAt, [shift.startsAt, shift.endsAt]);
  const messages =
    person && counter
      ? clientConflicts(
          { staffId: person.id, counterId: counter.id, day: shift.day, startsAt: toMinutes(startsAt), endsAt: toMinutes(endsAt) },
          { person, counter, board, ignore: shift.id },
        ).map(conflictText)
      : [];
  const onSubmit = () => {
    if (!form.check({ endsAt: endsAt <= startsAt && t('roster.shift.endBeforeStart') })) return;
    void form.run(async () => {
      try {
        await move({ variables: { input: { id: shift.id, version: shift.version, startsAt, endsAt, reason: reason.trim() || null } } });
      } catch (error) {
        if (isStale(error)) onStale();
        throw error;
      }
    });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!form.busy) onSubmit();
  };
  // Not a FormDialog: its "Hủy" (close) would read like "Hủy ca" (cancel the shift) beside it.
  return (
    <Dialog
      open
      onClose={form.busy ? undefined : onClose}
      fullWidth
      maxWidth="sm"
      aria-labelledby="roster-shift-form-title"
      slotProps={{ paper: { component: 'form', noValidate: true, onSubmit: submit, 'data-testid': 'roster-shift-form' } as object }}
    >
      {form.busy && <LinearProgress aria-label={t('form.saving')} />}
      <DialogTitle id="roster-shift-form-title">{t('roster.shift.editTitle', { name })}</DialogTitle>
      <DialogContent>
        <Stack spacing={2.5} sx={{ pt: 1 }}>
          <ProblemAlert problem={form.problem} shownFields={['startsAt', 'endsAt', 'reason']} />
          <Box>
            <Typography variant="body2">{t('roster.shift.where', { number: shift.counter?.number ?? '', day: dayLabel(shift.day) })}</Typography>
            <Typography variant="body2" color={published ? 'primary.dark' : 'text.secondary'}>
              {t('roster.shift.status', { status: t(`roster.status.${shift.status}`) })}
            </Typography>
          </Box>
          <Stack direction="row" spacing={2}>
            <TimeSelect label={t('roster.shift.startsAt')} value={startsAt} onChange={setStartsAt} options={options.slice(0, -1)} testId="roster-shift-start" />
            <TimeSelect
              label={t('roster.shift.endsAt')}
              value={endsAt}
              onChange={setEndsAt}
              options={options.slice(1)}
              error={form.message('endsAt')}
              hint={t('roster.shift.timesHint', { from: slot.opensAt, to: slot.closesAt })}
              testId="roster-shift-end"
            />
          </Stack>
          {published && (
            <NoteField
              label={t('roster.shift.reason')}
              value={reason}
              onChange={setReason}
              helperText={t('roster.shift.reasonHint')}
              error={form.message('reason')}
              max={LIMITS.note}
              testId="roster-shift-reason"
            />
          )}
          <ConflictList messages={messages} testId="roster-shift-conflicts" />
          {shift.revisions.length > 0 && (
            <Box data-testid="roster-shift-history">
              <Typography variant="subtitle2">{t('roster.shift.history')}</Typography>
              <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
                {shift.revisions.map((r) => (
                  <li key={r.id}>
                    <Typography variant="body2">
                      {t('roster.shift.revision', {
                        at: formatDateTime(r.changedAt),
                        change: t(`roster.shift.changes.${r.change as 'MOVED'}`, { defaultValue: r.change }),
                        by: r.changedBy,
                        before: `${dayLabel(r.day)} ${r.startsAt}–${r.endsAt}`,
                      })}
                      {r.reason ? ` ${t('roster.shift.revisionReason', { reason: r.reason })}` : ''}
                    </Typography>
                  </li>
                ))}
              </ul>
            </Box>
          )}
        </Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2, flexWrap: 'wrap', gap: 1 }}>
        <Button variant="outlined" color="error" onClick={onCancelShift} disabled={form.busy} data-testid="roster-shift-cancel">
          {t('roster.shift.cancel')}
        </Button>
        <Button variant="outlined" onClick={onSelectForSwap} disabled={form.busy} data-testid="roster-shift-swap">
          {t('roster.shift.selectForSwap')}
        </Button>
        <Box sx={{ flexGrow: 1 }} />
        <Button onClick={onClose} disabled={form.busy}>
          {t('roster.shift.close')}
        </Button>
        <Button type="submit" variant="contained" disabled={form.busy} data-testid="roster-shift-form-submit">
          {t('roster.shift.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** Hủy ca: the reason is required and kept with the shift. */
export function CancelShiftDialog({
  shift,
  onClose,
  onCancelled,
  onStale,
}: {
  shift: RosterShiftFragment;
  onClose: () => void;
  onCancelled: (name: string) => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const { dayLabel } = useRosterLabels();
  const [reason, setReason] = useState('');
  const [cancel] = useMutation(CancelRosterShiftDocument, REFETCH);
  const name = shift.staff?.fullName ?? '';
  const form = useFormState(() => {
    onCancelled(name);
    onClose();
  });
  const onSubmit = () => {
    if (!form.check({ reason: !reason.trim() && t('roster.cancel.reasonRequired') })) return;
    void form.run(async () => {
      try {
        await cancel({ variables: { input: { id: shift.id, version: shift.version, reason: reason.trim() } } });
      } catch (error) {
        if (isStale(error)) onStale();
        throw error;
      }
    });
  };
  return (
    <FormDialog
      title={t('roster.cancel.title', { name })}
      submitLabel={t('roster.cancel.submit')}
      tone="error"
      busy={form.busy}
      problem={form.problem}
      fields={['reason']}
      onSubmit={onSubmit}
      onClose={onClose}
      testId="roster-cancel-form"
    >
      <Typography variant="body2">
        {t('roster.cancel.summary', {
          number: shift.counter?.number ?? '',
          day: dayLabel(shift.day),
          from: shift.startsAt,
          to: shift.endsAt,
          status: t(`roster.status.${shift.status}`),
        })}
      </Typography>
      <NoteField
        label={t('roster.cancel.reason')}
        value={reason}
        onChange={setReason}
        required
        autoFocus
        helperText={t('roster.cancel.reasonHint')}
        error={form.message('reason')}
        testId="roster-cancel-reason"
      />
    </FormDialog>
  );
}

/** Đổi ca: two people exchange their shifts in one step; an optional reason goes to the history. */
export function SwapDialog({
  first,
  second,
  onClose,
  onSwapped,
}: {
  first: RosterShiftFragment;
  second: RosterShiftFragment;
  onClose: () => void;
  onSwapped: (first: string, second: string) => void;
}) {
  const { t } = useTranslation();
  const { shiftPlace } = useRosterLabels();
  const [reason, setReason] = useState('');
  const [swap] = useMutation(SwapRosterShiftsDocument, REFETCH);
  const [a, b] = [first.staff?.fullName ?? '', second.staff?.fullName ?? ''];
  const form = useFormState(() => {
    onSwapped(a, b);
    onClose();
  });
  const onSubmit = () => void form.run(() => swap({ variables: { input: { firstId: first.id, secondId: second.id, reason: reason.trim() || null } } }));
  return (
    <FormDialog
      title={t('roster.swap.title')}
      submitLabel={t('roster.swap.submit')}
      busy={form.busy}
      problem={form.problem}
      fields={['reason']}
      onSubmit={onSubmit}
      onClose={onClose}
      testId="roster-swap-form"
    >
      <Alert severity="info" icon={false} data-testid="roster-swap-summary">
        {t('roster.swap.summary', { first: a, second: b, firstShift: shiftPlace(first), secondShift: shiftPlace(second) })}
      </Alert>
      <NoteField
        label={t('roster.swap.reason')}
        value={reason}
        onChange={setReason}
        helperText={t('roster.swap.reasonHint')}
        error={form.message('reason')}
        testId="roster-swap-reason"
      />
    </FormDialog>
  );
}

/** Công bố tuần: all or nothing; the API's refusal (the rule a shift breaks) shows in the dialog. */
export function PublishDialog({
  deskId,
  deskName,
  monday,
  planned,
  onClose,
  onPublished,
}: {
  deskId: string;
  deskName: string;
  monday: string;
  planned: number;
  onClose: () => void;
  onPublished: (count: number) => void;
}) {
  const { t } = useTranslation();
  const [confirmed, setConfirmed] = useState(false);
  const [publish] = useMutation(PublishRosterWeekDocument, REFETCH);
  const form = useFormState(onClose);
  const onSubmit = () => {
    if (!form.check({ confirm: !confirmed && t('roster.publish.confirmRequired') })) return;
    void form.run(async () => {
      const { data } = await publish({ variables: { input: { deskId, week: monday } } });
      onPublished(data?.publishWeek.shifts.length ?? 0);
    });
  };
  return (
    <FormDialog
      title={t('roster.publish.title')}
      submitLabel={t('roster.publish.submit')}
      busy={form.busy}
      problem={form.problem}
      fields={['confirm']}
      onSubmit={onSubmit}
      onClose={onClose}
      testId="roster-publish-form"
    >
      <Typography variant="body2" data-testid="roster-publish-summary">
        {t('roster.publish.summary', { count: planned, desk: deskName, from: formatDate(monday), to: formatDate(addDays(monday, 6)) })}
      </Typography>
      <Alert severity="info">{t('roster.publish.allOrNothing')}</Alert>
      <Typography variant="body2" color="text.secondary">
        {t('roster.publish.after')}
      </Typography>
      <ConfirmBox
        checked={confirmed}
        onChange={setConfirmed}
        label={t('roster.publish.confirm')}
        error={form.message('confirm')}
        testId="roster-publish-confirm"
      />
    </FormDialog>
  );
}

type Skipped = CopyRosterWeekMutation['copyWeek']['skipped'];

/** Sao chép tuần trước: then what was copied, and each shift skipped with the rule it would break. */
export function CopyWeekDialog({ deskId, deskName, monday, onClose }: { deskId: string; deskName: string; monday: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { dayLabel } = useRosterLabels();
  const [copy] = useMutation(CopyRosterWeekDocument, REFETCH);
  const [result, setResult] = useState<{ copied: number; skipped: Skipped } | null>(null);
  const form = useFormState();
  const previous = addDays(monday, -7);
  const onSubmit = () =>
    void form.run(async () => {
      const { data } = await copy({ variables: { input: { deskId, fromWeek: previous, toWeek: monday } } });
      if (data) setResult({ copied: data.copyWeek.shifts.length, skipped: data.copyWeek.skipped });
    });
  if (result) {
    return (
      <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="roster-copy-result-title" data-testid="roster-copy-result">
        <DialogTitle id="roster-copy-result-title">{t('roster.copy.title')}</DialogTitle>
        <DialogContent>
          <Stack spacing={1.5}>
            <Alert severity={result.copied ? 'success' : 'info'} data-testid="roster-copy-done">
              {result.copied || result.skipped.length ? t('roster.copy.done', { count: result.copied }) : t('roster.copy.nothing')}
            </Alert>
            {result.skipped.length > 0 ? (
              <Box data-testid="roster-copy-skipped">
                <Typography variant="subtitle2">{t('roster.copy.skippedTitle', { count: result.skipped.length })}</Typography>
                <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
                  {result.skipped.map((s) => (
                    <li key={s.shift.id}>
                      <Typography variant="body2" sx={{ fontWeight: 500 }}>
                        {t('roster.copy.skippedShift', {
                          name: s.shift.staff?.fullName ?? '',
                          number: s.shift.counter?.number ?? '',
                          day: dayLabel(addDays(s.shift.day, 7)),
                          from: s.shift.startsAt,
                          to: s.shift.endsAt,
                        })}
                      </Typography>
                      <Typography variant="body2" color="error.dark">
                        {s.message}
                      </Typography>
                    </li>
                  ))}
                </ul>
              </Box>
            ) : (
              result.copied > 0 && <Typography variant="body2">{t('roster.copy.skippedNone')}</Typography>
            )}
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button variant="contained" onClick={onClose} data-testid="roster-copy-close">
            {t('roster.copy.close')}
          </Button>
        </DialogActions>
      </Dialog>
    );
  }
  return (
    <FormDialog
      title={t('roster.copy.title')}
      submitLabel={t('roster.copy.submit')}
      busy={form.busy}
      problem={form.problem}
      fields={[]}
      onSubmit={onSubmit}
      onClose={onClose}
      testId="roster-copy-form"
    >
      <Typography variant="body2">{t('roster.copy.summary', { desk: deskName, from: formatDate(previous), to: formatDate(addDays(previous, 6)) })}</Typography>
      <Alert severity="info">{t('roster.copy.skipHint')}</Alert>
    </FormDialog>
  );
}
