import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useMutation, useQuery } from '@apollo/client/react';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import { FormDialog } from '../../components/FormDialog';
import { fieldHelp } from '../../components/FieldHelp';
import { CreateStaffDocument, StaffMeDocument, UpdateStaffDocument, type StaffDetailFragment, type StaffStatus } from '../../graphql/generated';
import { useFormState } from '../../hooks/useFormState';
import { LIMITS } from '../../limits';
import type { Option } from '../organisation/SearchAutocomplete';
import { useCanLinkUserAccount } from './access';
import { STAFF_STATUSES } from './enums';
import { StaffAgencyPicker, StaffDeskPicker, StaffPostOfficePicker, StaffUserPicker } from './pickers';

type EmployerKind = 'postOffice' | 'agency';

/** The fields of the form, as the API names them (its errors land under them). */
const FIELDS = ['fullName', 'postOfficeId', 'agencyId', 'homeDeskId', 'phone', 'email', 'nationalId', 'userId', 'status'] as const;

/** The API's phone rule (staff.inputs.ts). */
const PHONE = /^\+?[0-9 .-]{8,20}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A citizen ID as typed ("0381 9001 2345") without its spaces and dots. */
export const compactId = (value: string) => value.replace(/[\s.]/g, '');

interface Values {
  fullName: string;
  employerKind: EmployerKind;
  postOffice: Option | null;
  agency: Option | null;
  homeDesk: Option | null;
  phone: string;
  email: string;
  nationalId: string;
  user: Option | null;
  status: StaffStatus;
}

/** The form's own checks, before the API's: what is required and the forms of phone, e-mail and citizen ID. */
function problems(v: Values, t: TFunction) {
  const employer = v.employerKind === 'postOffice' ? v.postOffice : v.agency;
  return {
    fullName: v.fullName.trim() ? undefined : t('form.required'),
    [v.employerKind === 'postOffice' ? 'postOfficeId' : 'agencyId']: employer ? undefined : t('form.required'),
    phone: v.phone.trim() && !PHONE.test(v.phone.trim()) ? t('staff.form.phoneInvalid') : undefined,
    email: v.email.trim() && !EMAIL.test(v.email.trim()) ? t('staff.form.emailInvalid') : undefined,
    nationalId: v.nationalId.trim() && !/^\d{12}$/.test(compactId(v.nationalId)) ? t('staff.form.nationalIdInvalid') : undefined,
  };
}

interface FieldsProps {
  values: Values;
  change: <K extends keyof Values>(key: K, value: Values[K]) => void;
  message: (field: string) => string | undefined;
  /** Edit: the status is offered; create: a user account may be linked (administrators). */
  mode: 'create' | 'edit';
}

