import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation, useParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import EditOutlinedIcon from '@mui/icons-material/EditOutlined';
import PauseCircleOutlineIcon from '@mui/icons-material/PauseCircleOutlined';
import DoNotDisturbOnOutlinedIcon from '@mui/icons-material/DoNotDisturbOnOutlined';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import RefreshIcon from '@mui/icons-material/Refresh';
import { SitePilotSiteDocument, type SiteDetailFragment, type SiteStatus } from '../../graphql/generated';
import { apiProblem } from '../../graphql/errors';
import { PageCrumbs, RecordPageFallback } from '../../components/RecordPage';
import { formatDate } from '../../dates';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useCanPlanRollout, useCanRecordHandover, useCanTickReadiness } from '../auth/permissions';
import { DetailList } from '../organisation/DetailList';
import { FacilityHandoverSection } from '../handover/FacilityHandoverSection';
import { HandoverTotalsPanel } from '../handover/HandoverTotalsPanel';
import { PersonnelHandoverSection } from '../handover/PersonnelHandoverSection';
import { Section } from '../handover/Section';
import { SiteEditDialog } from './SiteEditDialog';
import { SiteHistory } from './SiteHistory';
import { SiteMeetings } from './SiteMeetings';
import { SiteMoveDialog, useMoveLabel } from './SiteMoveDialog';
import { SiteReadiness, readinessOpen } from './SiteReadiness';
import { SiteStatusChip } from './SiteStatusChip';
import { SiteStepper } from './SiteStepper';

/** The order of the move buttons: along the main line first, then pause, then withdraw. */
const MOVE_ORDER: readonly SiteStatus[] = ['PLANNED', 'PREPARING', 'LAUNCHED', 'OPERATING', 'REVIEWED', 'SUSPENDED', 'WITHDRAWN'];

function Crumbs({ site }: { site?: SiteDetailFragment | null }) {
  const { t } = useTranslation();
  return (
    <PageCrumbs
      label={t('rollout.site.breadcrumbs')}
      items={[
        { label: t('nav.rollout'), href: '/rollout' },
        site && { label: site.programme.code, href: `/rollout/programmes/${site.programme.id}` },
        site && { label: site.phase.name, href: `/rollout/phases/${site.phase.id}` },
        site && { label: site.oneStopDesk.name },
      ]}
    />
  );
}

/**
 * Đơn vị thí điểm (/rollout/sites/:id): the whole story of one site on one page: what and where it
 * is, where it stands (stepper and moves), its readiness checklist, handovers of staff and facilities
 * with their totals, its history and the steering meetings that touched it.
 */
