import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import TextField from '@mui/material/TextField';
import {
  HandoverEffectiveFacilityDocument,
  HandoverEffectivePersonnelDocument,
  HandoverReverseFacilityDocument,
  HandoverReversePersonnelDocument,
  HandoverSignFacilityDocument,
  HandoverSignPersonnelDocument,
  type HandoverStatus,
} from '../../graphql/generated';
import { ConfirmBox } from '../../components/ConfirmBox';
import { DateField, dayProblem } from '../../components/DateField';
import { FormDialog } from '../../components/FormDialog';
import { NoteField } from '../../components/NoteField';
import { formatDate, todayIso } from '../../dates';
import { rowPaths, useFormState, type FieldErrors } from '../../hooks/useFormState';
import { RowsEditor, checkRows, type RowColumn } from './HandoverForm';
import { fieldHelp } from '../../components/FieldHelp';
import { LIMITS } from '../../limits';

export type HandoverKind = 'personnel' | 'facility';

/** What the status dialogs need of a handover. */
export interface HandoverRef {
  id: string;
  version: number;
  status: HandoverStatus;
  effectiveOn?: string | null;
  recordNumber?: string | null;
  recordSignedOn?: string | null;
}

interface StatusDialogProps {
  kind: HandoverKind;
  handover: HandoverRef;
  onClose: () => void;
  /** Reloads the site after a CONFLICT. */
  onReload: () => void;
}

const REFETCH = { refetchQueries: ['SitePilotSite'] };

type SignatoryKey = 'fullName' | 'position' | 'organisation';
type SignatoryRow = Record<SignatoryKey, string>;
const SIGNATORY_KEYS: readonly SignatoryKey[] = ['fullName', 'position', 'organisation'];

/**
 * Ký biên bản: DRAFT → SIGNED with the record's number, day and at least two signatories (the handing
 * and the receiving side). Errors land under each signatory's field (`signatories.1.position`).
 */
export function HandoverSignDialog({
  kind,
  handover,
  onClose,
  onReload,
  warning,
  defaultOrganisations = [],
}: StatusDialogProps & { warning?: string; defaultOrganisations?: readonly string[] }) {
  const { t } = useTranslation();
  const [recordNumber, setRecordNumber] = useState('');
  const [signedOn, setSignedOn] = useState(todayIso());
  const [signatories, setSignatories] = useState<SignatoryRow[]>(
    [0, 1].map((i) => ({ fullName: '', position: '', organisation: defaultOrganisations[i] ?? '' })),
  );
  const [signPersonnel] = useMutation(HandoverSignPersonnelDocument, REFETCH);
  const [signFacility] = useMutation(HandoverSignFacilityDocument, REFETCH);
  const form = useFormState(onClose);
  const columns: RowColumn<SignatoryKey>[] = [
    { key: 'fullName', label: t('handover.fields.fullName'), required: true, grow: 3 },
    { key: 'position', label: t('handover.fields.position'), required: true, grow: 2 },
    { key: 'organisation', label: t('handover.fields.organisation'), required: true, grow: 3 },
  ];

  const onSubmit = () => {
    const errors: FieldErrors = {
      ...(recordNumber.trim() ? {} : { recordNumber: t('form.required') }),
      ...(signatories.length < 2 ? { signatories: t('handover.sign.twoSignatories') } : {}),
      ...checkRows('signatories', signatories, SIGNATORY_KEYS, t('form.required')),
    };
    const day = dayProblem(signedOn, true, t, { noFuture: true });
    if (day) errors.signedOn = day;
    if (!form.check(errors)) return;
    const input = {
      id: handover.id,
      version: handover.version,
      recordNumber: recordNumber.trim(),
      signedOn,
      signatories: signatories.map((s) => ({ fullName: s.fullName.trim(), position: s.position.trim(), organisation: s.organisation.trim() })),
    };
    void form.run(() => (kind === 'personnel' ? signPersonnel({ variables: { input } }) : signFacility({ variables: { input } })));
  };

  return (
    <FormDialog
      title={t(`handover.sign.title.${kind}`)}
      submitLabel={t('handover.sign.submit')}
      busy={form.busy}
      problem={form.problem}
      fields={['recordNumber', 'signedOn', ...rowPaths('signatories', signatories.length, SIGNATORY_KEYS)]}
      onReload={onReload}
      onSubmit={onSubmit}
      onClose={onClose}
      maxWidth="md"
      testId="sign-form"
    >
      {warning && <Alert severity="warning">{warning}</Alert>}
      <TextField
        label={t('handover.fields.recordNumber')}
        value={recordNumber}
        onChange={(e) => setRecordNumber(e.target.value)}
        required
        autoFocus
        {...fieldHelp({ hint: t('handover.sign.recordNumberHint'), error: form.message('recordNumber'), max: LIMITS.number })}
        slotProps={{ htmlInput: { 'data-testid': 'sign-record-number', maxLength: 64 } }}
      />
      <DateField
        label={t('handover.fields.signedOn')}
        value={signedOn}
        onChange={setSignedOn}
        required
        disableFuture
        error={form.message('signedOn')}
        testId="sign-signed-on"
      />
      <RowsEditor
        path="signatories"
        title={t('handover.fields.signatories')}
        columns={columns}
        rows={signatories}
        onChange={setSignatories}
        message={form.message}
        addLabel={t('handover.sign.addSignatory')}
        removeLabel={t('handover.form.removeRow')}
        emptyText={t('handover.sign.twoSignatories')}
        min={2}
        testId="signatories"
      />
    </FormDialog>
  );
}

