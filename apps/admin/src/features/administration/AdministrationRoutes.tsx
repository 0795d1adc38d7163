import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import type { Role } from '../../graphql/generated';
import { NoAccessPage } from '../../pages/NoAccessPage';
import { NotFoundPage } from '../../pages/NotFoundPage';
import { useSession } from '../auth/SessionContext';
import { canManageProcedureFields, canManageUsers, canOpenAdministration, canReadAudit } from '../auth/permissions';
import { ApiClientPage } from './ApiClientPage';
import { ApiClientsPage } from './ApiClientsPage';
import { AuditPage } from './AuditPage';
import { ProcedureFieldsPage } from './ProcedureFieldsPage';
import { UsersPage } from './UsersPage';
import { WorkingCalendarPage } from './WorkingCalendarPage';
import { SatisfactionPage } from '../dossiers/SatisfactionPage';

/** The sections of Quản trị; `allowed` by roles and whether the person is national (no scope unit). */
export const ADMIN_SECTIONS = [
  { key: 'users', path: '/administration/users', allowed: (roles: readonly Role[]) => canManageUsers(roles) },
  { key: 'audit', path: '/administration/audit', allowed: (roles: readonly Role[]) => canReadAudit(roles) },
  // The portals that act for the province: its administrators (the API refuses everyone else).
  { key: 'apiClients', path: '/administration/api-clients', allowed: (roles: readonly Role[]) => canManageUsers(roles) },
  { key: 'procedureFields', path: '/administration/procedure-fields', allowed: (roles: readonly Role[], national: boolean) => canManageProcedureFields(roles, national) },
  // Read by whoever opens Quản trị; its adjustments edited by national administrators only (the page says so to the others).
  { key: 'workingCalendar', path: '/administration/working-calendar', allowed: (roles: readonly Role[]) => canOpenAdministration(roles) },
  // The province's satisfaction ratings per desk and clerk (the page of Hồ sơ, which the committee and administrators do not open).
  { key: 'satisfaction', path: '/administration/satisfaction', allowed: (roles: readonly Role[]) => canReadAudit(roles) },
] as const;

function useAllowedSections() {
  const { user } = useSession();
  const roles: readonly Role[] = user?.roles ?? [];
  const national = user !== null && user.scope === null;
  return ADMIN_SECTIONS.filter((s) => s.allowed(roles, national));
}

/** Quản trị: the first section the person may use, or "no access". */
function AdministrationIndex() {
  const [first] = useAllowedSections();
  return first ? <Navigate to={first.path} replace /> : <NoAccessPage />;
}

/** Heading and one tab per section the person may use; a section they may not use is a plain "no access". */
function AdministrationLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const allowed = useAllowedSections();
  const current = ADMIN_SECTIONS.find((s) => pathname === s.path || pathname.startsWith(`${s.path}/`));
  if (current && !allowed.includes(current)) return <NoAccessPage />;
  return (
    <>
      <Typography variant="h1" gutterBottom>
        {t('nav.administration')}
      </Typography>
      <Box sx={{ borderBottom: 1, borderColor: 'divider', mb: 3 }}>
        <Tabs value={current?.key ?? false} variant="scrollable" allowScrollButtonsMobile aria-label={t('administration.sectionsLabel')}>
          {allowed.map((s) => (
            <Tab key={s.key} value={s.key} label={t(`administration.sections.${s.key}`)} component={Link} to={s.path} data-testid={`admin-tab-${s.key}`} />
          ))}
        </Tabs>
      </Box>
      <Outlet />
    </>
  );
}

/** Quản trị, loaded on first visit: users (SYSTEM_ADMIN), the audit trail (STEERING_COMMITTEE, SYSTEM_ADMIN), the procedure fields (national SYSTEM_ADMIN) and the working calendar (read by all of them, kept by national SYSTEM_ADMIN). */
export default function AdministrationRoutes() {
  return (
    <Routes>
      <Route index element={<AdministrationIndex />} />
      <Route element={<AdministrationLayout />}>
        <Route path="users" element={<UsersPage />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="api-clients" element={<ApiClientsPage />} />
        <Route path="api-clients/:id" element={<ApiClientPage />} />
        <Route path="procedure-fields" element={<ProcedureFieldsPage />} />
        <Route path="working-calendar" element={<WorkingCalendarPage />} />
        <Route path="satisfaction" element={<SatisfactionPage />} />
      </Route>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
