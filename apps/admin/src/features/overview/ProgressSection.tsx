import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApolloClient } from '@apollo/client/react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';
import Tab from '@mui/material/Tab';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import FileDownloadOutlinedIcon from '@mui/icons-material/FileDownloadOutlined';
import { OverviewExportProgressDocument, type OverviewLevelProgressFragment, type PhaseStatus } from '../../graphql/generated';
import { apiProblem, type ApiProblem } from '../../graphql/errors';
import { ProblemAlert } from '../../components/ProblemAlert';
import { downloadFile } from '../../download';
import { OverviewBarChart } from './OverviewBarChart';
import { OverviewSection } from './OverviewSection';
import { PROGRESS_COLUMNS, hasValues, progressChart, progressTable } from './overviewData';
import { useNumberFormats } from './formats';

interface ProgressSectionProps {
  programmeId: string;
  /** Progress over all phases. */
  progress: OverviewLevelProgressFragment[];
  phases: Array<{ id: string; name: string; status: PhaseStatus; progress: OverviewLevelProgressFragment[] }>;
}

const ALL = 'all';

/** Target vs enrolled vs launched vs operating per level, for all phases or one: a chart, the table of it, the Excel export. */
export function ProgressSection({ programmeId, progress, phases }: ProgressSectionProps) {
  const { t } = useTranslation();
  const fmt = useNumberFormats();
  const [selected, setSelected] = useState<string>(ALL);
  const phase = phases.find((p) => p.id === selected);
  const scope = phase ? phase.name : t('overview.progress.allPhases');
  const table = useMemo(() => progressTable(phase ? phase.progress : progress), [phase, progress]);
  const chart = useMemo(
    () =>
      progressChart(table, {
        level: (level) => t(`levels.${level}`),
        series: (key) => t(`overview.progress.columns.${key}`),
      }),
    [table, t],
  );

  const client = useApolloClient();
  const [exporting, setExporting] = useState(false);
  const [exportProblem, setExportProblem] = useState<ApiProblem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const exportProgress = async () => {
    setExporting(true);
    setExportProblem(null);
    try {
      const { data } = await client.query({ query: OverviewExportProgressDocument, variables: { programmeId }, fetchPolicy: 'no-cache' });
      const file = data?.exportRolloutProgress;
      if (!file) {
        setExportProblem({ code: 'NOT_FOUND', message: t('overview.programme.notFound'), fields: {} });
        return;
      }
      downloadFile(file);
      setNotice(t('rollout.labels.export.done', { rows: file.rowCount, file: file.fileName }));
    } catch (error) {
      setExportProblem(apiProblem(error));
    } finally {
      setExporting(false);
    }
  };

  return (
    <OverviewSection
      title={t('overview.progress.title')}
      testId="progress-section"
      action={
        <Button
          variant="outlined"
          startIcon={<FileDownloadOutlinedIcon />}
          onClick={() => void exportProgress()}
          loading={exporting}
          data-testid="export-progress"
        >
          {t('rollout.labels.export.button')}
        </Button>
      }
    >
      {exportProblem && (
        <Box sx={{ mb: 2 }}>
          <ProblemAlert problem={exportProblem} />
        </Box>
      )}
      {phases.length > 0 && (
        <Box sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}>
          <Tabs
            value={phase ? phase.id : ALL}
            onChange={(_e, value: string) => setSelected(value)}
            variant="scrollable"
            allowScrollButtonsMobile
            aria-label={t('overview.progress.phase')}
            sx={{ '& .MuiTab-root': { textTransform: 'none' } }}
          >
            <Tab value={ALL} label={t('overview.progress.allPhases')} data-testid="progress-tab-all" />
            {phases.map((p) => (
              <Tab key={p.id} value={p.id} label={`${p.name} · ${t(`rollout.labels.phaseStatus.${p.status}`)}`} data-testid={`progress-tab-${p.id}`} />
            ))}
          </Tabs>
        </Box>
      )}
      {hasValues(chart.series) ? (
        <OverviewBarChart
          title={t('overview.progress.chartTitle', { scope })}
          categories={chart.categories}
          series={chart.series}
          xLabel={t('overview.progress.axisLevel')}
          yLabel={t('overview.progress.axisSites')}
          testId="progress-chart"
        />
      ) : (
        <Typography color="text.secondary" sx={{ py: 2 }} data-testid="progress-no-data">
          {t('overview.progress.noData', { scope })}
        </Typography>
      )}
      <TableContainer sx={{ mt: 2 }}>
        <Table size="small" data-testid="progress-table">
          <caption style={{ captionSide: 'top', padding: '0 0 8px' }}>{t('overview.progress.tableCaption', { scope })}</caption>
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">
                {t('overview.progress.level')}
              </TableCell>
              {PROGRESS_COLUMNS.map((key) => (
                <TableCell key={key} component="th" scope="col" align="right">
                  {t(`overview.progress.columns.${key}`)}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {[...table.levels, table.total].map((row) => {
              const isTotal = row.level == null;
              return (
                <TableRow key={row.level ?? 'total'} data-testid={`progress-row-${row.level ?? 'total'}`} sx={isTotal ? { '& > *': { fontWeight: 600 }, bgcolor: 'action.hover' } : undefined}>
                  <TableCell component="th" scope="row" sx={{ fontWeight: isTotal ? 600 : undefined, whiteSpace: 'nowrap' }}>
                    {row.level ? t(`levels.${row.level}`) : t('overview.progress.total')}
                  </TableCell>
                  {PROGRESS_COLUMNS.map((key) => (
                    <TableCell
                      key={key}
                      align="right"
                      data-testid={`progress-${row.level ?? 'total'}-${key}`}
                      sx={{ fontWeight: isTotal ? 600 : undefined, color: key === 'late' && row.late > 0 ? 'error.main' : undefined }}
                    >
                      {fmt.count(row[key])}
                    </TableCell>
                  ))}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </TableContainer>
      <Snackbar
        open={notice !== null}
        autoHideDuration={6000}
        onClose={() => setNotice(null)}
        message={notice}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
        slotProps={{ content: { 'data-testid': 'notice' } as object }}
      />
    </OverviewSection>
  );
}
