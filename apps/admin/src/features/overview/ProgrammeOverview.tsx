import { useTranslation } from 'react-i18next';
import { useQuery } from '@apollo/client/react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { OverviewActionItemsDocument, OverviewProgrammeDocument } from '../../graphql/generated';
import { apiProblem } from '../../graphql/errors';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ActionItemsSection } from './ActionItemsSection';
import { HandoverSection } from './HandoverSection';
import { HeadlineCards } from './HeadlineCards';
import { LateSitesSection } from './LateSitesSection';
import { ProgressSection } from './ProgressSection';
import { progressTable } from './overviewData';
import { useRefetchErrorOnLanguageChange } from './formats';

/** How many open action items the overview lists (the API's page limit). */
export const ACTION_ITEMS_SHOWN = 100;

/** The overview of one programme: headline cards, progress by phase and level, late sites, open tasks, staff handed over. */
export function ProgrammeOverview({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const programmeQuery = useQuery(OverviewProgrammeDocument, { variables: { id: programmeId }, fetchPolicy: 'cache-and-network', notifyOnNetworkStatusChange: true });
  const itemsQuery = useQuery(OverviewActionItemsDocument, { variables: { programmeId, first: ACTION_ITEMS_SHOWN }, fetchPolicy: 'cache-and-network' });
  useRefetchErrorOnLanguageChange(programmeQuery.error, programmeQuery.refetch);
  useRefetchErrorOnLanguageChange(itemsQuery.error, itemsQuery.refetch);

  const programme = programmeQuery.data?.pilotProgramme;
  const problem = apiProblem(programmeQuery.error);
  if (problem) {
    return (
      <Stack spacing={1} sx={{ alignItems: 'flex-start' }} data-testid="overview-error">
        <ProblemAlert problem={problem} />
        <Button onClick={() => void programmeQuery.refetch()} loading={programmeQuery.loading}>
          {t('overview.retry')}
        </Button>
      </Stack>
    );
  }
  if (programmeQuery.loading && !programme) {
    return (
      <Box aria-busy="true" aria-label={t('overview.loading')} data-testid="overview-loading">
        <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(210px, 1fr))', gap: 2, mb: 3 }}>
          {Array.from({ length: 7 }, (_, i) => (
            <Skeleton key={i} variant="rounded" height={120} />
          ))}
        </Box>
        <Skeleton variant="rounded" height={360} />
      </Box>
    );
  }
  if (!programme) {
    return (
      <Paper variant="outlined" sx={{ p: 3 }} data-testid="programme-not-found">
        <Typography>{t('overview.programme.notFound')}</Typography>
      </Paper>
    );
  }

  const total = progressTable(programme.progress).total;
  const items = itemsQuery.data;
  return (
    <Stack spacing={3} data-testid="programme-overview">
      <HeadlineCards
        total={total}
        handover={programme.handoverTotals}
        openItems={items?.actionItems.totalCount}
        overdueItems={items?.overdueActionItems.totalCount}
      />
      <ProgressSection programmeId={programme.id} progress={programme.progress} phases={programme.phases} />
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', xl: '1fr 1fr' }, gap: 3, alignItems: 'start' }}>
        <LateSitesSection sites={programme.lateSites} />
        <ActionItemsSection
          items={items?.actionItems}
          loading={itemsQuery.loading}
          problem={apiProblem(itemsQuery.error)}
          onRetry={() => void itemsQuery.refetch()}
        />
      </Box>
      <HandoverSection phases={programme.phases} total={programme.handoverTotals} />
    </Stack>
  );
}
