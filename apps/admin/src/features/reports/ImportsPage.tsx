import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApolloClient, useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import { ImportJobDocument, ImportJobsDocument, ImportRejectedRowsDocument, type ImportJobFieldsFragment, type ImportKind, type ImportStatus, type Role } from '../../graphql/generated';
import { GRAPHQL_PATH } from '../../config';
import { formatDateTime } from '../../dates';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { currentLanguage } from '../../i18n';
import { useSession, useSessionStore } from '../auth/SessionContext';
import { UnitPicker, type UnitOption } from '../organisation/pickers';
import { ReportDownloadButton } from './ReportDownloadButton';

/** Who imports (the API's rule): the province's steering committee and administrators. */
export const IMPORTERS: readonly Role[] = ['STEERING_COMMITTEE', 'SYSTEM_ADMIN'];

/** Where the file goes: POST /imports beside /graphql (README, Reports: "Importing"). */
export const IMPORT_PATH = GRAPHQL_PATH.replace(/graphql$/, 'imports');
const KINDS: readonly ImportKind[] = ['DOSSIERS', 'AGGREGATE_FIGURES'];
const RUNNING: readonly ImportStatus[] = ['UPLOADING', 'QUEUED', 'RUNNING'];
const STATUS_COLOURS: Record<ImportStatus, 'default' | 'info' | 'success' | 'error'> = { UPLOADING: 'info', QUEUED: 'default', RUNNING: 'info', SUCCEEDED: 'success', FAILED: 'error' };

const number = (n: number) => n.toLocaleString('vi-VN');

interface UploadAnswer {
  duplicate?: boolean;
  job?: { id: string };
  errors?: Array<{ message: string; extensions?: { code?: string; fields?: Array<{ field: string; message: string }> } }>;
}

/**
 * Nhập dữ liệu (Báo cáo): the steering committee and administrators import another one-stop system's
 * export (dossiers or aggregate figures, CSV or XLSX). The file is sent as it is to POST /imports with
 * the session's token; the job's progress is polled each second (importJob) while it runs; the list
 * shows the province's imports, each with its refused rows to download (.xlsx).
 */
