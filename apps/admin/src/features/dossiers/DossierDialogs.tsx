import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@apollo/client/react';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import {
  DossierApologiseDocument,
  DossierPostalEventDocument,
  DossierRateDocument,
  DossierStepDocument,
  type DossierAction,
  type PostalEventKind,
  type SatisfactionRating,
} from '../../graphql/generated';
import { DateField, INVALID_DAY } from '../../components/DateField';
import { fieldHelp } from '../../components/FieldHelp';
import { FormDialog } from '../../components/FormDialog';
import { NoteField } from '../../components/NoteField';
import { useFormState } from '../../hooks/useFormState';
import { formatDate } from '../../dates';
import { LIMITS } from '../../limits';
import { NOTE_REQUIRED, POSTAL_EVENT_KINDS, RATINGS } from './labels';

interface DossierRef {
  id: string;
  version: number;
}

interface DialogProps {
  dossier: DossierRef;
  onClose: () => void;
  /** Reloads the dossier (after a CONFLICT). */
  onReload: () => void;
  onDone?: (message: string) => void;
}

/** A step that needs a reason (refuse, stop, supplement request with its documents one a line), or a note. */
export function StepDialog({ dossier, action, onClose, onReload, onDone }: DialogProps & { action: DossierAction }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [items, setItems] = useState('');
  const form = useFormState(() => {
    onDone?.(t(`dossiers.actionDone.${action}`));
    onClose();
  });
  const [step] = useMutation(DossierStepDocument);
  const required = NOTE_REQUIRED.includes(action);
  const submit = () => {
    if (!form.check({ note: required && !note.trim() && t('dossiers.dialog.reasonRequired') })) return;
    const list = items
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
    void form.run(() => step({ variables: { input: { id: dossier.id, version: dossier.version, action, note: note.trim() || null, items: action === 'REQUEST_SUPPLEMENT' ? list : null } } }));
  };
  return (
    <FormDialog
      title={t(`dossiers.action.${action}`)}
      submitLabel={t(`dossiers.action.${action}`)}
      tone={action === 'REFUSE' || action === 'STOP' ? 'error' : 'primary'}
      busy={form.busy}
      problem={form.problem}
      fields={['note', 'items']}
      onSubmit={submit}
      onClose={onClose}
      onReload={onReload}
      conflictMessage={t('dossiers.page.conflict')}
      testId="dossier-step-dialog"
    >
      <NoteField
        label={required ? t('dossiers.dialog.reason') : t('dossiers.dialog.note')}
        value={note}
        onChange={setNote}
        required={required}
        autoFocus
        error={form.message('note')}
        testId="dossier-step-note"
      />
      {action === 'REQUEST_SUPPLEMENT' && (
        <TextField
          label={t('dossiers.dialog.items')}
          value={items}
          onChange={(e) => setItems(e.target.value)}
          multiline
          minRows={3}
          {...fieldHelp({ hint: t('dossiers.dialog.itemsHint'), error: form.message('items') })}
          slotProps={{ htmlInput: { 'data-testid': 'dossier-step-items' } }}
        />
      )}
    </FormDialog>
  );
}

/** Form 04: the apology with a new day, after the legal due day. */
export function ApologyDialog({ dossier, dueDate, onClose, onReload, onDone }: DialogProps & { dueDate: string }) {
  const { t } = useTranslation();
  const [newDate, setNewDate] = useState('');
  const [reason, setReason] = useState('');
  const form = useFormState(() => {
    onDone?.(t('dossiers.page.apologise'));
    onClose();
  });
  const [apologise] = useMutation(DossierApologiseDocument);
  const submit = () => {
    if (
      !form.check({
        newDate: (!newDate || newDate === INVALID_DAY) && t('dossiers.dialog.newDateRequired'),
        reason: !reason.trim() && t('dossiers.dialog.reasonRequired'),
      })
    )
      return;
    void form.run(() => apologise({ variables: { input: { id: dossier.id, version: dossier.version, newDate, reason: reason.trim() } } }));
  };
  return (
    <FormDialog
      title={t('dossiers.page.apologise')}
      submitLabel={t('dossiers.dialog.confirm')}
      busy={form.busy}
      problem={form.problem}
      fields={['newDate', 'reason']}
      onSubmit={submit}
      onClose={onClose}
      onReload={onReload}
      conflictMessage={t('dossiers.page.conflict')}
      testId="dossier-apology-dialog"
    >
      <DateField
        label={t('dossiers.dialog.newDate')}
        value={newDate}
        onChange={setNewDate}
        required
        minDate={dueDate}
        helperText={t('dossiers.page.dueOn', { date: formatDate(dueDate) })}
        error={form.message('newDate')}
        testId="dossier-apology-date"
      />
      <NoteField label={t('dossiers.dialog.apologyReason')} value={reason} onChange={setReason} required error={form.message('reason')} testId="dossier-apology-reason" />
    </FormDialog>
  );
}

