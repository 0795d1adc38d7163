import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import TextField from '@mui/material/TextField';
import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import { FormDialog } from '../../components/FormDialog';
import { DATE_FORMAT, fromIsoDate, isIsoDate, toIsoDate, todayIso } from '../../dates';
import { useFormState } from '../../hooks/useFormState';
import { UnitPicker, type UnitOption } from './pickers';
import { fieldHelp } from '../../components/FieldHelp';
import { LIMITS } from '../../limits';

/**
 * A record form ({@link useFormState}) whose own check is the required fields left empty.
 * `dialog` is what {@link FormDialog} needs of it.
 * Without `onDone`, success leaves the dialog open: a create dialog's page opens the new record, which closes it.
 */
export function useRecordForm<F extends string>(fields: readonly F[], onDone?: () => void) {
  const { t } = useTranslation();
  const { busy, problem, run, check, message } = useFormState(onDone);
  /** Marks each of these required fields whose value is empty; true when none is. */
  const requireFilled = (values: Partial<Record<F, unknown>>) =>
    check(Object.fromEntries(Object.entries(values).map(([field, value]) => [field, value ? undefined : t('form.required')])));
  return { run, requireFilled, message: (field: F) => message(field), dialog: { busy, problem, fields } };
}

/** What a create dialog takes from its list page. */
export interface CreateDialogProps {
  onClose: () => void;
  /** Opens the new record. */
  onCreated: (id: string) => void;
}

interface CodeNameFieldsProps {
  code: string;
  setCode: (code: string) => void;
  name: string;
  setName: (name: string) => void;
  message: (field: 'code' | 'name') => string | undefined;
  codeHint: string;
  /** `<testIdPrefix>-code` and `<testIdPrefix>-name`. */
  testIdPrefix: string;
}

/** The code and name of a new record, both required. */
export function CodeNameFields({ code, setCode, name, setName, message, codeHint, testIdPrefix }: CodeNameFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={t('organisation.fields.code')}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        required
        {...fieldHelp({ hint: codeHint, error: message('code') })}
        slotProps={{ htmlInput: { 'data-testid': `${testIdPrefix}-code`, spellCheck: false } }}
      />
      <TextField
        label={t('organisation.fields.name')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        required
        {...fieldHelp({ error: message('name'), max: LIMITS.name })}
        slotProps={{ htmlInput: { 'data-testid': `${testIdPrefix}-name` } }}
      />
    </>
  );
}

interface RecordDialogProps<V> {
  open: boolean;
  onClose: () => void;
  /** Sends the mutation; rejects with the Apollo error. */
  submit: (value: V) => Promise<unknown>;
}

/** Đổi tên: the `name` of the rename inputs. */
export function RenameDialog({ open, onClose, submit, currentName }: RecordDialogProps<string> & { currentName: string }) {
  const { t } = useTranslation();
  const [name, setName] = useState(currentName);
  const form = useRecordForm(['name'], onClose);
  const onSubmit = () => {
    if (form.requireFilled({ name: name.trim() })) void form.run(() => submit(name.trim()));
  };
  return (
    <FormDialog
      open={open}
      title={t('organisation.actions.rename')}
      submitLabel={t('form.save')}
      {...form.dialog}
      onSubmit={onSubmit}
      onClose={onClose}
      testId="rename-dialog"
    >
      <TextField
        label={t('organisation.fields.newName')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        required
        autoFocus
        {...fieldHelp({ error: form.message('name'), max: LIMITS.name })}
        slotProps={{ htmlInput: { 'data-testid': 'rename-name' } }}
      />
    </FormDialog>
  );
}

/**
 * Mã định danh điện tử (Circular 10/2016/TT-BTTTT) of an agency or a desk: the prefix of the dossier
 * codes it gives. Empty removes it (a desk then numbers from its agency's). The API checks the format
 * and that no other receiving unit has it.
 */
export function IdentifierCodeDialog({ open, onClose, submit, current, hint }: RecordDialogProps<string | null> & { current: string | null; hint: string }) {
  const { t } = useTranslation();
  const [code, setCode] = useState(current ?? '');
  const form = useRecordForm(['identifierCode'], onClose);
  const onSubmit = () => void form.run(() => submit(code.trim().toUpperCase() || null));
  return (
    <FormDialog open={open} title={t('organisation.identifierCode.title')} submitLabel={t('form.save')} {...form.dialog} onSubmit={onSubmit} onClose={onClose} testId="identifier-code-dialog">
      <TextField
        label={t('organisation.fields.identifierCode')}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        autoFocus
        placeholder="000.00.00.H27"
        {...fieldHelp({ hint, error: form.message('identifierCode') })}
        slotProps={{ htmlInput: { 'data-testid': 'identifier-code-input', maxLength: 24, spellCheck: false } }}
      />
    </FormDialog>
  );
}

/** Chuyển đơn vị: the `administrativeUnitCode` of the move inputs. */
export function MoveDialog({ open, onClose, submit, currentUnit }: RecordDialogProps<string> & { currentUnit: string }) {
  const { t } = useTranslation();
  const [unit, setUnit] = useState<UnitOption | null>(null);
  const form = useRecordForm(['administrativeUnitCode'], onClose);
  const onSubmit = () => {
    if (form.requireFilled({ administrativeUnitCode: unit }) && unit) void form.run(() => submit(unit.code));
  };
  return (
    <FormDialog
      open={open}
      title={t('organisation.actions.move')}
      submitLabel={t('organisation.actions.moveSubmit')}
      {...form.dialog}
      onSubmit={onSubmit}
      onClose={onClose}
      testId="move-dialog"
    >
      <Alert severity="info">{t('organisation.moveHint', { unit: currentUnit })}</Alert>
      <UnitPicker
        label={t('organisation.fields.newUnit')}
        value={unit}
        onChange={setUnit}
        required
        error={form.message('administrativeUnitCode')}
        helperText={t('organisation.unitPickerHint')}
        testId="move-unit"
      />
    </FormDialog>
  );
}

/** Ngừng hoạt động: the `retiredOn` of the retire inputs (default today). */
export function RetireDialog({ open, onClose, submit, name }: RecordDialogProps<string> & { name: string }) {
  const { t } = useTranslation();
  const [day, setDay] = useState<string>(todayIso());
  const { busy, problem, run, check, message: messageOf } = useFormState(onClose);
  const onSubmit = () => {
    if (check({ retiredOn: isIsoDate(day) ? undefined : t('form.invalidDate') })) void run(() => submit(day));
  };
  const message = messageOf('retiredOn');
  return (
    <FormDialog
      open={open}
      title={t('organisation.actions.retire')}
      submitLabel={t('organisation.actions.retireSubmit')}
      tone="error"
      busy={busy}
      problem={problem}
      fields={['retiredOn']}
      onSubmit={onSubmit}
      onClose={onClose}
      testId="retire-dialog"
    >
      <Alert severity="warning">{t('organisation.retireWarning', { name })}</Alert>
      <DatePicker
        label={t('organisation.fields.retiredOn')}
        format={DATE_FORMAT}
        value={fromIsoDate(day)}
        onChange={(value) => setDay(value && !Number.isNaN(value.getTime()) ? toIsoDate(value) : '')}
        slotProps={{ textField: { required: true, error: Boolean(message), helperText: message } }}
      />
    </FormDialog>
  );
}
