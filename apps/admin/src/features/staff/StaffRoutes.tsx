import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { StaffListPage } from './StaffListPage';
import { StaffPage } from './StaffPage';
import { TrainingListPage, TrainingSessionPage } from './TrainingPages';

/** The tabs of Nhân sự; the roster board (/staff/roster, features/roster) has a page of its own. */
export const STAFF_SECTIONS = [
  { key: 'people', path: '/staff/people' },
  { key: 'training', path: '/staff/training' },
  { key: 'roster', path: '/staff/roster' },
] as const;

/** Nhân sự: the staff register, the training classes and (a link to) the roster board, one tab each. */
function StaffLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const current = STAFF_SECTIONS.find((s) => pathname === s.path || pathname.startsWith(`${s.path}/`));
  return (
    <>
      <Typography variant="h1" gutterBottom>
        {t('nav.staff')}
      </Typography>
      <Box sx={{ borderBottom: 1, borderColor: 'divider', mb: 3 }}>
        <Tabs value={current?.key ?? false} variant="scrollable" allowScrollButtonsMobile aria-label={t('staff.sectionsLabel')}>
          {STAFF_SECTIONS.map((s) => (
            <Tab key={s.key} value={s.key} label={t(`staff.sections.${s.key}`)} component={Link} to={s.path} data-testid={`staff-tab-${s.key}`} />
          ))}
        </Tabs>
      </Box>
      <Outlet />
    </>
  );
}

/** Nhân sự (/staff), loaded on first visit. */
export default function StaffRoutes() {
  return (
    <Routes>
      <Route element={<StaffLayout />}>
        <Route index element={<Navigate to="people" replace />} />
        <Route path="people" element={<StaffListPage />} />
        <Route path="people/:id" element={<StaffPage />} />
        <Route path="training" element={<TrainingListPage />} />
        <Route path="training/:id" element={<TrainingSessionPage />} />
      </Route>
    </Routes>
  );
}
