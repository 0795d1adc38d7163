import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import { FormDialog, fieldMessage } from '../../components/FormDialog';
import { useFormState } from '../../hooks/useFormState';
import { DeactivateUserDocument, ResetUserPasswordDocument } from '../../graphql/generated';
import { PasswordField } from './PasswordField';

interface UserDialogProps {
  user: { id: string; username: string; displayName: string };
  onClose: () => void;
  onDone: () => void;
}

/** Khóa tài khoản: asks first; the API ends the user's sessions and writes the audit entry. */
export function DeactivateUserDialog({ user, onClose, onDone }: UserDialogProps) {
  const { t } = useTranslation();
  const [deactivate] = useMutation(DeactivateUserDocument, { refetchQueries: ['Users'] });
  const { busy, problem, run } = useFormState(onDone);
  return (
    <FormDialog
      open
      title={t('administration.users.deactivateTitle')}
      submitLabel={t('administration.users.deactivateSubmit')}
      tone="error"
      busy={busy}
      problem={problem}
      fields={[]}
      onSubmit={() => void run(() => deactivate({ variables: { input: { id: user.id } } }))}
      onClose={onClose}
      testId="deactivate-dialog"
    >
      <Alert severity="warning">{t('administration.users.deactivateWarning', { name: user.displayName, username: user.username })}</Alert>
    </FormDialog>
  );
}

/** Đặt lại mật khẩu: a new password for the user; its open sessions end. */
export function ResetPasswordDialog({ user, onClose, onDone }: UserDialogProps) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const [reset] = useMutation(ResetUserPasswordDocument);
  const { busy, problem, run } = useFormState(onDone);
  const onSubmit = () => {
    const missing: Record<string, string> = password ? {} : { password: t('form.required') };
    setLocal(missing);
    if (!missing.password) void run(() => reset({ variables: { input: { id: user.id, password } } }));
  };
  return (
    <FormDialog
      open
      title={t('administration.users.resetTitle')}
      submitLabel={t('administration.users.resetSubmit')}
      busy={busy}
      problem={problem}
      fields={['password']}
      onSubmit={onSubmit}
      onClose={onClose}
      testId="reset-password-dialog"
    >
      <Alert severity="info">{t('administration.users.resetInfo', { name: user.displayName, username: user.username })}</Alert>
      <PasswordField
        label={t('administration.users.fields.newPassword')}
        value={password}
        onChange={setPassword}
        error={fieldMessage('password', problem, local)}
        hint={t('administration.users.passwordHint')}
        autoFocus
        testId="reset-password"
      />
    </FormDialog>
  );
}