function StaffFields({ values, change, message, mode }: FieldsProps) {
  const { t } = useTranslation();
  const canLinkUser = useCanLinkUserAccount();
  return (
    <>
      <TextField
        label={t('staff.fields.fullName')}
        value={values.fullName}
        onChange={(e) => change('fullName', e.target.value)}
        required
        autoFocus={mode === 'create'}
        {...fieldHelp({ hint: t('staff.form.fullNameHint'), error: message('fullName'), max: LIMITS.name })}
        slotProps={{ htmlInput: { 'data-testid': 'staff-full-name', maxLength: LIMITS.name } }}
      />
      <FormControl>
        <FormLabel id="staff-employer-kind">{t('staff.form.employerKind')}</FormLabel>
        <RadioGroup row aria-labelledby="staff-employer-kind" value={values.employerKind} onChange={(e) => change('employerKind', e.target.value as EmployerKind)}>
          <FormControlLabel
            value="postOffice"
            control={<Radio slotProps={{ input: { 'data-testid': 'staff-employer-post-office' } as object }} />}
            label={t('staff.form.employerPostOffice')}
          />
          <FormControlLabel value="agency" control={<Radio slotProps={{ input: { 'data-testid': 'staff-employer-agency' } as object }} />} label={t('staff.form.employerAgency')} />
        </RadioGroup>
      </FormControl>
      {values.employerKind === 'postOffice' ? (
        <StaffPostOfficePicker
          label={t('staff.fields.postOffice')}
          value={values.postOffice}
          onChange={(v) => change('postOffice', v)}
          required
          error={message('postOfficeId')}
          helperText={t('staff.form.employerHint')}
          testId="staff-post-office"
        />
      ) : (
        <StaffAgencyPicker
          label={t('staff.fields.agency')}
          value={values.agency}
          onChange={(v) => change('agency', v)}
          required
          error={message('agencyId')}
          helperText={t('staff.form.employerHint')}
          testId="staff-agency"
        />
      )}
      <StaffDeskPicker
        label={t('staff.fields.homeDesk')}
        value={values.homeDesk}
        onChange={(v) => change('homeDesk', v)}
        error={message('homeDeskId')}
        helperText={t('staff.form.homeDeskHint')}
        testId="staff-home-desk"
      />
      <TextField
        label={t('staff.fields.phone')}
        value={values.phone}
        onChange={(e) => change('phone', e.target.value)}
        {...fieldHelp({ hint: t('staff.form.phoneHint'), error: message('phone') })}
        slotProps={{ htmlInput: { 'data-testid': 'staff-phone', inputMode: 'tel', maxLength: 20 } }}
      />
      <TextField
        label={t('staff.fields.email')}
        value={values.email}
        onChange={(e) => change('email', e.target.value)}
        {...fieldHelp({ error: message('email') })}
        slotProps={{ htmlInput: { 'data-testid': 'staff-email', inputMode: 'email', maxLength: 254, spellCheck: false } }}
      />
      <TextField
        label={t('staff.fields.nationalId')}
        value={values.nationalId}
        onChange={(e) => change('nationalId', e.target.value)}
        {...fieldHelp({ hint: t('staff.form.nationalIdHint'), error: message('nationalId') })}
        slotProps={{ htmlInput: { 'data-testid': 'staff-national-id', inputMode: 'numeric', maxLength: 20, autoComplete: 'off' } }}
      />
      {mode === 'create' && canLinkUser && (
        <StaffUserPicker
          label={t('staff.fields.userAccount')}
          value={values.user}
          onChange={(v) => change('user', v)}
          error={message('userId')}
          helperText={t('staff.form.userHint')}
          testId="staff-user"
        />
      )}
      {mode === 'edit' && (
        <TextField
          select
          label={t('staff.fields.status')}
          value={values.status}
          onChange={(e) => change('status', e.target.value as StaffStatus)}
          {...fieldHelp({ hint: t('staff.form.statusHint'), error: message('status') })}
          slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'staff-status-select' } as object } }}
        >
          {STAFF_STATUSES.map((s) => (
            <MenuItem key={s} value={s}>
              {t(`staff.labels.staffStatus.${s}`)}
            </MenuItem>
          ))}
        </TextField>
      )}
    </>
  );
}

function useValues(initial: Values) {
  const [values, setValues] = useState<Values>(initial);
  const change = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));
  return { values, setValues, change };
}

const EMPTY: Values = { fullName: '', employerKind: 'postOffice', postOffice: null, agency: null, homeDesk: null, phone: '', email: '', nationalId: '', user: null, status: 'ACTIVE' };

