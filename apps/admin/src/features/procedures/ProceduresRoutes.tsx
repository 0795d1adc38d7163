import { useTranslation } from 'react-i18next';
import { Outlet, Route, Routes } from 'react-router';
import Typography from '@mui/material/Typography';
import { NotFoundPage } from '../../pages/NotFoundPage';
import { ProcedureListPage } from './ProcedureListPage';
import { ProcedurePage } from './ProcedurePage';

function ProceduresLayout() {
  const { t } = useTranslation();
  return (
    <>
      <Typography variant="h1" gutterBottom>
        {t('procedures.title')}
      </Typography>
      <Outlet />
    </>
  );
}

/** Thủ tục hành chính (/procedures), loaded on first visit: the catalogue and a procedure's page. */
export default function ProceduresRoutes() {
  return (
    <Routes>
      <Route element={<ProceduresLayout />}>
        <Route index element={<ProcedureListPage />} />
        <Route path=":id" element={<ProcedurePage />} />
      </Route>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
