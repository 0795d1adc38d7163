import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApolloClient } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { QuarterlyReportDocument, type ReportFileFormat } from '../../graphql/generated';
import { todayIso } from '../../dates';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useSession } from '../auth/SessionContext';
import { UnitPicker, type UnitOption } from '../organisation/pickers';
import { ReportDownloadButton } from './ReportDownloadButton';

/** The first year reports go back to (the oldest figures units reported: Bình Phước, 2017). */
export const FIRST_YEAR = 2017;

/** The latest quarter that has ended (the one a report is filed for): in December 2026, the third of 2026. */
export function lastEndedQuarter(today: string): { year: number; quarter: number } {
  const year = Number(today.slice(0, 4));
  const current = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  return current === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: current - 1 };
}

/** Whether a quarter (0: the whole year) has begun. */
export function hasBegun(year: number, quarter: number, today: string): boolean {
  const start = `${year}-${String(quarter ? quarter * 3 - 2 : 1).padStart(2, '0')}-01`;
  return start <= today;
}

/**
 * Báo cáo → Báo cáo quý: the report the steering committee files each quarter, as an .xlsx workbook
 * or a PDF laid out as an administrative report (the API writes both): the unit (the reader's
 * province by default), the quarter or the whole year.
 */
export function QuarterlyPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('reports.sections.quarterly'));
  const { user } = useSession();
  const today = todayIso();
  const last = lastEndedQuarter(today);
  const own = user?.scope ? { id: user.scope.code, code: user.scope.code, label: user.scope.name } : null;
  const [unit, setUnit] = useState<UnitOption | null>(own);
  const [year, setYear] = useState(last.year);
  const [quarter, setQuarter] = useState(last.quarter);
  const client = useApolloClient();
  const thisYear = Number(today.slice(0, 4));
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => thisYear - i);
  const begun = hasBegun(year, quarter, today);
  const fetchFile = (format: ReportFileFormat) => async () =>
    (
      await client.query({
        query: QuarterlyReportDocument,
        variables: { input: { unit: unit?.code ?? null, year, quarter: quarter || null, format } },
        fetchPolicy: 'no-cache',
      })
    ).data?.quarterlyReport;
  const period = quarter ? t('reports.quarterly.periodQuarter', { quarter, year }) : t('reports.quarterly.periodYear', { year });

  return (
    <Stack spacing={2} sx={{ maxWidth: 960 }}>
      <Typography variant="body2" color="text.secondary">
        {t('reports.quarterly.intro')}
      </Typography>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '2fr 1fr 1fr' } }}>
          <UnitPicker label={t('reports.quarterly.unit')} value={unit} onChange={setUnit} helperText={t('reports.quarterly.unitHint')} testId="quarterly-unit" />
          <TextField
            select
            label={t('reports.quarterly.quarter')}
            value={quarter}
            onChange={(e) => setQuarter(Number(e.target.value))}
            slotProps={{ htmlInput: { 'data-testid': 'quarterly-quarter' } }}
          >
            {[1, 2, 3, 4].map((q) => (
              <MenuItem key={q} value={q}>
                {t('reports.quarterly.quarterOption', { quarter: q })}
              </MenuItem>
            ))}
            <MenuItem value={0}>{t('reports.quarterly.wholeYear')}</MenuItem>
          </TextField>
          <TextField select label={t('reports.quarterly.year')} value={year} onChange={(e) => setYear(Number(e.target.value))} slotProps={{ htmlInput: { 'data-testid': 'quarterly-year' } }}>
            {years.map((y) => (
              <MenuItem key={y} value={y}>
                {y}
              </MenuItem>
            ))}
          </TextField>
        </Box>
        <Typography variant="h2" sx={{ fontSize: '1.1rem', fontWeight: 500, mt: 2.5, mb: 0.5 }} data-testid="quarterly-title">
          {t('reports.quarterly.title', { period })}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {t('reports.quarterly.scope', { unit: unit?.label ?? t('reports.quarterly.ownProvince') })}
        </Typography>
        {!begun && (
          <Alert severity="info" sx={{ mb: 2 }} data-testid="quarterly-not-begun">
            {t('reports.quarterly.notBegun', { period })}
          </Alert>
        )}
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5} sx={{ '& > button': { minWidth: 200 } }}>
          <ReportDownloadButton fetchFile={fetchFile('XLSX')} label={t('reports.quarterly.downloadXlsx')} disabled={!begun} testId="quarterly-xlsx" />
          <ReportDownloadButton fetchFile={fetchFile('PDF')} label={t('reports.quarterly.downloadPdf')} disabled={!begun} testId="quarterly-pdf" />
        </Stack>
      </Paper>
      <Box component="section" aria-labelledby="quarterly-contents">
        <Typography id="quarterly-contents" variant="subtitle2">
          {t('reports.quarterly.contentsTitle')}
        </Typography>
        <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
          {(['heading', 'channels', 'units', 'targets', 'signature'] as const).map((key) => (
            <Typography component="li" variant="body2" key={key}>
              {t(`reports.quarterly.contents.${key}`)}
            </Typography>
          ))}
        </Box>
      </Box>
    </Stack>
  );
}
