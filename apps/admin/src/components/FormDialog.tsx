import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import { useTheme } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import type { ApiProblem } from '../graphql/errors';
import { ConflictAlert } from './ConflictAlert';
import { ProblemAlert } from './ProblemAlert';

export interface FormDialogProps {
  /** Default true, for dialogs that are only mounted while open. */
  open?: boolean;
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
  /** Wider for forms with rows of fields or two columns. */
  maxWidth?: 'sm' | 'md' | 'lg';
  /** Full screen on phones; by default when wider than `sm`. */
  fullScreenOnPhone?: boolean;
  /** Lines above and below the fields, for long forms that scroll between a fixed title and buttons. */
  dividers?: boolean;
  /**
   * With it, a CONFLICT that names no field (the record changed since it was read) shows `conflictMessage`
   * and a button that reloads the record and closes the dialog; one that names a field (a key another
   * record holds) shows the API's message and the field's, as any other problem.
   */
  onReload?: () => void;
  /** What a CONFLICT says (default: a handover record was changed). */
  conflictMessage?: string;
  /** `<testId>` on the form, `<testId>-title` and `<testId>-submit`. */
  testId?: string;
  children: ReactNode;
}

/** A dialog holding one form: Enter submits, Esc cancels, errors shown at the top and under fields. */
export function FormDialog({
  open = true,
  title,
  submitLabel,
  busy,
  problem,
  fields,
  onSubmit,
  onClose,
  tone = 'primary',
  maxWidth = 'sm',
  fullScreenOnPhone = maxWidth !== 'sm',
  dividers = false,
  onReload,
  conflictMessage,
  testId,
  children,
}: FormDialogProps) {
  const { t } = useTranslation();
  const theme = useTheme();
  const phone = useMediaQuery(theme.breakpoints.down('sm'));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) onSubmit();
  };
  return (
    <Dialog
      open={open}
      onClose={busy ? undefined : onClose}
      fullWidth
      fullScreen={fullScreenOnPhone && phone}
      maxWidth={maxWidth}
      aria-labelledby={testId ? `${testId}-title` : undefined}
      slotProps={{ paper: { component: 'form', noValidate: true, onSubmit: submit, 'data-testid': testId } as object }}
    >
      {busy && <LinearProgress aria-label={t('form.saving')} />}
      <DialogTitle id={testId ? `${testId}-title` : undefined}>{title}</DialogTitle>
      <DialogContent dividers={dividers}>
        <Stack spacing={2.5} sx={dividers ? undefined : { pt: 1 }}>
          {/* A stale version names no field; a CONFLICT naming one (a key another record holds) is the API's own words. */}
          {onReload && problem?.code === 'CONFLICT' && Object.keys(problem.fields).length === 0 ? (
            <ConflictAlert
              message={conflictMessage ?? t('handover.form.conflict')}
              onReload={() => {
                onReload();
                onClose();
              }}
            />
          ) : (
            <ProblemAlert problem={problem} shownFields={fields} />
          )}
          {children}
        </Stack>
      </DialogContent>
      <DialogActions sx={dividers ? { px: 3, py: 1.5 } : { px: 3, pb: 2 }}>
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
