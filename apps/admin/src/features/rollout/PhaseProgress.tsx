import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import { BarChart } from '@mui/x-charts/BarChart';
import { ChartBox } from '../../components/ChartBox';
import type { RolloutLevelProgressFragment } from '../../graphql/generated';

const COLUMNS = ['target', 'enrolled', 'preparing', 'launched', 'operating', 'suspended', 'late'] as const;

/** "Cấp tỉnh", …, or "Tổng" for the total row (level null). */
function levelName(row: RolloutLevelProgressFragment, t: TFunction): string {
  return row.level ? t(`levels.${row.level}`) : t('rollout.phases.progress.total');
}

/** Launched against target, as a whole percentage (null without a target). */
export function launchedShare(row: Pick<RolloutLevelProgressFragment, 'launched' | 'target'>): number | null {
  return row.target > 0 ? Math.round((row.launched / row.target) * 100) : null;
}

/**
 * Planned vs actual per level: the target, then enrolled, preparing, launched, operating, suspended
 * and late desks, the total row last, and how far launches are along the target.
 */
export function PhaseProgressTable({ rows, testId = 'progress-table' }: { rows: readonly RolloutLevelProgressFragment[]; testId?: string }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <TableContainer sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label={t('rollout.phases.progress.label')} data-testid={testId} sx={{ '& th': { whiteSpace: 'nowrap' }, '& td, & th': { px: 0.75 } }}>
        <TableHead>
          <TableRow>
            <TableCell>{t('rollout.phases.progress.level')}</TableCell>
            {COLUMNS.map((c) => (
              <TableCell key={c} align="right">
                {t(`rollout.phases.progress.${c}`)}
              </TableCell>
            ))}
            <TableCell sx={{ minWidth: 130, display: { xs: 'none', md: 'table-cell' } }}>{t('rollout.phases.progress.share')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => {
            const share = launchedShare(row);
            const total = !row.level;
            return (
              <TableRow key={row.level ?? 'total'} data-testid="progress-row" data-level={row.level ?? 'TOTAL'} sx={total ? { '& td, & th': { fontWeight: 600, bgcolor: 'action.hover' } } : undefined}>
                <TableCell component="th" scope="row" sx={{ fontWeight: total ? 600 : undefined }}>
                  {levelName(row, t)}
                </TableCell>
                {COLUMNS.map((c) => (
                  <TableCell key={c} align="right" sx={c === 'late' && row.late > 0 ? { color: 'error.main', fontWeight: 600 } : undefined}>
                    {number.format(row[c])}
                  </TableCell>
                ))}
                <TableCell sx={{ display: { xs: 'none', md: 'table-cell' } }}>
                  {share === null ? (
                    <Typography variant="caption" color="text.secondary">
                      —
                    </Typography>
                  ) : (
                    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                      <LinearProgress
                        variant="determinate"
                        value={Math.min(share, 100)}
                        sx={{ flexGrow: 1, height: 6, borderRadius: 3 }}
                        color={share >= 100 ? 'success' : 'primary'}
                        aria-label={t('rollout.phases.progress.shareOf', { level: levelName(row, t), share })}
                      />
                      <Typography variant="caption" sx={{ minWidth: 36, textAlign: 'right' }}>
                        {share}%
                      </Typography>
                    </Box>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

/** Target vs enrolled vs launched vs operating per level, as grouped bars. */
export function PhaseProgressChart({ rows }: { rows: readonly RolloutLevelProgressFragment[] }) {
  const { t } = useTranslation();
  const theme = useTheme();
  const levels = rows.filter((r) => r.level);
  if (levels.every((r) => r.target === 0 && r.enrolled === 0)) {
    return (
      <Typography color="text.secondary" data-testid="progress-chart-empty">
        {t('rollout.phases.progress.chartEmpty')}
      </Typography>
    );
  }
  const series = (['target', 'enrolled', 'launched', 'operating'] as const).map((key, i) => ({
    id: key,
    dataKey: key,
    label: t(`rollout.phases.progress.${key}`),
    color: [theme.palette.grey[400], theme.palette.info.main, theme.palette.primary.main, theme.palette.success.main][i],
  }));
  return (
    <Box data-testid="progress-chart" role="figure" aria-label={t('rollout.phases.progress.chartLabel')}>
      <ChartBox height={280}>
        {(width) => (
          <BarChart
            width={width}
            height={280}
            dataset={levels.map((r) => ({ level: levelName(r, t), target: r.target, enrolled: r.enrolled, launched: r.launched, operating: r.operating }))}
            xAxis={[{ scaleType: 'band', dataKey: 'level' }]}
            yAxis={[{ tickMinStep: 1, width: 36 }]}
            series={series}
            margin={{ left: 8, right: 8, top: 16, bottom: 8 }}
            slotProps={{ legend: { direction: 'horizontal', position: { vertical: 'top', horizontal: 'center' } } }}
          />
        )}
      </ChartBox>
    </Box>
  );
}
