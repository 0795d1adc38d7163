import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import type { ApiProblem } from '../graphql/errors';
import { ProblemAlert } from './ProblemAlert';

export interface FormDialogProps {
  open: boolean;
  title: string;
  submitLabel: string;
  busy: boolean;
  problem: ApiProblem | null;
  /** The fields this form shows errors under (others are listed in the alert). */
  fields: readonly string[];
  onSubmit: () => void;
  onClose: () => void;
  /** Colour of the submit button (`error` for retiring). */
  tone?: 'primary' | 'error';
  testId?: string;
  children: ReactNode;
}

/** A dialog holding one form: Enter submits, Esc cancels, errors shown at the top and under fields. */
export function FormDialog({ open, title, submitLabel, busy, problem, fields, onSubmit, onClose, tone = 'primary', testId, children }: FormDialogProps) {
  const { t } = useTranslation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) onSubmit();
  };
  return (
    <Dialog
      open={open}
      onClose={busy ? undefined : onClose}
      fullWidth
      maxWidth="sm"
      aria-labelledby={testId ? `${testId}-title` : undefined}
      slotProps={{ paper: { component: 'form', noValidate: true, onSubmit: submit, 'data-testid': testId } as object }}
    >
      {busy && <LinearProgress aria-label={t('form.saving')} />}
      <DialogTitle id={testId ? `${testId}-title` : undefined}>{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2.5} sx={{ pt: 1 }}>
          <ProblemAlert problem={problem} shownFields={fields} />
          {children}
        </Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose} disabled={busy}>
          {t('form.cancel')}
        </Button>
        <Button type="submit" variant="contained" color={tone} disabled={busy} data-testid={testId ? `${testId}-submit` : undefined}>
          {submitLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** The message to show under `field`: the form's own check first, then the API's. */
export function fieldMessage(field: string, problem: ApiProblem | null, local: Partial<Record<string, string>>): string | undefined {
  return local[field] ?? problem?.fields[field];
}
