import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useQuery } from '@apollo/client/react';
import Typography from '@mui/material/Typography';
import { DossierListDocument, type DossierFilter } from '../../graphql/generated';
import { ListGrid } from '../../components/ListGrid';
import { useCursorPages, useGridPage } from '../../hooks/useCursorPages';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { dossierHref, useDossierColumns } from './DossierListPage';
import { QUEUE_STATUSES } from './labels';

/** One part of the queue (overdue or on time), server-paginated. */
function QueuePart({ overdue, title, testId }: { overdue: boolean; title: string; testId: string }) {
  const navigate = useNavigate();
  const columns = useDossierColumns();
  const filter: DossierFilter = { statuses: [...QUEUE_STATUSES], overdue };
  const pages = useCursorPages(JSON.stringify(filter), 10);
  const result = useQuery(DossierListDocument, { variables: { first: pages.first, after: pages.after, filter } });
  const page = useGridPage(pages, result, result.data?.dossiers, result.previousData?.dossiers);
  return (
    <section aria-label={title}>
      <Typography variant="h3" sx={{ fontSize: '1rem', fontWeight: 500, mt: 3, mb: 1, color: overdue ? 'error.main' : undefined }} data-testid={`${testId}-title`}>
        {title}
        {page.connection ? ` · ${page.connection.totalCount}` : ''}
      </Typography>
      <ListGrid label={title} testId={testId} columns={columns} {...page.grid} onOpen={(row) => void navigate(dossierHref(row))} />
    </section>
  );
}

/**
 * Hồ sơ chờ xử lý: the agency officer's queue, their agency's dossiers needing a decision (processing,
 * awaiting the financial obligation, withdrawal requested); the overdue ones first, in a list of their own.
 * (The API keeps an officer to their agency's dossiers.)
 */
export function DossierQueuePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('dossiers.queue.title'));
  return (
    <>
      <Typography variant="body2" color="text.secondary">
        {t('dossiers.queue.intro')}
      </Typography>
      <QueuePart overdue title={t('dossiers.queue.overdue')} testId="dossier-queue-overdue" />
      <QueuePart overdue={false} title={t('dossiers.queue.onTime')} testId="dossier-queue-on-time" />
    </>
  );
}
