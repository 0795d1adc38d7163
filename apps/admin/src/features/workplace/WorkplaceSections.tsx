import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import BadgeOutlined from '@mui/icons-material/BadgeOutlined';
import FolderOpenOutlined from '@mui/icons-material/FolderOpenOutlined';
import { MyWorkplaceDocument } from '../../graphql/generated';
import { DetailSection } from '../organisation/DetailPage';
import { useCanReadAudit } from '../auth/permissions';
import { useSession } from '../auth/SessionContext';
import { AREAS, canOpenArea } from '../../layout/areas';
import { HandoverList, RecentChanges, SiteList } from './WorkplacePanels';
import { useWorkplaceSites, type Workplace } from './useWorkplaceSites';

/**
 * Where the lists of other modules show what hangs on a workplace, filtered to it: the staff register
 * by desk (deployed there today), post office or agency (employed there), the dossier grid by desk.
 */
const RELATED: Readonly<Record<'staff' | 'dossiers', Partial<Record<Workplace['kind'], (id: string) => string>>>> = {
  staff: {
    desk: (id) => `/staff/people?desk=${encodeURIComponent(id)}`,
    postOffice: (id) => `/staff/people?po=${encodeURIComponent(id)}`,
    agency: (id) => `/staff/people?agency=${encodeURIComponent(id)}`,
  },
  dossiers: { desk: (id) => `/dossiers?desk=${encodeURIComponent(id)}` },
};

/**
 * What hangs on a desk, an agency or a post office, for its page: the pilot site(s) with their status,
 * their handovers, (for those who may not read the audit trail) the sites' status history, and links to
 * its staff and dossiers for the roles that may open those areas. The desk's counters and roster are
 * sections of the desk's page (DeskCountersSection, DeskRosterLink).
 */
export function WorkplaceSections({ workplace }: { workplace: Workplace }) {
  const { t } = useTranslation();
  const { sites, loading, error } = useWorkplaceSites(workplace);
  const canReadAudit = useCanReadAudit();
  const roles = useSession().user?.roles;
  // A counter clerk's grid is their own desk's, with no desk filter to show: the link is on that desk only.
  const clerk = Boolean(roles?.includes('COUNTER_CLERK'));
  const { data: mine } = useQuery(MyWorkplaceDocument, { skip: !clerk || workplace.kind !== 'desk' });
  const related = (['staff', 'dossiers'] as const).flatMap((key) => {
    const href = RELATED[key][workplace.kind];
    const area = AREAS.find((a) => a.key === key);
    if (key === 'dossiers' && clerk && mine?.me.oneStopDesk?.id !== workplace.id) return [];
    return href && area && canOpenArea(area, roles) ? [{ key, href: href(workplace.id) }] : [];
  });
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
      {related.length > 0 && (
        <DetailSection title={t('workplace.sections.related')}>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
            {related.map(({ key, href }) => (
              <Button
                key={key}
                component={RouterLink}
                to={href}
                variant="outlined"
                startIcon={key === 'staff' ? <BadgeOutlined /> : <FolderOpenOutlined />}
                data-testid={`workplace-${key}-link`}
              >
                {t(`workplace.related.${key}.${workplace.kind}` as 'workplace.related.staff.desk')}
              </Button>
            ))}
          </Stack>
        </DetailSection>
      )}
    </div>
  );
}