/** An event of the postal leg: what, where, the postal item number (UPU S10). */
export function PostalEventDialog({ dossier, onClose, onReload, onDone }: DialogProps) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<PostalEventKind>('HANDED_TO_AGENCY');
  const [place, setPlace] = useState('');
  const [postalItem, setPostalItem] = useState('');
  const [note, setNote] = useState('');
  const form = useFormState(() => {
    onDone?.(t(`dossiers.postalKind.${kind}`));
    onClose();
  });
  const [record] = useMutation(DossierPostalEventDocument);
  const submit = () =>
    void form.run(() =>
      record({ variables: { input: { id: dossier.id, kind, place: place.trim() || null, postalItem: postalItem.trim().toUpperCase() || null, note: note.trim() || null } } }),
    );
  return (
    <FormDialog
      title={t('dossiers.page.postal')}
      submitLabel={t('form.save')}
      busy={form.busy}
      problem={form.problem}
      fields={['kind', 'place', 'postalItem', 'note']}
      onSubmit={submit}
      onClose={onClose}
      onReload={onReload}
      conflictMessage={t('dossiers.page.conflict')}
      testId="dossier-postal-dialog"
    >
      <TextField
        select
        label={t('dossiers.dialog.postalKind')}
        value={kind}
        onChange={(e) => setKind(e.target.value as PostalEventKind)}
        {...fieldHelp({ error: form.message('kind') })}
        slotProps={{ htmlInput: { 'data-testid': 'dossier-postal-kind' } }}
      >
        {POSTAL_EVENT_KINDS.map((k) => (
          <MenuItem key={k} value={k}>
            {t(`dossiers.postalKind.${k}`)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        label={t('dossiers.dialog.place')}
        value={place}
        onChange={(e) => setPlace(e.target.value)}
        {...fieldHelp({ error: form.message('place') })}
        slotProps={{ htmlInput: { 'data-testid': 'dossier-postal-place', maxLength: LIMITS.address } }}
      />
      <TextField
        label={t('dossiers.dialog.postalItem')}
        value={postalItem}
        onChange={(e) => setPostalItem(e.target.value)}
        {...fieldHelp({ hint: t('dossiers.dialog.postalItemHint'), error: form.message('postalItem') })}
        slotProps={{ htmlInput: { 'data-testid': 'dossier-postal-item', maxLength: 20, spellCheck: false } }}
      />
      <NoteField label={t('dossiers.dialog.note')} value={note} onChange={setNote} error={form.message('note')} testId="dossier-postal-note" />
    </FormDialog>
  );
}

/** The applicant's satisfaction, asked at the counter once the result is returned. */
export function RateDialog({ dossier, onClose, onReload, onDone }: DialogProps) {
  const { t } = useTranslation();
  const [rating, setRating] = useState<SatisfactionRating>('SATISFIED');
  const [comment, setComment] = useState('');
  const form = useFormState(() => {
    onDone?.(t('dossiers.page.rated', { rating: t(`dossiers.rating.${rating}`) }));
    onClose();
  });
  const [rate] = useMutation(DossierRateDocument);
  const submit = () => void form.run(() => rate({ variables: { input: { id: dossier.id, rating, comment: comment.trim() || null } } }));
  return (
    <FormDialog
      title={t('dossiers.page.rate')}
      submitLabel={t('form.save')}
      busy={form.busy}
      problem={form.problem}
      fields={['rating', 'comment']}
      onSubmit={submit}
      onClose={onClose}
      onReload={onReload}
      conflictMessage={t('dossiers.page.conflict')}
      testId="dossier-rate-dialog"
    >
      <TextField
        select
        label={t('dossiers.dialog.rating')}
        value={rating}
        onChange={(e) => setRating(e.target.value as SatisfactionRating)}
        slotProps={{ htmlInput: { 'data-testid': 'dossier-rate-rating' } }}
      >
        {RATINGS.map((r) => (
          <MenuItem key={r} value={r}>
            {t(`dossiers.rating.${r}`)}
          </MenuItem>
        ))}
      </TextField>
      <NoteField label={t('dossiers.dialog.comment')} value={comment} onChange={setComment} error={form.message('comment')} testId="dossier-rate-comment" />
    </FormDialog>
  );
}
