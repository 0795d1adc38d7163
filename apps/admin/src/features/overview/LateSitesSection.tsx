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
import type { OverviewProgrammeQuery } from '../../graphql/generated';
import { formatDate, todayIso } from '../../dates';
import { SiteStatusChip } from '../rollout/SiteStatusChip';
import { OverviewSection } from './OverviewSection';
import { daysLate } from './overviewData';
import { useNumberFormats } from './formats';

type LateSite = NonNullable<OverviewProgrammeQuery['pilotProgramme']>['lateSites'][number];

/** Sites past their planned launch that have not launched, most overdue first (as the API orders them). */
export function LateSitesSection({ sites }: { sites: readonly LateSite[] }) {
  const { t } = useTranslation();
  const fmt = useNumberFormats();
  const today = todayIso();
  return (
    <OverviewSection title={`${t('overview.lateSites.title')} (${sites.length})`} testId="late-sites-section">
      {sites.length === 0 ? (
        <Typography color="text.secondary" data-testid="late-sites-empty">
          {t('overview.lateSites.empty')}
        </Typography>
      ) : (
        <TableContainer>
          <Table size="small" aria-label={t('overview.lateSites.title')} data-testid="late-sites-table">
            <TableHead>
              <TableRow>
                <TableCell component="th" scope="col">{t('overview.lateSites.desk')}</TableCell>
                <TableCell component="th" scope="col">{t('overview.lateSites.level')}</TableCell>
                <TableCell component="th" scope="col">{t('overview.lateSites.plannedLaunch')}</TableCell>
                <TableCell component="th" scope="col" align="right">{t('overview.lateSites.daysLate')}</TableCell>
                <TableCell component="th" scope="col">{t('overview.lateSites.status')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {sites.map((site) => {
                const days = daysLate(site.plannedLaunch, today);
                return (
                  <TableRow key={site.id} data-testid="late-site-row">
                    <TableCell component="th" scope="row" sx={{ minWidth: 180 }}>
                      <Link component={RouterLink} to={`/rollout/sites/${site.id}`} data-testid="late-site-link">
                        {site.oneStopDesk.name}
                      </Link>
                      <Typography variant="caption" color="text.secondary" component="div">
                        {t('overview.lateSites.inPhase', { phase: site.phase.name })}
                      </Typography>
                    </TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{t(`levels.${site.level}`)}</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDate(site.plannedLaunch)}</TableCell>
                    <TableCell align="right" sx={{ color: 'error.main', fontWeight: 500, whiteSpace: 'nowrap' }}>
                      {t('overview.lateSites.days', { count: days, days: fmt.count(days) })}
                    </TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap', '& .MuiChip-root': { flexShrink: 0, maxWidth: 'none' } }}>
                      <SiteStatusChip status={site.status} late={site.late} />
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </OverviewSection>
  );
}
