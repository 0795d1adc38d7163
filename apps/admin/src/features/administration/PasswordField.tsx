import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import { fieldHelp } from '../../components/FieldHelp';
import Visibility from '@mui/icons-material/Visibility';
import VisibilityOff from '@mui/icons-material/VisibilityOff';

interface PasswordFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint: string;
  autoFocus?: boolean;
  testId?: string;
}

/** A new password (never the administrator's own): shown on demand, the rule under it, and an error under the rule. */
export function PasswordField({ label, value, onChange, error, hint, autoFocus, testId }: PasswordFieldProps) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  return (
    <TextField
      label={label}
      type={shown ? 'text' : 'password'}
      autoComplete="new-password"
      required
      autoFocus={autoFocus}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      {...fieldHelp({ hint, error })}
      slotProps={{
        htmlInput: { 'data-testid': testId, spellCheck: false, autoCapitalize: 'none' },
        input: {
          endAdornment: (
            <InputAdornment position="end">
              <IconButton aria-label={t(shown ? 'signIn.hidePassword' : 'signIn.showPassword')} onClick={() => setShown((v) => !v)} edge="end">
                {shown ? <VisibilityOff /> : <Visibility />}
              </IconButton>
            </InputAdornment>
          ),
        },
      }}
    />
  );
}