export function ImportsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('reports.sections.imports'));
  const { user } = useSession();
  const store = useSessionStore();
  const client = useApolloClient();
  const national = Boolean(user && !user.scope);
  const [kind, setKind] = useState<ImportKind>('DOSSIERS');
  const [file, setFile] = useState<File | null>(null);
  const [province, setProvince] = useState<UnitOption | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [currentId, setCurrentId] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const jobs = useQuery(ImportJobsDocument, { variables: { first: 20 }, fetchPolicy: 'cache-and-network' });
  const current = useQuery(ImportJobDocument, { variables: { id: currentId ?? '' }, skip: !currentId, fetchPolicy: 'network-only', notifyOnNetworkStatusChange: false });
  const job = current.data?.importJob ?? null;
  const running = job ? RUNNING.includes(job.status) : false;
  const { startPolling, stopPolling } = current;
  useEffect(() => {
    if (!currentId) return;
    if (running || !job) startPolling(1000);
    else {
      stopPolling();
      void jobs.refetch();
    }
    return () => stopPolling();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [currentId, running, Boolean(job)]);

  const upload = async () => {
    if (!file) return;
    setBusy(true);
    setProblem(null);
    setNotice(null);
    try {
      const query = new URLSearchParams({ kind, name: file.name, ...(national && province ? { province: province.code } : {}) });
      const token = store.accessToken();
      const res = await fetch(`${IMPORT_PATH}?${query}`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', 'accept-language': currentLanguage(), ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: file,
      });
      const answer = (await res.json().catch(() => ({}))) as UploadAnswer;
      if (!res.ok || !answer.job) {
        const error = answer.errors?.[0];
        setProblem([error?.message ?? t('reports.imports.uploadFailed'), ...(error?.extensions?.fields ?? []).map((f) => f.message)]);
        return;
      }
      if (answer.duplicate) setNotice(t('reports.imports.duplicate'));
      setCurrentId(answer.job.id);
      setFile(null);
      if (input.current) input.current.value = '';
      void jobs.refetch();
    } catch {
      setProblem([t('errors.network')]);
    } finally {
      setBusy(false);
    }
  };

  const rejectedFile = (id: string) => async () => (await client.query({ query: ImportRejectedRowsDocument, variables: { id }, fetchPolicy: 'no-cache' })).data?.importJob.rejectedRowsFile;

  return (
    <Stack spacing={3}>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="h2" gutterBottom>
          {t('reports.imports.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {t('reports.imports.intro')}
        </Typography>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'flex-start' } }}>
          <TextField select label={t('reports.imports.kind')} value={kind} onChange={(e) => setKind(e.target.value as ImportKind)} sx={{ minWidth: 220 }} slotProps={{ htmlInput: { 'data-testid': 'import-kind' } }}>
            {KINDS.map((k) => (
              <MenuItem key={k} value={k}>
                {t(`reports.imports.kinds.${k}`)}
              </MenuItem>
            ))}
          </TextField>
          {national && (
            <Box sx={{ minWidth: 260 }}>
              <UnitPicker label={t('reports.imports.province')} value={province} onChange={setProvince} />
            </Box>
          )}
          <Box>
            <Button variant="outlined" component="label" startIcon={<UploadFileOutlined />} data-testid="import-choose">
              {t('reports.imports.choose')}
              <input ref={input} hidden type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" data-testid="import-file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
            </Button>
            <Typography variant="body2" sx={{ mt: 0.5, wordBreak: 'break-all' }} data-testid="import-file-name">
              {file ? t('reports.imports.chosen', { name: file.name, size: number(Math.ceil(file.size / 1024)) }) : t('reports.imports.noFile')}
            </Typography>
          </Box>
          <Button variant="contained" onClick={() => void upload()} disabled={!file || (national && !province)} loading={busy} data-testid="import-upload">
            {t('reports.imports.upload')}
          </Button>
        </Stack>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
          {t(`reports.imports.columns.${kind}`)}
        </Typography>
        {problem && (
          <Alert severity="error" sx={{ mt: 2 }} data-testid="import-problem">
            {problem.map((line, i) => (
              <div key={i}>{line}</div>
            ))}
          </Alert>
        )}
        {notice && (
          <Alert severity="info" sx={{ mt: 2 }} data-testid="import-notice">
            {notice}
          </Alert>
        )}
      </Paper>

      {job && <JobProgress job={job} rejections={current.data?.importJob.rejections ?? []} fetchRejected={rejectedFile(job.id)} />}

      <Paper variant="outlined">
        <Typography variant="h2" sx={{ p: 2, pb: 1 }}>
          {t('reports.imports.listTitle')}
        </Typography>
        {jobs.data && jobs.data.importJobs.edges.length === 0 ? (
          <Typography sx={{ p: 2 }} color="text.secondary">
            {t('reports.imports.none')}
          </Typography>
        ) : (
          <TableContainer>
            <Table size="small" data-testid="import-jobs">
              <TableHead>
                <TableRow>
                  <TableCell>{t('reports.imports.cols.uploadedAt')}</TableCell>
                  <TableCell>{t('reports.imports.cols.file')}</TableCell>
                  <TableCell>{t('reports.imports.cols.kind')}</TableCell>
                  <TableCell>{t('reports.imports.cols.status')}</TableCell>
                  <TableCell align="right">{t('reports.imports.cols.rows')}</TableCell>
                  <TableCell align="right">{t('reports.imports.cols.accepted')}</TableCell>
                  <TableCell align="right">{t('reports.imports.cols.rejected')}</TableCell>
                  <TableCell align="right">{t('reports.imports.cols.skipped')}</TableCell>
                  <TableCell>{t('reports.imports.cols.by')}</TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {(jobs.data?.importJobs.edges ?? []).map(({ node }) => (
                  <TableRow key={node.id} hover selected={node.id === currentId} onClick={() => setCurrentId(node.id)} sx={{ cursor: 'pointer' }} data-testid="import-job-row">
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(node.createdAt)}</TableCell>
                    <TableCell sx={{ wordBreak: 'break-all', minWidth: 140 }}>{node.fileName}</TableCell>
                    <TableCell>{t(`reports.imports.kinds.${node.kind}`)}</TableCell>
                    <TableCell>
                      <Chip size="small" color={STATUS_COLOURS[node.status]} label={t(`reports.imports.statuses.${node.status}`)} />
                    </TableCell>
                    <TableCell align="right">{number(node.totalRows)}</TableCell>
                    <TableCell align="right">{number(node.acceptedRows)}</TableCell>
                    <TableCell align="right">{number(node.rejectedRows)}</TableCell>
                    <TableCell align="right">{number(node.skippedRows)}</TableCell>
                    <TableCell>{node.createdByLabel}</TableCell>
                    <TableCell onClick={(e) => e.stopPropagation()}>
                      {node.rejectedRows > 0 && <ReportDownloadButton fetchFile={rejectedFile(node.id)} testId={`import-rejected-${node.id}`} label={t('reports.imports.downloadRejected')} />}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </Paper>
    </Stack>
  );
}

function JobProgress({ job, rejections, fetchRejected }: { job: ImportJobFieldsFragment; rejections: Array<{ rowNo: number; column?: string | null; reason: string }>; fetchRejected: () => Promise<any> }) {
  const { t } = useTranslation();
  const percent = Math.round(job.progress * 100);
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="import-current" data-status={job.status}>
      <Stack direction="row" spacing={1} sx={{ mb: 1, flexWrap: 'wrap', alignItems: 'center' }} useFlexGap>
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, wordBreak: 'break-all' }} data-testid="import-current-file">
          {job.fileName}
        </Typography>
        <Chip size="small" color={STATUS_COLOURS[job.status]} label={t(`reports.imports.statuses.${job.status}`)} data-testid="import-status" />
      </Stack>
      <LinearProgress variant="determinate" value={percent} aria-label={t('reports.imports.progressLabel')} data-testid="import-progress" data-value={percent} sx={{ height: 10, borderRadius: 1 }} />
      <Typography variant="body2" sx={{ mt: 1 }} data-testid="import-processed">
        {t('reports.imports.processed', { processed: number(job.processedRows), total: number(job.totalRows), percent })}
      </Typography>
      <Stack direction="row" spacing={3} sx={{ mt: 1, flexWrap: 'wrap' }} useFlexGap>
        <Typography data-testid="import-accepted">{t('reports.imports.accepted', { n: number(job.acceptedRows) })}</Typography>
        <Typography data-testid="import-rejected">{t('reports.imports.rejected', { n: number(job.rejectedRows) })}</Typography>
        <Typography data-testid="import-skipped">{t('reports.imports.skipped', { n: number(job.skippedRows) })}</Typography>
      </Stack>
      {job.error && (
        <Alert severity="error" sx={{ mt: 2 }}>
          {job.error}
        </Alert>
      )}
      {job.status === 'SUCCEEDED' && job.rejectedRows > 0 && (
        <Box sx={{ mt: 2 }}>
          <Typography variant="body2" sx={{ mb: 1 }}>
            {t('reports.imports.firstRejections')}
          </Typography>
          <Box component="ul" sx={{ mt: 0, pl: 3 }} data-testid="import-rejections">
            {rejections.map((r, i) => (
              <li key={i}>
                <Typography variant="body2">{t('reports.imports.rejection', { row: r.rowNo, column: r.column ?? '—', reason: r.reason })}</Typography>
              </li>
            ))}
          </Box>
          <ReportDownloadButton fetchFile={fetchRejected} testId="import-download-rejected" label={t('reports.imports.downloadRejected')} />
        </Box>
      )}
    </Paper>
  );
}