export function SitePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { hash } = useLocation();
  const { data, loading, error, refetch } = useQuery(SitePilotSiteDocument, { variables: { id }, fetchPolicy: 'cache-and-network', notifyOnNetworkStatusChange: true });
  const site = data?.pilotSite;
  useDocumentTitle(site?.oneStopDesk.name ?? t('rollout.site.title'));
  const canPlan = useCanPlanRollout();
  const canTick = useCanTickReadiness();
  const canRecord = useCanRecordHandover();
  const moveLabel = useMoveLabel();
  const [moving, setMoving] = useState<SiteStatus | null>(null);
  const [editing, setEditing] = useState(false);
  const [unmet, setUnmet] = useState<string[]>([]);
  const reload = () => void refetch();

  // A link to one handover (#handover-<id>, from the Chuyển giao lists) scrolls to it once loaded.
  const loaded = Boolean(site);
  useEffect(() => {
    if (!loaded || !hash) return;
    document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView({ block: 'start' });
  }, [loaded, hash]);

  const problem = apiProblem(error);
  if (!site) {
    return (
      <RecordPageFallback
        crumbs={<Crumbs />}
        problem={problem}
        problemAlert={
          problem && (
            <Alert
              severity="error"
              role="alert"
              action={
                <Button color="inherit" size="small" startIcon={<RefreshIcon />} onClick={reload}>
                  {t('rollout.site.retry')}
                </Button>
              }
            >
              {problem.code === 'NETWORK' ? t('errors.network') : problem.message}
            </Alert>
          )
        }
        loading={loading || !data}
        loadingLabel={t('rollout.site.loading')}
        skeleton={{ titleWidth: '50%', titleHeight: 44, blocks: [120, 280] }}
        notFound={{ title: t('rollout.site.notFound'), backHref: '/rollout', backLabel: t('rollout.site.backToRollout'), testId: 'site-not-found' }}
      />
    );
  }

  const desk = site.oneStopDesk;
  const moves = MOVE_ORDER.filter((s) => site.allowedMoves.includes(s));
  const editable = canPlan && readinessOpen(site.status, site.launchedOn);
  const pendingUnmet = unmet.filter((key) => site.readiness.some((r) => r.key === key && !r.done));
  const agencyName = desk.agency.name;
  const office = site.postOffice;

  return (
    <Box data-testid="site-page">
      <Crumbs site={site} />
      <Stack direction={{ xs: 'column', xl: 'row' }} spacing={2} sx={{ alignItems: { xl: 'flex-start' }, justifyContent: 'space-between', mb: 2 }}>
        <Box sx={{ minWidth: 0 }}>
          <Typography variant="h1" sx={{ overflowWrap: 'anywhere', mb: 0.5 }} data-testid="site-name">
            {desk.name}
          </Typography>
          <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 0.5 }}>
            <SiteStatusChip status={site.status} late={site.late} />
            <Typography variant="body2" color="text.secondary">
              {t('rollout.site.subtitle', {
                level: t(`levels.${site.level}`),
                model: t(`rollout.labels.handoverModel.${site.handoverModel}`),
                date: formatDate(site.statusSince),
              })}
            </Typography>
          </Stack>
        </Box>
        {((canPlan && moves.length > 0) || editable) && (
          <Stack
            direction="row"
            spacing={1}
            useFlexGap
            sx={{ flexWrap: 'wrap', rowGap: 1, flexShrink: 0 }}
            aria-label={t('rollout.site.move.actionsLabel')}
            role="group"
          >
            {canPlan &&
              moves.map((to) => {
                const side = to === 'SUSPENDED' || to === 'WITHDRAWN';
                return (
                  <Button
                    key={to}
                    variant={side ? 'outlined' : 'contained'}
                    color={to === 'WITHDRAWN' ? 'error' : to === 'SUSPENDED' ? 'warning' : 'primary'}
                    startIcon={to === 'SUSPENDED' ? <PauseCircleOutlineIcon /> : to === 'WITHDRAWN' ? <DoNotDisturbOnOutlinedIcon /> : <PlayArrowIcon />}
                    onClick={() => setMoving(to)}
                    data-testid={`site-move-${to}`}
                  >
                    {moveLabel(site.status, to, site.suspendedFrom)}
                  </Button>
                );
              })}
            {editable && (
              <Button variant="outlined" startIcon={<EditOutlinedIcon />} onClick={() => setEditing(true)} data-testid="site-edit">
                {t('rollout.site.edit.button')}
              </Button>
            )}
          </Stack>
        )}
      </Stack>

      {problem && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {problem.code === 'NETWORK' ? t('errors.network') : problem.message}
        </Alert>
      )}

      <Stack spacing={2}>
        <Section title={t('rollout.site.sections.progress')} id="site-progress">
          <SiteStepper status={site.status} statusSince={site.statusSince} suspendedFrom={site.suspendedFrom} history={site.history} />
        </Section>

        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 3fr) minmax(0, 2fr)' }, gap: 2, alignItems: 'start' }}>
          <Section title={t('rollout.site.sections.details')} id="site-details">
            <DetailList
              items={[
                {
                  label: t('rollout.site.fields.desk'),
                  value: (
                    <Link component={RouterLink} to={`/organisation/desks/${desk.id}`} data-testid="site-desk-link">
                      {desk.name}
                    </Link>
                  ),
                },
                { label: t('rollout.site.fields.agency'), value: agencyName },
                { label: t('rollout.site.fields.unit'), value: desk.administrativeUnit.name },
                { label: t('rollout.site.fields.level'), value: t(`levels.${site.level}`) },
                {
                  label: t('rollout.site.fields.programme'),
                  value: (
                    <Link component={RouterLink} to={`/rollout/programmes/${site.programme.id}`} data-testid="site-programme-link">
                      {site.programme.code} · {site.programme.name}
                    </Link>
                  ),
                },
                {
                  label: t('rollout.site.fields.phase'),
                  value: (
                    <Link component={RouterLink} to={`/rollout/phases/${site.phase.id}`} data-testid="site-phase-link">
                      {site.phase.name}
                    </Link>
                  ),
                },
                {
                  label: t('rollout.site.fields.handoverModel'),
                  value: (
                    <>
                      {t(`rollout.labels.handoverModel.${site.handoverModel}`)}
                      <Typography variant="caption" color="text.secondary" component="div">
                        {t(`rollout.labels.handoverModelHint.${site.handoverModel}`)}
                      </Typography>
                    </>
                  ),
                },
                {
                  label: t('rollout.site.fields.postOffice'),
                  value: office ? (
                    <Link component={RouterLink} to={`/organisation/post-offices/${office.id}`}>
                      {office.name}
                    </Link>
                  ) : (
                    <Typography variant="body2" color="text.secondary" component="span">
                      {t('rollout.site.noPostOffice')}
                    </Typography>
                  ),
                },
                {
                  label: t('rollout.site.fields.plannedLaunch'),
                  value: site.plannedLaunch ? (
                    <Stack direction="row" spacing={1} component="span" sx={{ alignItems: 'center' }}>
                      <span>{formatDate(site.plannedLaunch)}</span>
                      {site.late && (
                        <Typography variant="caption" color="error" component="span">
                          {t('rollout.labels.late')}
                        </Typography>
                      )}
                    </Stack>
                  ) : (
                    '—'
                  ),
                },
                { label: t('rollout.site.fields.launchedOn'), value: site.launchedOn ? formatDate(site.launchedOn) : t('rollout.site.notLaunched') },
                {
                  label: t('rollout.site.fields.status'),
                  value: (
                    <Stack direction="row" spacing={1} useFlexGap component="span" sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                      <SiteStatusChip status={site.status} late={site.late} />
                      <span>{t('rollout.site.since', { date: formatDate(site.statusSince) })}</span>
                    </Stack>
                  ),
                },
                { label: t('rollout.site.fields.note'), value: site.note || '—' },
              ]}
            />
          </Section>
          <Section
            title={t('rollout.site.sections.readiness')}
            subtitle={readinessOpen(site.status, site.launchedOn) ? t('rollout.site.readiness.hint') : undefined}
            id="site-readiness"
          >
            <SiteReadiness site={site} canTick={canTick} unmet={pendingUnmet} onReload={reload} />
          </Section>
        </Box>

        <Section title={t('rollout.site.sections.totals')} subtitle={t('rollout.site.totalsHint')} id="site-totals">
          <HandoverTotalsPanel totals={site.handoverTotals} testId="site-totals" />
        </Section>

        <PersonnelHandoverSection
          siteId={site.id}
          handovers={site.personnelHandovers}
          canRecord={canRecord}
          canCreate={site.status !== 'WITHDRAWN'}
          defaults={{ relievedEmployer: agencyName, deployedEmployer: office?.name }}
          onReload={reload}
        />
        <FacilityHandoverSection
          siteId={site.id}
          handovers={site.facilityHandovers}
          canRecord={canRecord}
          canCreate={site.status !== 'WITHDRAWN'}
          defaults={{
            before: desk.address ? { address: desk.address, owner: agencyName } : undefined,
            after: site.handoverModel === 'AT_POST_OFFICE' && office ? { address: office.address ?? '', owner: office.name } : undefined,
            organisations: [agencyName, office?.name ?? ''],
          }}
          onReload={reload}
        />

        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 1fr) minmax(0, 1fr)' }, gap: 2, alignItems: 'start' }}>
          <Section title={t('rollout.site.sections.history')} subtitle={t('rollout.site.history.count', { count: site.history.length })} id="site-history">
            <SiteHistory history={site.history} />
          </Section>
          <Section title={t('rollout.site.sections.meetings')} id="site-meetings">
            <SiteMeetings siteId={site.id} meetings={site.meetings} />
          </Section>
        </Box>
      </Stack>

      {moving && (
        <SiteMoveDialog
          site={{ ...site, name: desk.name }}
          to={moving}
          onClose={() => setMoving(null)}
          onReload={reload}
          onUnmet={(keys) => {
            setUnmet(keys);
          }}
        />
      )}
      {editing && <SiteEditDialog site={site} onClose={() => setEditing(false)} onReload={reload} />}
    </Box>
  );
}
