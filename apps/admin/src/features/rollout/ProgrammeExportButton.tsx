import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Snackbar from '@mui/material/Snackbar';
import FileDownloadOutlinedIcon from '@mui/icons-material/FileDownloadOutlined';
import { downloadFile, type ExportedFileLike } from '../../download';
import { apiProblem } from '../../graphql/errors';

/** "Xuất Excel": asks the API for the spreadsheet, saves it, and says how many rows it holds. */
export function ProgrammeExportButton({ fetchFile, testId }: { fetchFile: () => Promise<(ExportedFileLike & { rowCount: number }) | null | undefined>; testId: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);
  const run = async () => {
    setBusy(true);
    setNote(null);
    try {
      const file = await fetchFile();
      if (!file) {
        setNote({ severity: 'error', text: t('rollout.programmes.exportMissing') });
        return;
      }
      downloadFile(file);
      setNote({ severity: 'success', text: t('rollout.labels.export.done', { rows: file.rowCount, file: file.fileName }) });
    } catch (error) {
      const problem = apiProblem(error);
      setNote({ severity: 'error', text: problem?.code === 'NETWORK' ? t('errors.network') : (problem?.message ?? '') });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        variant="outlined"
        size="small"
        startIcon={busy ? <CircularProgress size={16} aria-hidden /> : <FileDownloadOutlinedIcon />}
        onClick={() => void run()}
        disabled={busy}
        data-testid={testId}
      >
        {t('rollout.labels.export.button')}
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
