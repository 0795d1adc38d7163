import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import ScheduleIcon from '@mui/icons-material/Schedule';
import { MyWorkplaceDocument, type MyWorkplaceQuery, type Role } from '../../graphql/generated';
import { apiProblem } from '../../graphql/errors';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { DetailList, type DetailItem } from '../../features/organisation/DetailList';
import { HandoverList, RecentChanges, SiteList, siteHref } from '../../features/workplace/WorkplacePanels';
import { useWorkplaceSites, type Workplace } from '../../features/workplace/useWorkplaceSites';

type Me = MyWorkplaceQuery['me'];

/** The person's workplace: the post office for a manager, the desk for a clerk, the agency for an officer. */
export function workplaceOf(me: Pick<Me, 'roles' | 'oneStopDesk' | 'agency' | 'postOffice'>): Workplace | null {
  const order: Array<[Role, Workplace['kind'], { id: string } | null | undefined]> = [
    ['POST_OFFICE_MANAGER', 'postOffice', me.postOffice],
    ['COUNTER_CLERK', 'desk', me.oneStopDesk],
    ['AGENCY_OFFICER', 'agency', me.agency],
  ];
  const byRole = order.find(([role, , record]) => me.roles.includes(role) && record);
  const any = byRole ?? order.find(([, , record]) => record);
  return any ? { kind: any[1], id: any[2]!.id } : null;
}

/** A home lists this many sites and handovers; the workplace's page lists them all. */
const HOME_LIMIT = 5;

const workplaceHref = (w: Workplace) =>
  w.kind === 'desk' ? `/organisation/desks/${w.id}` : w.kind === 'agency' ? `/organisation/agencies/${w.id}` : `/organisation/post-offices/${w.id}`;

interface Action {
  key: 'openDesk' | 'openAgency' | 'openPostOffice' | 'openSite' | 'handover' | 'rollout' | 'organisation' | 'dossiers' | 'pickups' | 'staff';
  href?: string;
}

/**
 * What the person can do today, as links to the pages their roles may use; the areas still to come
 * that will serve them are listed, marked "Sắp có" (as in the navigation, layout/areas.ts).
 */
function actionsFor(roles: readonly Role[], workplace: Workplace | null, siteId: string | undefined): Action[] {
  const actions: Action[] = [];
  if (workplace) {
    const open = ({ desk: 'openDesk', agency: 'openAgency', postOffice: 'openPostOffice' } as const)[workplace.kind];
    actions.push({ key: open, href: workplaceHref(workplace) });
  }
  if (siteId) actions.push({ key: 'openSite', href: siteHref(siteId) });
  if (roles.includes('POST_OFFICE_MANAGER')) {
    actions.push({ key: 'handover', href: '/handover' }, { key: 'rollout', href: '/rollout' });
  }
  actions.push({ key: 'organisation', href: '/organisation' });
  if (roles.includes('POST_OFFICE_MANAGER')) actions.push({ key: 'staff', href: '/staff' });
  if (roles.some((r) => r === 'COUNTER_CLERK' || r === 'AGENCY_OFFICER' || r === 'POST_OFFICE_MANAGER')) actions.push({ key: 'dossiers', href: '/dossiers' });
  if (roles.includes('POST_OFFICE_MANAGER')) actions.push({ key: 'pickups', href: '/dossiers/pickups' });
  return actions;
}

