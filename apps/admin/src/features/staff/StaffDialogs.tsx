import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useMutation, useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { chooseSlotProps } from '../../components/choose';
import { DateField, dayProblem } from '../../components/DateField';
import { fieldHelp } from '../../components/FieldHelp';
import { FormDialog } from '../../components/FormDialog';
import { formatDate, isIsoDate, todayIso } from '../../dates';
import { AddQualificationDocument, AssignStaffDocument, EndStaffAssignmentDocument, StaffProcedureFieldsDocument } from '../../graphql/generated';
import { useFormState } from '../../hooks/useFormState';
import { LIMITS } from '../../limits';
import type { Option } from '../organisation/SearchAutocomplete';
import { StaffDeskPicker } from './pickers';

/** The person's page reads again after each of these writes. */
const REFETCH = ['StaffMember', 'StaffMemberShifts'];

interface PersonDialogProps {
  staffId: string;
  onClose: () => void;
}

/**
 * The form's message for a day that cannot be in the future (a training day): today is Vietnam's, as the
 * API counts it, whatever the browser's clock (DateField's own `disableFuture` would use the browser's).
 */
export function pastDayProblem(value: string, t: TFunction): string | undefined {
  return dayProblem(value, true, t) ?? (value > todayIso() ? t('handover.form.futureDate') : undefined);
}

/** The form's message for an optional end day: not a day, or before the start. */
export function endProblem(
  start: string,
  end: string,
  required: boolean,
  t: TFunction,
  key: 'staff.form.endBeforeStart' | 'staff.qualifications.expiryBeforeTraining' = 'staff.form.endBeforeStart',
): string | undefined {
  const problem = dayProblem(end, required, t);
  if (problem) return problem;
  return end && isIsoDate(start) && end < start ? t(key) : undefined;
}

/** Phân công tới bộ phận: a desk of the province, from a day, to a day or open-ended. */
export function AssignDialog({ staffId, onClose }: PersonDialogProps) {
  const { t } = useTranslation();
  const [desk, setDesk] = useState<Option | null>(null);
  const [startsOn, setStartsOn] = useState(todayIso());
  const [endsOn, setEndsOn] = useState('');
  const [assign] = useMutation(AssignStaffDocument, { refetchQueries: REFETCH });
  const form = useFormState(onClose);
  const onSubmit = () => {
    const ok = form.check({
      deskId: desk ? undefined : t('form.required'),
      startsOn: dayProblem(startsOn, true, t),
      endsOn: endProblem(startsOn, endsOn, false, t),
    });
    if (ok && desk) void form.run(() => assign({ variables: { input: { staffId, deskId: desk.id, startsOn, endsOn: endsOn || null } } }));
  };
  return (
    <FormDialog
      title={t('staff.assignments.addTitle')}
      submitLabel={t('staff.assignments.add')}
      busy={form.busy}
      problem={form.problem}
      fields={['staffId', 'deskId', 'startsOn', 'endsOn']}
      onSubmit={onSubmit}
      onClose={onClose}
      testId="assign-form"
    >
      <StaffDeskPicker
        label={t('staff.assignments.desk')}
        value={desk}
        onChange={setDesk}
        required
        error={form.message('deskId')}
        helperText={t('staff.assignments.deskHint')}
        testId="assign-desk"
      />
      <DateField label={t('staff.assignments.startsOn')} value={startsOn} onChange={setStartsOn} required error={form.message('startsOn')} testId="assign-starts-on" />
      <DateField
        label={t('staff.assignments.endsOn')}
        value={endsOn}
        onChange={setEndsOn}
        error={form.message('endsOn')}
        helperText={t('staff.assignments.endsOnHint')}
        minDate={isIsoDate(startsOn) ? startsOn : null}
        testId="assign-ends-on"
      />
    </FormDialog>
  );
}

interface EndProps {
  assignment: { id: string; startsOn: string; desk?: { name: string } | null };
  name: string;
  onClose: () => void;
}

