import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import RefreshIcon from '@mui/icons-material/Refresh';

/** "Someone changed this record": the API's CONFLICT, with a button that reloads the record. */
export function ConflictAlert({ message, onReload, testId = 'conflict-alert' }: { message: string; onReload: () => void; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Alert
      severity="warning"
      role="alert"
      data-testid={testId}
      action={
        <Button color="inherit" size="small" startIcon={<RefreshIcon />} onClick={onReload} sx={{ whiteSpace: 'nowrap' }} data-testid={`${testId}-reload`}>
          {t('handover.form.reload')}
        </Button>
      }
    >
      {message}
    </Alert>
  );
}
