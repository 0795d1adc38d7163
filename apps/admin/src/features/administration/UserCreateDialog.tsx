import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@apollo/client/react';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { FormDialog, fieldMessage } from '../../components/FormDialog';
import { useFormState } from '../../hooks/useFormState';
import { CreateUserDocument, type Role, type UserRowFragment } from '../../graphql/generated';
import { useSession } from '../auth/SessionContext';
import type { Option } from '../organisation/SearchAutocomplete';
import { ROLES, WORKPLACE_OF } from './labels';
import { PasswordField } from './PasswordField';
import { ScopeUnitPicker, WorkplaceAgencyPicker, WorkplaceDeskPicker, WorkplacePostOfficePicker, type ScopeUnitOption } from './pickers';
import { fieldHelp } from '../../components/FieldHelp';
import { chooseSlotProps } from '../../components/choose';
import { LIMITS } from '../../limits';

type Field = 'username' | 'displayName' | 'password' | 'roles' | 'scopeUnitCode' | 'postOfficeId' | 'oneStopDeskId' | 'agencyId';
type WorkplaceRole = keyof typeof WORKPLACE_OF;
type Workplaces = Record<WorkplaceRole, Option | null>;

const NO_WORKPLACES: Workplaces = { POST_OFFICE_MANAGER: null, COUNTER_CLERK: null, AGENCY_OFFICER: null };
const WORKPLACE_ROLES = Object.keys(WORKPLACE_OF) as WorkplaceRole[];

/**
 * Thêm người dùng: username, display name, first password, roles, the unit the user works for
 * (within the administrator's province), and the post office, desk or agency the roles need (within
 * the province of that unit). The API's field errors show under the fields.
 */