/** Kết thúc phân công: the last day at the desk (refused while shifts remain after it: the API says which day). */
export function EndAssignmentDialog({ assignment, name, onClose }: EndProps) {
  const { t } = useTranslation();
  const today = todayIso();
  const [endsOn, setEndsOn] = useState(today < assignment.startsOn ? assignment.startsOn : today);
  const [end] = useMutation(EndStaffAssignmentDocument, { refetchQueries: REFETCH });
  const form = useFormState(onClose);
  const onSubmit = () => {
    if (form.check({ endsOn: endProblem(assignment.startsOn, endsOn, true, t) })) {
      void form.run(() => end({ variables: { input: { id: assignment.id, endsOn } } }));
    }
  };
  // A refusal because shifts remain (CONFLICT) says which day in its message: shown whole at the top, its field note under the day.
  const problem = form.problem?.code === 'CONFLICT' ? { ...form.problem, fields: {} } : form.problem;
  return (
    <FormDialog
      title={t('staff.assignments.endTitle')}
      submitLabel={t('staff.assignments.end')}
      busy={form.busy}
      problem={problem}
      fields={['id', 'endsOn']}
      onSubmit={onSubmit}
      onClose={onClose}
      testId="end-assignment-form"
    >
      <Alert severity="info">{t('staff.assignments.endIntro', { name, desk: assignment.desk?.name ?? '', from: formatDate(assignment.startsOn) })}</Alert>
      <DateField
        label={t('staff.assignments.lastDay')}
        value={endsOn}
        onChange={setEndsOn}
        required
        error={form.message('endsOn')}
        helperText={t('staff.assignments.lastDayHint')}
        minDate={assignment.startsOn}
        testId="end-assignment-day"
      />
    </FormDialog>
  );
}

/** Thêm chứng nhận lĩnh vực: the field, the training day (not in the future), the certificate's number and expiry. */
export function QualificationDialog({ staffId, onClose }: PersonDialogProps) {
  const { t } = useTranslation();
  const { data: fields } = useQuery(StaffProcedureFieldsDocument);
  const [fieldId, setFieldId] = useState('');
  const [trainedOn, setTrainedOn] = useState('');
  const [certificateNumber, setCertificateNumber] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [add] = useMutation(AddQualificationDocument, { refetchQueries: REFETCH });
  const form = useFormState(onClose);
  const options = fields?.procedureFields ?? [];
  const onSubmit = () => {
    const ok = form.check({
      fieldId: fieldId ? undefined : t('form.required'),
      trainedOn: pastDayProblem(trainedOn, t),
      expiresOn: endProblem(trainedOn, expiresOn, false, t, 'staff.qualifications.expiryBeforeTraining'),
    });
    if (ok) {
      void form.run(() =>
        add({ variables: { input: { staffId, fieldId, trainedOn, certificateNumber: certificateNumber.trim() || null, expiresOn: expiresOn || null } } }),
      );
    }
  };
  return (
    <FormDialog
      title={t('staff.qualifications.addTitle')}
      submitLabel={t('form.create')}
      busy={form.busy}
      problem={form.problem}
      fields={['staffId', 'fieldId', 'trainedOn', 'certificateNumber', 'expiresOn']}
      onSubmit={onSubmit}
      onClose={onClose}
      testId="qualification-form"
    >
      <TextField
        select
        label={t('staff.qualifications.field')}
        value={options.length ? fieldId : ''}
        onChange={(e) => setFieldId(e.target.value)}
        required
        {...fieldHelp({ error: form.message('fieldId') })}
        slotProps={{
          ...chooseSlotProps<string>(t, (id) => options.find((f) => f.id === id)?.name ?? '', { SelectDisplayProps: { 'data-testid': 'qualification-field' } }),
        }}
      >
        {options.map((f) => (
          <MenuItem key={f.id} value={f.id}>
            {f.name}
          </MenuItem>
        ))}
      </TextField>
      <DateField
        label={t('staff.qualifications.trainedOn')}
        value={trainedOn}
        onChange={setTrainedOn}
        required
        error={form.message('trainedOn')}
        testId="qualification-trained-on"
      />
      <TextField
        label={t('staff.qualifications.certificateNumber')}
        value={certificateNumber}
        onChange={(e) => setCertificateNumber(e.target.value)}
        {...fieldHelp({ hint: t('staff.qualifications.certificateHint'), error: form.message('certificateNumber'), max: LIMITS.number })}
        slotProps={{ htmlInput: { 'data-testid': 'qualification-certificate', maxLength: LIMITS.number } }}
      />
      <DateField
        label={t('staff.qualifications.expiresOn')}
        value={expiresOn}
        onChange={setExpiresOn}
        error={form.message('expiresOn')}
        helperText={t('staff.qualifications.expiresOnHint')}
        minDate={isIsoDate(trainedOn) ? trainedOn : null}
        testId="qualification-expires-on"
      />
    </FormDialog>
  );
}
