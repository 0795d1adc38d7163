import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import DownloadIcon from '@mui/icons-material/DownloadOutlined';
import UploadFileIcon from '@mui/icons-material/UploadFileOutlined';
import { ProblemAlert } from '../../components/ProblemAlert';
import { apiProblem, type ApiProblem } from '../../graphql/errors';
import { ImportProceduresDocument, type ImportProceduresMutation } from '../../graphql/generated';
import { CATALOGUE_QUERIES } from './ProcedureFormDialog';

type Report = ImportProceduresMutation['importProcedures'];

/** The API's limit (IMPORT_MAX_BYTES). */
const MAX_BYTES = 180 * 1024;

/**
 * The sample file: the Vietnamese headers the import recognises (procedure-import.service.ts), and two
 * rows that pass, as a province's published list writes them.
 */
export const TEMPLATE_ROWS: readonly (readonly string[])[] = [
  ['Mã thủ tục', 'Tên thủ tục', 'Lĩnh vực', 'Cấp thực hiện', 'Mã cơ quan', 'Phí, lệ phí', 'Cước bưu chính', 'Thời hạn giải quyết', 'Mức độ trực tuyến', 'BCCI', 'Thành phần hồ sơ', 'Căn cứ pháp lý'],
  [
    '1.001193',
    'Thủ tục đăng ký khai sinh',
    'Hộ tịch',
    'Xã',
    '',
    'Miễn phí',
    '22.000',
    '1 ngày làm việc',
    'Toàn trình',
    'Tiếp nhận và trả kết quả',
    'Tờ khai đăng ký khai sinh (bản chính); Giấy chứng sinh (bản chính); Văn bản ủy quyền (bản sao) (nếu có)',
    'Quyết định 591/QĐ-UBND ngày 03/05/2017',
  ],
  ['2.000908', 'Cấp bản sao từ sổ gốc', 'Chứng thực', 'Huyện', '', '8.000', '22.000', '4 giờ làm việc', 'Một phần', 'Chỉ trả kết quả', 'Phiếu yêu cầu (bản chính)', ''],
];

