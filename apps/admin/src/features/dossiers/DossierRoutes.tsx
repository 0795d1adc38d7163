import { useTranslation } from 'react-i18next';
import { Link, Outlet, Route, Routes, useLocation } from 'react-router';
import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import type { Role } from '../../graphql/generated';
import { useSession } from '../auth/SessionContext';
import { NoAccessPage } from '../../pages/NoAccessPage';
import { DossierListPage } from './DossierListPage';
import { DossierPage } from './DossierPage';
import { DossierQueuePage } from './DossierQueuePage';
import { PickupQueuePage } from './PickupQueuePage';
import ReceptionPage from './ReceptionPage';
import { SatisfactionPage } from './SatisfactionPage';

/** Who receives dossiers (the API's receivers): a desk's clerk, a post office's manager. */
const RECEIVERS: readonly Role[] = ['COUNTER_CLERK', 'POST_OFFICE_MANAGER'];

/** Who reads the satisfaction ratings under Hồ sơ. */
const SATISFACTION_READERS: readonly Role[] = ['COUNTER_CLERK', 'POST_OFFICE_MANAGER'];

/** The tabs of Hồ sơ, each for the roles that use it. */
export const DOSSIER_SECTIONS = [
  { key: 'list', path: '/dossiers', roles: null },
  { key: 'new', path: '/dossiers/new', roles: RECEIVERS },
  { key: 'queue', path: '/dossiers/queue', roles: ['AGENCY_OFFICER'] as readonly Role[] },
  { key: 'pickups', path: '/dossiers/pickups', roles: ['POST_OFFICE_MANAGER'] as readonly Role[] },
  // The ratings of their desk (a clerk) or of the dossiers their post offices took in (a manager); the
  // committee and administrators read the province's under Quản trị.
  { key: 'satisfaction', path: '/dossiers/satisfaction', roles: SATISFACTION_READERS },
] as const;

function useSections() {
  const { user } = useSession();
  const roles = user?.roles ?? [];
  return DOSSIER_SECTIONS.filter((s) => !s.roles || s.roles.some((r) => roles.includes(r)));
}

/** Hồ sơ: a tab per section (the officer's queue, the reception, the grid); a dossier's page under them. */
function DossiersLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const sections = useSections();
  const current = sections.find((s) => pathname === s.path || pathname === `${s.path}/`);
  return (
    <>
      <Typography variant="h1" gutterBottom>
        {t('nav.dossiers')}
      </Typography>
      <Box sx={{ borderBottom: 1, borderColor: 'divider', mb: 3 }}>
        <Tabs value={current?.key ?? false} variant="scrollable" allowScrollButtonsMobile aria-label={t('dossiers.sectionsLabel')}>
          {sections.map((s) => (
            <Tab key={s.key} value={s.key} label={t(`dossiers.sections.${s.key}`)} component={Link} to={s.path} data-testid={`dossier-tab-${s.key}`} />
          ))}
        </Tabs>
      </Box>
      <Outlet />
    </>
  );
}

/** The pickup queue is the post office's (the API refuses others). */
function PostOfficesOnly() {
  const { user } = useSession();
  return user?.roles.includes('POST_OFFICE_MANAGER') ? <PickupQueuePage /> : <NoAccessPage />;
}

function SatisfactionReadersOnly() {
  const { user } = useSession();
  return user?.roles.some((r) => SATISFACTION_READERS.includes(r)) ? <SatisfactionPage /> : <NoAccessPage />;
}

function ReceiversOnly() {
  const { user } = useSession();
  return user?.roles.some((r) => RECEIVERS.includes(r)) ? <ReceptionPage /> : <NoAccessPage />;
}

/** Hồ sơ (/dossiers), loaded on first visit. */
export default function DossierRoutes() {
  return (
    <Routes>
      <Route element={<DossiersLayout />}>
        <Route index element={<DossierListPage />} />
        <Route path="new" element={<ReceiversOnly />} />
        <Route path="queue" element={<DossierQueuePage />} />
        <Route path="pickups" element={<PostOfficesOnly />} />
        <Route path="satisfaction" element={<SatisfactionReadersOnly />} />
      </Route>
      <Route path=":id" element={<DossierPage />} />
    </Routes>
  );
}