function HomeCard({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <Card variant="outlined" component="section" aria-label={title} data-testid={testId}>
      <CardContent>
        <Typography variant="h2" component="h2" sx={{ fontSize: '1.125rem', fontWeight: 500, mb: 1.5 }}>
          {title}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
}

/** What the workplace is: name (linked to its page), code, unit, province; whose desk, whom the post office reports to. */
function WorkplaceCard({ me, workplace }: { me: Me; workplace: Workplace }) {
  const { t } = useTranslation();
  const record = workplace.kind === 'desk' ? me.oneStopDesk : workplace.kind === 'agency' ? me.agency : me.postOffice;
  if (!record) return null;
  const items: Array<DetailItem | false | null | undefined> = [
    { label: t('organisation.fields.code'), value: <code>{record.code}</code> },
    me.oneStopDesk && workplace.kind === 'desk' && { label: t('organisation.fields.agency'), value: me.oneStopDesk.agency.name },
    me.agency && workplace.kind === 'agency' && { label: t('organisation.fields.kind'), value: t(`agencyKinds.${me.agency.kind}`) },
    me.postOffice && workplace.kind === 'postOffice' && { label: t('organisation.fields.kind'), value: t(`postOfficeKinds.${me.postOffice.kind}`) },
    me.postOffice?.parent && workplace.kind === 'postOffice' && { label: t('organisation.fields.parentPostOffice'), value: me.postOffice.parent.name },
    { label: t('organisation.fields.unit'), value: record.administrativeUnit.name },
    { label: t('organisation.fields.province'), value: record.province.name },
  ];
  return (
    <HomeCard title={t('workplace.cards.workplace')} testId="home-workplace">
      <Typography variant="overline" color="text.secondary" component="div">
        {t(`workplace.kind.${workplace.kind}`)}
      </Typography>
      <Link component={RouterLink} to={workplaceHref(workplace)} variant="h6" sx={{ display: 'block', mb: 1.5, overflowWrap: 'anywhere' }} data-testid="home-workplace-name">
        {record.name}
      </Link>
      <DetailList items={items.filter((item): item is DetailItem => Boolean(item))} />
    </HomeCard>
  );
}

function ActionsCard({ actions }: { actions: Action[] }) {
  const { t } = useTranslation();
  return (
    <HomeCard title={t('workplace.cards.actions')} testId="home-actions">
      <List disablePadding dense>
        {actions.map((action) =>
          action.href ? (
            <ListItem key={action.key} disablePadding>
              <ListItemButton component={RouterLink} to={action.href} data-testid={`home-action-${action.key}`} sx={{ px: 1 }}>
                <ListItemText primary={t(`workplace.actions.${action.key}`)} />
                <ListItemIcon sx={{ minWidth: 0 }}>
                  <ChevronRightIcon fontSize="small" />
                </ListItemIcon>
              </ListItemButton>
            </ListItem>
          ) : (
            <ListItem key={action.key} data-testid={`home-action-${action.key}`} data-coming="true" sx={{ px: 1, color: 'text.secondary' }}>
              <ListItemText primary={t(`workplace.actions.${action.key}`)} />
              <Chip size="small" variant="outlined" icon={<ScheduleIcon />} label={t('workplace.coming')} />
            </ListItem>
          ),
        )}
      </List>
    </HomeCard>
  );
}

/**
 * The home of a counter clerk, an agency officer or a post office manager: their own desk, agency or
 * post office, its pilot site and status, what they can do today, what changed lately, and the
 * handover records. (The committee and administrators land on the province's overview instead.)
 */
export default function HomePage() {
  const { t } = useTranslation();
  const { data, loading, error } = useQuery(MyWorkplaceDocument);
  const me = data?.me;
  const workplace = me ? workplaceOf(me) : null;
  const { sites, loading: sitesLoading, error: sitesError } = useWorkplaceSites(workplace);
  useDocumentTitle(t('nav.home'));
  const problem = apiProblem(error);

  if (problem) return <Alert severity="error">{problem.code === 'NETWORK' ? t('errors.network') : problem.message}</Alert>;
  if (loading || !me) return <LinearProgress aria-label={t('status.loading')} />;

  const roles = me.roles.map((role) => t(`roles.${role}`)).join(', ');
  const actions = actionsFor(me.roles, workplace, sites.length === 1 ? sites[0].id : undefined);
  const sitesBody = sitesLoading ? (
    <LinearProgress aria-label={t('status.loading')} />
  ) : sitesError ? (
    <Alert severity="error">{t('workplace.loadError')}</Alert>
  ) : null;

  return (
    <Stack spacing={3} data-testid="home-page" data-workplace={workplace?.kind ?? 'none'}>
      <div>
        <Typography variant="h1" gutterBottom sx={{ overflowWrap: 'anywhere' }}>
          {t('workplace.greeting', { name: me.displayName })}
        </Typography>
        <Typography color="text.secondary">
          {roles}
          {me.scope && ` · ${me.scope.name}`}
        </Typography>
        {workplace && (
          <Typography color="text.secondary" sx={{ mt: 0.5 }}>
            {t(`workplace.intro.${workplace.kind}`)}
          </Typography>
        )}
      </div>
      {!workplace && (
        <Alert severity="info" data-testid="home-no-workplace">
          {t('workplace.noWorkplace')}
        </Alert>
      )}
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'minmax(0, 3fr) minmax(0, 2fr)' }, alignItems: 'start' }}>
        <Stack spacing={2} sx={{ minWidth: 0 }}>
          {workplace && <WorkplaceCard me={me} workplace={workplace} />}
          {workplace && (
            <HomeCard title={t('workplace.cards.sites')} testId="home-sites">
              {sitesBody ?? <SiteList sites={sites} empty={t(`workplace.noSite.${workplace.kind}`)} limit={HOME_LIMIT} moreHref={workplaceHref(workplace)} />}
            </HomeCard>
          )}
          {workplace && (
            <HomeCard title={t('workplace.cards.handovers')} testId="home-handovers">
              {sitesBody ?? <HandoverList sites={sites} empty={t('workplace.noHandover')} limit={HOME_LIMIT} moreHref={workplaceHref(workplace)} />}
            </HomeCard>
          )}
        </Stack>
        <Stack spacing={2} sx={{ minWidth: 0 }}>
          <ActionsCard actions={actions} />
          {workplace && (
            <HomeCard title={t('workplace.cards.changes')} testId="home-changes">
              {sitesBody ?? <RecentChanges sites={sites} empty={t('workplace.noChange')} />}
            </HomeCard>
          )}
        </Stack>
      </Box>
    </Stack>
  );
}
