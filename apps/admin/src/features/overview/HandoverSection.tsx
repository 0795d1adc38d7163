import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { OverviewHandoverTotalsFragment } from '../../graphql/generated';
import { OverviewBarChart } from './OverviewBarChart';
import { OverviewSection } from './OverviewSection';
import { handoverChart, hasValues, type PhaseHandover } from './overviewData';
import { useNumberFormats } from './formats';

interface HandoverSectionProps {
  phases: PhaseHandover[];
  /** The programme's totals (the last row). */
  total: OverviewHandoverTotalsFragment;
}

const COLUMNS = ['civilServantsRelieved', 'postalStaffDeployed', 'personnelHandovers', 'facilityHandovers', 'investmentTotal'] as const;

/** Civil servants relieved vs postal staff deployed, per phase: a bar chart and the numbers. */
export function HandoverSection({ phases, total }: HandoverSectionProps) {
  const { t } = useTranslation();
  const fmt = useNumberFormats();
  const chart = useMemo(
    () => handoverChart(phases, { relieved: t('overview.handover.relieved'), deployed: t('overview.handover.deployed') }),
    [phases, t],
  );
  const header: Record<(typeof COLUMNS)[number], string> = {
    civilServantsRelieved: t('overview.handover.relieved'),
    postalStaffDeployed: t('overview.handover.deployed'),
    personnelHandovers: t('overview.handover.personnelHandovers'),
    facilityHandovers: t('overview.handover.facilityHandovers'),
    investmentTotal: t('overview.handover.investment'),
  };
  const value = (totals: OverviewHandoverTotalsFragment, key: (typeof COLUMNS)[number]) => fmt.count(totals[key]);

  return (
    <OverviewSection title={t('overview.handover.title')} testId="handover-section">
      {phases.length === 0 ? (
        <Typography color="text.secondary" data-testid="handover-no-phases">
          {t('overview.handover.noPhases')}
        </Typography>
      ) : (
        <>
          {hasValues(chart.series) ? (
            <OverviewBarChart
              title={t('overview.handover.chartTitle')}
              categories={chart.categories}
              series={chart.series}
              xLabel={t('overview.handover.axisPhase')}
              yLabel={t('overview.handover.axisPeople')}
              height={280}
              testId="handover-chart"
            />
          ) : (
            <Typography color="text.secondary" sx={{ py: 1 }} data-testid="handover-no-data">
              {t('overview.handover.noData')}
            </Typography>
          )}
          <TableContainer sx={{ mt: 2 }}>
            <Table size="small" data-testid="handover-table">
              <caption style={{ captionSide: 'top', padding: '0 0 8px' }}>{t('overview.handover.tableCaption')}</caption>
              <TableHead>
                <TableRow>
                  <TableCell component="th" scope="col">
                    {t('overview.handover.phase')}
                  </TableCell>
                  {COLUMNS.map((key) => (
                    <TableCell key={key} component="th" scope="col" align="right">
                      {header[key]}
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {phases.map((phase) => (
                  <TableRow key={phase.id} data-testid="handover-row">
                    <TableCell component="th" scope="row" sx={{ minWidth: 120 }}>
                      <Link component={RouterLink} to={`/rollout/phases/${phase.id}`}>
                        {phase.name}
                      </Link>
                    </TableCell>
                    {COLUMNS.map((key) => (
                      <TableCell key={key} align="right">
                        {value(phase.handoverTotals, key)}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
                <TableRow data-testid="handover-row-total" sx={{ bgcolor: 'action.hover' }}>
                  <TableCell component="th" scope="row" sx={{ fontWeight: 600 }}>
                    {t('overview.handover.total')}
                  </TableCell>
                  {COLUMNS.map((key) => (
                    <TableCell key={key} align="right" sx={{ fontWeight: 600 }}>
                      {value(total, key)}
                    </TableCell>
                  ))}
                </TableRow>
              </TableBody>
            </Table>
          </TableContainer>
        </>
      )}
    </OverviewSection>
  );
}