/** Thêm nhân viên: name, employer (a post office, by default the manager's own, or an agency), home desk, phone, e-mail, citizen ID, user account. */
export function StaffCreateDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const { values, setValues, change } = useValues(EMPTY);
  const { data: me } = useQuery(StaffMeDocument);
  const own = me?.me?.postOffice;
  useEffect(() => {
    if (own) setValues((v) => (v.postOffice ? v : { ...v, postOffice: { id: own.id, label: own.name } }));
  }, [own, setValues]);
  const [create] = useMutation(CreateStaffDocument, { refetchQueries: ['StaffMembers'] });
  const form = useFormState();

  const onSubmit = () => {
    if (!form.check(problems(values, t))) return;
    void form.run(async () => {
      const { data } = await create({
        variables: {
          input: {
            fullName: values.fullName.trim(),
            postOfficeId: values.employerKind === 'postOffice' ? (values.postOffice?.id ?? null) : null,
            agencyId: values.employerKind === 'agency' ? (values.agency?.id ?? null) : null,
            homeDeskId: values.homeDesk?.id ?? null,
            phone: values.phone.trim() || null,
            email: values.email.trim() || null,
            nationalId: compactId(values.nationalId) || null,
            userId: values.user?.id ?? null,
          },
        },
      });
      const id = data?.createStaff.staff.id;
      if (id) onCreated(id);
    });
  };

  return (
    <FormDialog
      title={t('staff.form.createTitle')}
      submitLabel={t('form.create')}
      busy={form.busy}
      problem={form.problem}
      fields={FIELDS}
      onSubmit={onSubmit}
      onClose={onClose}
      fullScreenOnPhone
      testId="staff-form"
    >
      <StaffFields values={values} change={change} message={form.message} mode="create" />
    </FormDialog>
  );
}

/** Sửa thông tin nhân viên: what the create form holds, and the status; only what changed is sent. */
export function StaffEditDialog({ staff, onClose, onReload }: { staff: StaffDetailFragment; onClose: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const initial: Values = {
    fullName: staff.fullName,
    employerKind: staff.agency && !staff.postOffice ? 'agency' : 'postOffice',
    postOffice: staff.postOffice ? { id: staff.postOffice.id, label: staff.postOffice.name } : null,
    agency: staff.agency ? { id: staff.agency.id, label: staff.agency.name } : null,
    homeDesk: staff.homeDesk ? { id: staff.homeDesk.id, label: staff.homeDesk.name } : null,
    phone: staff.phone ?? '',
    email: staff.email ?? '',
    nationalId: staff.nationalId ?? '',
    user: null,
    status: staff.status,
  };
  const { values, change } = useValues(initial);
  const [update] = useMutation(UpdateStaffDocument);
  const form = useFormState(onClose);

  const onSubmit = () => {
    if (!form.check(problems(values, t))) return;
    const employer = values.employerKind === 'postOffice' ? values.postOffice : values.agency;
    const employerChanged = employer?.id !== (values.employerKind === 'postOffice' ? staff.postOffice?.id : staff.agency?.id);
    const nationalId = compactId(values.nationalId);
    void form.run(() =>
      update({
        variables: {
          input: {
            id: staff.id,
            version: staff.version,
            fullName: values.fullName.trim(),
            ...(employerChanged && employer ? (values.employerKind === 'postOffice' ? { postOfficeId: employer.id } : { agencyId: employer.id }) : {}),
            ...(values.homeDesk?.id !== staff.homeDesk?.id ? { homeDeskId: values.homeDesk?.id ?? null } : {}),
            phone: values.phone.trim() || null,
            email: values.email.trim() || null,
            // Sent only when changed: a reader who may not see it gets it empty, and must not clear it by saving.
            ...(nationalId !== (staff.nationalId ?? '') ? { nationalId: nationalId || null } : {}),
            status: values.status,
          },
        },
      }),
    );
  };

  return (
    <FormDialog
      title={t('staff.form.editTitle')}
      submitLabel={t('form.save')}
      busy={form.busy}
      problem={form.problem}
      fields={FIELDS}
      onSubmit={onSubmit}
      onClose={onClose}
      onReload={onReload}
      conflictMessage={t('staff.form.conflict')}
      fullScreenOnPhone
      testId="staff-edit-form"
    >
      <StaffFields values={values} change={change} message={form.message} mode="edit" />
    </FormDialog>
  );
}