const csvCell = (text: string) => (/[",;\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** The sample as CSV: UTF-8 with a BOM (so Excel reads the diacritics), comma-separated, CRLF. */
export function templateCsv(): string {
  return `\uFEFF${TEMPLATE_ROWS.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** The format of a chosen file by its name, or null when it is neither. */
export function formatOf(name: string): 'CSV' | 'XLSX' | null {
  const lower = name.toLowerCase();
  return lower.endsWith('.csv') ? 'CSV' : lower.endsWith('.xlsx') ? 'XLSX' : null;
}

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

function Count({ label, value, tone, testId }: { label: string; value: number; tone?: 'error.main' | 'success.main'; testId: string }) {
  return (
    <Paper variant="outlined" sx={{ px: 2, py: 1, minWidth: 110, flex: '1 1 110px' }} data-testid={testId}>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography sx={{ fontSize: '1.5rem', fontWeight: 600, color: value > 0 ? tone : undefined, fontVariantNumeric: 'tabular-nums' }}>{value}</Typography>
    </Paper>
  );
}

/** The report of a check or an import: the counts, then the refused rows as a table (row, column as written, reason). */
export function ImportReport({ report }: { report: Report }) {
  const { t } = useTranslation();
  const refused = report.rejected.length;
  const changes = report.created + report.updated;
  return (
    <Stack spacing={2} data-testid="import-report">
      <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
        {report.applied ? t('procedures.import.reportApplied') : t('procedures.import.report')} · {t('procedures.import.rows', { count: report.rows })}
      </Typography>
      <Box sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap' }}>
        <Count label={t('procedures.import.created')} value={report.created} tone="success.main" testId="import-created" />
        <Count label={t('procedures.import.updated')} value={report.updated} testId="import-updated" />
        <Count label={t('procedures.import.unchanged')} value={report.unchanged} testId="import-unchanged" />
        <Count label={t('procedures.import.rejectedCount')} value={refused} tone="error.main" testId="import-rejected" />
      </Box>
      {report.applied ? (
        <Alert severity="success" data-testid="import-applied">
          {t('procedures.import.applied', { created: report.created, updated: report.updated, unchanged: report.unchanged })}
        </Alert>
      ) : refused > 0 ? (
        <Alert severity="error">{t('procedures.import.refused', { count: refused })}</Alert>
      ) : changes > 0 ? (
        <Alert severity="info">{t('procedures.import.ready')}</Alert>
      ) : (
        <Alert severity="info">{t('procedures.import.nothingToDo')}</Alert>
      )}
      {refused > 0 && (
        <TableContainer component={Paper} variant="outlined" sx={{ maxHeight: 320 }}>
          <Table size="small" stickyHeader aria-label={t('procedures.import.rejectedTable')} data-testid="import-rejected-table">
            <TableHead>
              <TableRow>
                <TableCell sx={{ width: 72 }}>{t('procedures.import.row')}</TableCell>
                <TableCell sx={{ width: 180 }}>{t('procedures.import.column')}</TableCell>
                <TableCell>{t('procedures.import.reason')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {report.rejected.map((r, i) => (
                <TableRow key={`${r.row}-${i}`}>
                  <TableCell sx={{ fontVariantNumeric: 'tabular-nums' }}>{r.row}</TableCell>
                  <TableCell>{r.column ?? t('procedures.import.wholeRow')}</TableCell>
                  <TableCell>{r.reason}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Stack>
  );
}

/**
 * Nhập từ tệp: pick a .csv or .xlsx, check it (a dry run: nothing written) and read the report, then
 * "Nhập" writes every row or none. A link downloads the sample with the Vietnamese headers.
 */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const theme = useTheme();
  const phone = useMediaQuery(theme.breakpoints.down('sm'));
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [importProcedures, { loading }] = useMutation(ImportProceduresDocument, { refetchQueries: CATALOGUE_QUERIES });

  const choose = (chosen: File | undefined) => {
    setReport(null);
    setProblem(null);
    setFileError(null);
    setFile(null);
    if (!chosen) return;
    if (!formatOf(chosen.name)) setFileError(t('procedures.import.wrongType'));
    else if (chosen.size > MAX_BYTES) setFileError(t('procedures.import.tooLarge'));
    else setFile(chosen);
  };

  const send = async (dryRun: boolean) => {
    if (!file) {
      setFileError(t('procedures.import.noFile'));
      return;
    }
    setProblem(null);
    try {
      const contentBase64 = await readBase64(file);
      const { data } = await importProcedures({ variables: { input: { format: formatOf(file.name)!, contentBase64, dryRun } } });
      if (data) setReport(data.importProcedures);
    } catch (error) {
      setReport(null);
      setProblem(apiProblem(error));
    }
  };

  const downloadTemplate = () => {
    const url = URL.createObjectURL(new Blob([templateCsv()], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = t('procedures.import.templateName');
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  // The file's own problem (unreadable, a header missing) reads under the file picker, never as a field name.
  const fileProblem = problem?.fields.contentBase64 ?? problem?.fields.format ?? null;
  const canApply = report !== null && !report.applied && report.rejected.length === 0 && report.created + report.updated > 0;

  return (
    <Dialog open onClose={loading ? undefined : onClose} fullWidth maxWidth="md" fullScreen={phone} aria-labelledby="import-title" data-testid="import-dialog">
      {loading && <LinearProgress aria-label={t('procedures.import.checking')} />}
      <DialogTitle id="import-title">{t('procedures.import.title')}</DialogTitle>
      <DialogContent dividers>
        <Stack spacing={2}>
          <Typography variant="body2" color="text.secondary">
            {t('procedures.import.intro')}
          </Typography>
          <Box>
            <Link component="button" type="button" onClick={downloadTemplate} sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }} data-testid="import-template">
              <DownloadIcon fontSize="small" aria-hidden />
              {t('procedures.import.template')}
            </Link>
          </Box>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
            <input
              ref={input}
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              hidden
              onChange={(e) => {
                choose(e.target.files?.[0]);
                e.target.value = '';
              }}
              data-testid="import-file"
            />
            <Button variant="outlined" startIcon={<UploadFileIcon />} onClick={() => input.current?.click()} disabled={loading}>
              {t('procedures.import.choose')}
            </Button>
            <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }} data-testid="import-file-name">
              {file ? t('procedures.import.chosen', { name: file.name }) : t('procedures.import.noFile')}
            </Typography>
          </Box>
          {(fileError ?? fileProblem) && (
            <Typography variant="body2" color="error" role="alert" data-testid="import-file-error">
              {fileError ?? fileProblem}
            </Typography>
          )}
          {problem && !fileProblem && <ProblemAlert problem={problem} shownFields={['contentBase64', 'format']} />}
          {report && <ImportReport report={report} />}
        </Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, py: 1.5 }}>
        <Button onClick={onClose} disabled={loading}>
          {t('procedures.import.close')}
        </Button>
        {!report?.applied && (
          <Button variant={canApply ? 'outlined' : 'contained'} onClick={() => void send(true)} disabled={loading || !file} data-testid="import-check">
            {loading ? t('procedures.import.checking') : t('procedures.import.check')}
          </Button>
        )}
        {!report?.applied && (
          <Button variant="contained" onClick={() => void send(false)} disabled={loading || !canApply} data-testid="import-apply">
            {t('procedures.import.apply')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
