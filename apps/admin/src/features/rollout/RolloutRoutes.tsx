import { Route, Routes } from 'react-router';
import { ProgrammesPage } from './ProgrammesPage';
import { ProgrammePage } from './ProgrammePage';
import { PhasePage } from './PhasePage';
import { SitePage } from './SitePage';

/** Triển khai: programmes, their phases and pilot sites; loaded on first visit. */
export default function RolloutRoutes() {
  return (
    <Routes>
      <Route index element={<ProgrammesPage />} />
      <Route path="programmes/:id" element={<ProgrammePage />} />
      <Route path="phases/:id" element={<PhasePage />} />
      <Route path="sites/:id" element={<SitePage />} />
    </Routes>
  );
}
