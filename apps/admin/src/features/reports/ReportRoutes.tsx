import { useTranslation } from 'react-i18next';
import { Link, Outlet, Route, Routes, useLocation } from 'react-router';
import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { VolumesPage } from './VolumesPage';
import { TargetsPage } from './TargetsPage';
import { FiguresPage } from './FiguresPage';
import { QualityPage } from './QualityPage';
import { QuarterlyPage } from './QuarterlyPage';
import { StaffingPage } from './StaffingPage';
import { ForecastPage } from './ForecastPage';
import { IMPORTERS, ImportsPage } from './ImportsPage';
import { useSession } from '../auth/SessionContext';

/** The pages of Báo cáo, each a tab. */
export const REPORT_SECTIONS = [
  { key: 'volumes', path: '/reports' },
  { key: 'targets', path: '/reports/targets' },
  { key: 'figures', path: '/reports/figures' },
  { key: 'quality', path: '/reports/quality' },
  { key: 'quarterly', path: '/reports/quarterly' },
  { key: 'staffing', path: '/reports/staffing' },
  { key: 'forecast', path: '/reports/forecast' },
  // Nhập dữ liệu: for those who import (the steering committee and administrators) only.
  { key: 'imports', path: '/reports/imports' },
] as const;

function ReportsLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { user } = useSession();
  const importer = Boolean(user?.roles.some((r) => IMPORTERS.includes(r)));
  const sections = REPORT_SECTIONS.filter((s) => s.key !== 'imports' || importer);
  const current = sections.find((s) => pathname === s.path || pathname === `${s.path}/`);
  return (
    <>
      <Typography variant="h1" gutterBottom>
        {t('nav.reports')}
      </Typography>
      <Box sx={{ borderBottom: 1, borderColor: 'divider', mb: 3 }}>
        <Tabs value={current?.key ?? false} variant="scrollable" allowScrollButtonsMobile aria-label={t('reports.sectionsLabel')}>
          {sections.map((s) => (
            <Tab key={s.key} value={s.key} label={t(`reports.sections.${s.key}`)} component={Link} to={s.path} data-testid={`report-tab-${s.key}`} />
          ))}
        </Tabs>
      </Box>
      <Outlet />
    </>
  );
}

/** Báo cáo (/reports), loaded on first visit: volumes (the dashboard) and targets. */
export default function ReportRoutes() {
  return (
    <Routes>
      <Route element={<ReportsLayout />}>
        <Route index element={<VolumesPage />} />
        <Route path="targets" element={<TargetsPage />} />
        <Route path="figures" element={<FiguresPage />} />
        <Route path="quality" element={<QualityPage />} />
        <Route path="quarterly" element={<QuarterlyPage />} />
        <Route path="staffing" element={<StaffingPage />} />
        <Route path="forecast" element={<ForecastPage />} />
        <Route path="imports" element={<ImportsPage />} />
      </Route>
    </Routes>
  );
}