/** Có hiệu lực: SIGNED → EFFECTIVE on a day (not in the future, not before the signing). */
export function HandoverEffectiveDialog({ kind, handover, onClose, onReload }: StatusDialogProps) {
  const { t } = useTranslation();
  const today = todayIso();
  const [day, setDay] = useState(handover.effectiveOn && handover.effectiveOn <= today ? handover.effectiveOn : today);
  const [personnel] = useMutation(HandoverEffectivePersonnelDocument, REFETCH);
  const [facility] = useMutation(HandoverEffectiveFacilityDocument, REFETCH);
  const form = useFormState(onClose);
  const onSubmit = () => {
    if (!form.check({ effectiveOn: dayProblem(day, true, t, { noFuture: true, min: handover.recordSignedOn }) })) return;
    const input = { id: handover.id, version: handover.version, effectiveOn: day };
    void form.run(() => (kind === 'personnel' ? personnel({ variables: { input } }) : facility({ variables: { input } })));
  };
  return (
    <FormDialog
      title={t(`handover.effective.title.${kind}`)}
      submitLabel={t('handover.effective.submit')}
      busy={form.busy}
      problem={form.problem}
      fields={['effectiveOn']}
      onReload={onReload}
      onSubmit={onSubmit}
      onClose={onClose}
      fullScreenOnPhone
      testId="effective-form"
    >
      <Alert severity="info">{t(`handover.effective.hint.${kind}`, { record: handover.recordNumber ?? '—', date: formatDate(handover.recordSignedOn) })}</Alert>
      <DateField
        label={t('handover.fields.effectiveOn')}
        value={day}
        onChange={setDay}
        required
        disableFuture
        minDate={handover.recordSignedOn}
        error={form.message('effectiveOn')}
        testId="effective-on"
      />
    </FormDialog>
  );
}

/** Hủy bỏ: any but REVERSED → REVERSED, with a reason and a confirmation (it cannot be undone). */
export function HandoverReverseDialog({ kind, handover, onClose, onReload }: StatusDialogProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [personnel] = useMutation(HandoverReversePersonnelDocument, REFETCH);
  const [facility] = useMutation(HandoverReverseFacilityDocument, REFETCH);
  const form = useFormState(onClose);
  const onSubmit = () => {
    const errors: FieldErrors = {
      ...(reason.trim() ? {} : { reason: t('form.required') }),
      ...(confirmed ? {} : { confirm: t('handover.form.confirmRequired') }),
    };
    if (!form.check(errors)) return;
    const input = { id: handover.id, version: handover.version, reason: reason.trim() };
    void form.run(() => (kind === 'personnel' ? personnel({ variables: { input } }) : facility({ variables: { input } })));
  };
  return (
    <FormDialog
      title={t(`handover.reverse.title.${kind}`)}
      submitLabel={t('handover.reverse.submit')}
      tone="error"
      busy={form.busy}
      problem={form.problem}
      fields={['reason']}
      onReload={onReload}
      onSubmit={onSubmit}
      onClose={onClose}
      fullScreenOnPhone
      testId="reverse-form"
    >
      <Alert severity="warning">{t(handover.status === 'EFFECTIVE' ? 'handover.reverse.warningEffective' : 'handover.reverse.warning')}</Alert>
      <NoteField
        label={t('handover.fields.reason')}
        value={reason}
        onChange={setReason}
        required
        autoFocus
        error={form.message('reason')}
        max={LIMITS.reverseReason}
        testId="reverse-reason"
      />
      <ConfirmBox
        checked={confirmed}
        onChange={setConfirmed}
        label={t('handover.reverse.confirm', {
          record: handover.recordNumber ? t('handover.reverse.recordNo', { number: handover.recordNumber }) : t('handover.draftRecord'),
        })}
        error={form.message('confirm')}
        testId="reverse-confirm"
      />
    </FormDialog>
  );
}
