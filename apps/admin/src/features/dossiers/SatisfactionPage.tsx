import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { DossierSatisfactionDocument } from '../../graphql/generated';
import { DateField, INVALID_DAY } from '../../components/DateField';
import { ProblemAlert } from '../../components/ProblemAlert';
import { apiProblem } from '../../graphql/errors';
import { formatDate, isIsoDate, todayIso } from '../../dates';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';

interface Counts {
  satisfied: number;
  neutral: number;
  dissatisfied: number;
  total: number;
  satisfiedShare?: number | null;
}

/** The share satisfied as the language writes a percentage with one decimal ("75,0 %" in Vietnamese); "—" when nothing was rated. */
export function formatShare(share: number | null | undefined, language: string): string {
  if (share === null || share === undefined) return '—';
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'vi-VN', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(share);
}

/** The first day of this month (YYYY-MM-DD). */
const monthStart = () => `${todayIso().slice(0, 8)}01`;

/**
 * Đánh giá hài lòng: the ratings applicants gave (at the counter or on the tracking page) over a period,
 * for the dossiers within the reader's reach (the API's: a clerk's desk, a post office manager's tree, the
 * province for the committee and administrators): in all, per desk and per receiving clerk, with the
 * share satisfied. This month by default.
 */
export function SatisfactionPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('dossiers.satisfaction.title'));
  const [from, setFrom] = useState(monthStart);
  const [to, setTo] = useState(todayIso);
  const valid = isIsoDate(from) && isIsoDate(to) && from <= to;
  const result = useQuery(DossierSatisfactionDocument, { variables: { filter: { from, to } }, skip: !valid });
  const data = result.data?.dossierSatisfaction ?? result.previousData?.dossierSatisfaction;
  const share = (c: Counts) => formatShare(c.satisfiedShare, i18n.language);
  const headCells = (
    <>
      <TableCell align="right">{t('dossiers.satisfaction.satisfied')}</TableCell>
      <TableCell align="right">{t('dossiers.satisfaction.neutral')}</TableCell>
      <TableCell align="right">{t('dossiers.satisfaction.dissatisfied')}</TableCell>
      <TableCell align="right">{t('dossiers.satisfaction.total')}</TableCell>
      <TableCell align="right">{t('dossiers.satisfaction.share')}</TableCell>
    </>
  );
  const cells = (c: Counts) => (
    <>
      <TableCell align="right">{c.satisfied}</TableCell>
      <TableCell align="right">{c.neutral}</TableCell>
      <TableCell align="right">{c.dissatisfied}</TableCell>
      <TableCell align="right">{c.total}</TableCell>
      <TableCell align="right" sx={{ fontWeight: 600 }}>
        {share(c)}
      </TableCell>
    </>
  );
  return (
    <Stack spacing={2}>
      <Typography variant="body2" color="text.secondary">
        {t('dossiers.satisfaction.intro')}
      </Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <Box sx={{ width: { sm: 200 } }}>
          <DateField label={t('dossiers.satisfaction.from')} value={from} onChange={(v) => v !== INVALID_DAY && setFrom(v)} size="small" testId="satisfaction-from" />
        </Box>
        <Box sx={{ width: { sm: 200 } }}>
          <DateField
            label={t('dossiers.satisfaction.to')}
            value={to}
            onChange={(v) => v !== INVALID_DAY && setTo(v)}
            size="small"
            testId="satisfaction-to"
            error={isIsoDate(from) && isIsoDate(to) && to < from ? t('dossiers.satisfaction.toBeforeFrom') : undefined}
          />
        </Box>
      </Stack>
      {result.loading && <LinearProgress aria-label={t('status.loading')} />}
      {result.error && <ProblemAlert problem={apiProblem(result.error)} />}
      {data && (
        <>
          <Paper variant="outlined" sx={{ p: 2 }} data-testid="satisfaction-total">
            <Typography variant="overline" color="text.secondary" component="div">
              {t('dossiers.satisfaction.period', { from: formatDate(data.from), to: formatDate(data.to) })}
            </Typography>
            <Typography sx={{ fontSize: '1.75rem', fontWeight: 500 }} data-testid="satisfaction-share">
              {share(data.total)}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {t('dossiers.satisfaction.summary', { total: data.total.total, satisfied: data.total.satisfied, neutral: data.total.neutral, dissatisfied: data.total.dissatisfied })}
            </Typography>
          </Paper>
          {data.total.total === 0 ? (
            <Alert severity="info" data-testid="satisfaction-empty">
              {t('dossiers.satisfaction.empty')}
            </Alert>
          ) : (
            <>
              <section aria-labelledby="satisfaction-desks">
                <Typography id="satisfaction-desks" variant="h3" sx={{ fontSize: '1rem', fontWeight: 500, mb: 1 }}>
                  {t('dossiers.satisfaction.byDesk')}
                </Typography>
                <TableContainer component={Paper} variant="outlined">
                  <Table size="small" data-testid="satisfaction-desk-table">
                    <TableHead>
                      <TableRow>
                        <TableCell>{t('dossiers.fields.desk')}</TableCell>
                        {headCells}
                      </TableRow>
                    </TableHead>
                    <TableBody>
                      {data.desks.map((d) => (
                        <TableRow key={d.deskId}>
                          <TableCell>{d.deskName}</TableCell>
                          {cells(d)}
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </TableContainer>
              </section>
              <section aria-labelledby="satisfaction-clerks">
                <Typography id="satisfaction-clerks" variant="h3" sx={{ fontSize: '1rem', fontWeight: 500, mb: 1 }}>
                  {t('dossiers.satisfaction.byClerk')}
                </Typography>
                <TableContainer component={Paper} variant="outlined">
                  <Table size="small" data-testid="satisfaction-clerk-table">
                    <TableHead>
                      <TableRow>
                        <TableCell>{t('dossiers.satisfaction.clerk')}</TableCell>
                        <TableCell>{t('dossiers.fields.desk')}</TableCell>
                        {headCells}
                      </TableRow>
                    </TableHead>
                    <TableBody>
                      {data.clerks.map((c) => (
                        <TableRow key={`${c.deskId}:${c.clerkId ?? ''}`}>
                          <TableCell>{c.clerkName ?? t('dossiers.satisfaction.noClerk')}</TableCell>
                          <TableCell>{c.deskName}</TableCell>
                          {cells(c)}
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </TableContainer>
              </section>
            </>
          )}
        </>
      )}
    </Stack>
  );
}
