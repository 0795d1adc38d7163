import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import LinearProgress from '@mui/material/LinearProgress';
import { DetailSection } from '../organisation/DetailPage';
import { useCanReadAudit } from '../auth/permissions';
import { HandoverList, RecentChanges, SiteList } from './WorkplacePanels';
import { useWorkplaceSites, type Workplace } from './useWorkplaceSites';

/**
 * What hangs on a desk, an agency or a post office, for its page: the pilot site(s) with their status,
 * their handovers, and (for those who may not read the audit trail) the sites' status history.
 * Counters, staff and dossiers join here as their modules arrive.
 */
export function WorkplaceSections({ workplace }: { workplace: Workplace }) {
  const { t } = useTranslation();
  const { sites, loading, error } = useWorkplaceSites(workplace);
  const canReadAudit = useCanReadAudit();
  return (
    <div data-testid="workplace-sections">
      <DetailSection title={t(`workplace.sections.sites.${workplace.kind}`)}>
        {loading && <LinearProgress aria-label={t('status.loading')} />}
        {Boolean(error) && <Alert severity="error">{t('workplace.loadError')}</Alert>}
        {!loading && !error && <SiteList sites={sites} empty={t(`workplace.noSite.${workplace.kind}`)} />}
      </DetailSection>
      <DetailSection title={t('workplace.sections.handovers')}>
        {!loading && !error && <HandoverList sites={sites} empty={t('workplace.noHandover')} />}
      </DetailSection>
      {!canReadAudit && (
        <DetailSection title={t('workplace.sections.siteHistory')}>
          {!loading && !error && <RecentChanges sites={sites} empty={t('workplace.noChange')} limit={20} />}
        </DetailSection>
      )}
    </div>
  );
}