export function UserCreateDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (user: UserRowFragment) => void }) {
  const { t } = useTranslation();
  const { user: admin } = useSession();
  const adminScope = admin?.scope ?? null;
  const national = admin !== null && adminScope === null;
  // A provincial administrator's users work in its province: start from it.
  const adminProvince = adminScope?.level === 'PROVINCE' ? adminScope.code : null;
  const [scope, setScope] = useState<ScopeUnitOption | null>(
    adminScope && adminProvince
      ? {
          id: adminScope.code,
          code: adminScope.code,
          provinceCode: adminProvince,
          label: adminScope.name,
          detail: t('organisation.codeValue', { code: adminScope.code }),
        }
      : null,
  );
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [workplaces, setWorkplaces] = useState<Workplaces>(NO_WORKPLACES);
  const [local, setLocal] = useState<Partial<Record<Field, string>>>({});
  const [create] = useMutation(CreateUserDocument, { refetchQueries: ['Users'] });
  const { busy, problem, run } = useFormState();

  const provinceCode = scope?.provinceCode ?? null;
  const needed = WORKPLACE_ROLES.filter((role) => roles.includes(role));
  // Only a national administrator may leave the unit empty, and only for another national administrator.
  const scopeOptional = national && roles.length === 1 && roles[0] === 'SYSTEM_ADMIN';
  const fields: Field[] = ['username', 'displayName', 'password', 'roles', 'scopeUnitCode', ...needed.map((role) => WORKPLACE_OF[role])];
  const message = (field: Field) => fieldMessage(field, problem, local);

  const changeScope = (next: ScopeUnitOption | null) => {
    // Workplaces belong to a province: another province's choices no longer fit.
    if (next?.provinceCode !== provinceCode) setWorkplaces(NO_WORKPLACES);
    setScope(next);
  };
  const changeRoles = (value: string | string[]) => {
    const chosen = typeof value === 'string' ? value.split(',') : value;
    const next = ROLES.filter((role) => chosen.includes(role));
    setRoles(next);
    setWorkplaces((prev) => Object.fromEntries(WORKPLACE_ROLES.map((role) => [role, next.includes(role) ? prev[role] : null])) as Workplaces);
  };

  const onSubmit = () => {
    const missing: Partial<Record<Field, string>> = {};
    const required = t('form.required');
    if (!username.trim()) missing.username = required;
    if (!displayName.trim()) missing.displayName = required;
    if (!password) missing.password = required;
    if (roles.length === 0) missing.roles = t('administration.users.rolesRequired');
    if (!scope && !scopeOptional) missing.scopeUnitCode = required;
    for (const role of needed) if (!workplaces[role]) missing[WORKPLACE_OF[role]] = required;
    setLocal(missing);
    if (Object.keys(missing).length > 0) return;
    void run(async () => {
      const { data } = await create({
        variables: {
          input: {
            username: username.trim(),
            displayName: displayName.trim(),
            password,
            roles,
            scopeUnitCode: scope?.code ?? null,
            postOfficeId: workplaces.POST_OFFICE_MANAGER?.id ?? null,
            oneStopDeskId: workplaces.COUNTER_CLERK?.id ?? null,
            agencyId: workplaces.AGENCY_OFFICER?.id ?? null,
          },
        },
      });
      if (data) onCreated(data.createUser.user);
    });
  };

  const workplaceHint = provinceCode ? t('administration.users.workplaceHint') : t('administration.users.scopeFirst');
  const workplacePicker = (role: WorkplaceRole) => {
    const common = {
      value: workplaces[role],
      onChange: (value: Option | null) => setWorkplaces((prev) => ({ ...prev, [role]: value })),
      required: true,
      disabled: !provinceCode,
      provinceCode: provinceCode ?? '',
      error: message(WORKPLACE_OF[role]),
      helperText: workplaceHint,
    };
    switch (role) {
      case 'POST_OFFICE_MANAGER':
        return <WorkplacePostOfficePicker key={role} {...common} label={t('administration.users.fields.postOffice')} testId="user-post-office" />;
      case 'COUNTER_CLERK':
        return <WorkplaceDeskPicker key={role} {...common} label={t('administration.users.fields.desk')} testId="user-desk" />;
      case 'AGENCY_OFFICER':
        return <WorkplaceAgencyPicker key={role} {...common} label={t('administration.users.fields.agency')} testId="user-agency" />;
    }
  };

  return (
    <FormDialog
      open
      title={t('administration.users.create')}
      submitLabel={t('form.create')}
      busy={busy}
      problem={problem}
      fields={fields}
      onSubmit={onSubmit}
      onClose={onClose}
      testId="user-form"
    >
      <TextField
        label={t('administration.users.fields.username')}
        value={username}
        onChange={(e) => setUsername(e.target.value)}
        required
        autoFocus
        autoComplete="off"
        {...fieldHelp({ hint: t('administration.users.usernameHint'), error: message('username') })}
        slotProps={{ htmlInput: { 'data-testid': 'user-username', spellCheck: false, autoCapitalize: 'none' } }}
      />
      <TextField
        label={t('administration.users.fields.displayName')}
        value={displayName}
        onChange={(e) => setDisplayName(e.target.value)}
        required
        autoComplete="off"
        {...fieldHelp({ error: message('displayName'), max: LIMITS.displayName })}
        slotProps={{ htmlInput: { 'data-testid': 'user-display-name' } }}
      />
      <PasswordField
        label={t('administration.users.fields.password')}
        value={password}
        onChange={setPassword}
        error={message('password')}
        hint={t('administration.users.passwordHint')}
        testId="user-password"
      />
      <TextField
        select
        label={t('administration.users.fields.roles')}
        value={roles}
        onChange={(e) => changeRoles(e.target.value as unknown as string | string[])}
        required
        {...fieldHelp({ hint: t('administration.users.rolesHint'), error: message('roles') })}
        slotProps={chooseSlotProps<Role[]>(
          t,
          (selected) => (
            <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
              {selected.map((role) => (
                <Chip key={role} size="small" label={t(`roles.${role}`)} />
              ))}
            </Box>
          ),
          { multiple: true, SelectDisplayProps: { 'data-testid': 'user-roles' } },
        )}
      >
        {ROLES.map((role) => (
          <MenuItem key={role} value={role} data-testid={`role-option-${role}`}>
            <Checkbox size="small" checked={roles.includes(role)} sx={{ p: 0, mr: 1.5 }} />
            <ListItemText primary={t(`roles.${role}`)} />
          </MenuItem>
        ))}
      </TextField>
      <ScopeUnitPicker
        label={t('administration.users.fields.scope')}
        value={scope}
        onChange={changeScope}
        provinceCode={adminProvince}
        required={!scopeOptional}
        error={message('scopeUnitCode')}
        helperText={national ? t('administration.users.scopeHintNational') : t('administration.users.scopeHint')}
        testId="user-scope"
      />
      {needed.map(workplacePicker)}
    </FormDialog>
  );
}
