import { Navigate, Route, Routes } from 'react-router';
import { OrganisationLayout } from './OrganisationLayout';
import { UnitTreePage } from './UnitTreePage';
import { DesksPage } from './DesksPage';
import { DeskDetailPage } from './DeskDetailPage';
import { PostOfficesPage } from './PostOfficesPage';
import { PostOfficeDetailPage } from './PostOfficeDetailPage';
import { AgenciesPage } from './AgenciesPage';
import { AgencyDetailPage } from './AgencyDetailPage';

/** Tổ chức, loaded on first visit (it brings the data grid and the date pickers). */
export default function OrganisationRoutes() {
  return (
    <Routes>
      <Route element={<OrganisationLayout />}>
        <Route index element={<Navigate to="units" replace />} />
        <Route path="units" element={<UnitTreePage />} />
        <Route path="desks" element={<DesksPage />} />
        <Route path="desks/:id" element={<DeskDetailPage />} />
        <Route path="post-offices" element={<PostOfficesPage />} />
        <Route path="post-offices/:id" element={<PostOfficeDetailPage />} />
        <Route path="agencies" element={<AgenciesPage />} />
        <Route path="agencies/:id" element={<AgencyDetailPage />} />
      </Route>
    </Routes>
  );
}
