import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';
import FileDownloadOutlinedIcon from '@mui/icons-material/FileDownloadOutlined';
import { downloadFile, type ExportedFileLike } from '../../download';
import { apiProblem } from '../../graphql/errors';

/**
 * "Tải về" beside a report grid: asks the API for the grid's file (its `export…` query with the grid's
 * own filter, fetchPolicy 'no-cache'), saves it through the browser and says what was saved. Every
 * report grid's download is this button (README, Reports).
 */
export function ReportDownloadButton({
  fetchFile,
  testId,
  label,
  disabled,
}: {
  fetchFile: () => Promise<ExportedFileLike | null | undefined>;
  testId: string;
  label?: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);
  const run = async () => {
    setBusy(true);
    setNote(null);
    try {
      const file = await fetchFile();
      if (!file) {
        setNote({ severity: 'error', text: t('reports.download.missing') });
        return;
      }
      downloadFile(file);
      setNote({ severity: 'success', text: t('reports.download.done', { file: file.fileName }) });
    } catch (error) {
      const problem = apiProblem(error);
      setNote({ severity: 'error', text: problem?.code === 'NETWORK' ? t('errors.network') : (problem?.message ?? t('reports.download.missing')) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        variant="outlined"
        size="small"
        startIcon={<FileDownloadOutlinedIcon />}
        loading={busy}
        onClick={() => void run()}
        disabled={disabled}
        data-testid={testId}
        sx={{ whiteSpace: 'nowrap' }}
      >
        {label ?? t('reports.download.button')}
      </Button>
      <Snackbar open={Boolean(note)} autoHideDuration={6000} onClose={() => setNote(null)} anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}>
        {note ? (
          <Alert severity={note.severity} onClose={() => setNote(null)} variant="filled" data-testid={`${testId}-note`}>
            {note.text}
          </Alert>
        ) : undefined}
      </Snackbar>
    </>
  );
}
