import { lazy, Suspense, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import LinearProgress from '@mui/material/LinearProgress';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import { AdapterDateFns } from '@mui/x-date-pickers/AdapterDateFns';
import { enGB, vi } from 'date-fns/locale';
import { isLanguage, DEFAULT_LANGUAGE } from './i18n';
import { createAppTheme } from './theme';
import { AREAS, canOpenArea, hasOwnHome } from './layout/areas';
import { AppFrame } from './layout/AppFrame';
import { RequireAuth } from './features/auth/RequireAuth';
import { SignInPage } from './features/auth/SignInPage';
import { NotAvailablePage } from './pages/NotAvailablePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { NoAccessPage } from './pages/NoAccessPage';
import { useSession } from './features/auth/SessionContext';

const OrganisationRoutes = lazy(() => import('./features/organisation/OrganisationRoutes'));
const AdministrationRoutes = lazy(() => import('./features/administration/AdministrationRoutes'));
const RolloutRoutes = lazy(() => import('./features/rollout/RolloutRoutes'));
const HandoverRoutes = lazy(() => import('./features/handover/HandoverRoutes'));
const StaffRoutes = lazy(() => import('./features/staff/StaffRoutes'));
const RosterPage = lazy(() => import('./features/roster/RosterPage'));
const MyRosterPage = lazy(() => import('./features/roster/MyRosterPage'));
const OverviewPage = lazy(() => import('./features/overview/OverviewPage'));
const HomePage = lazy(() => import('./pages/home/HomePage'));
const DossierRoutes = lazy(() => import('./features/dossiers/DossierRoutes'));
const ProceduresRoutes = lazy(() => import('./features/procedures/ProceduresRoutes'));
const ReportRoutes = lazy(() => import('./features/reports/ReportRoutes'));
/** Public (no sign-in): the citizen's tracking page the receipt's QR code opens. */
const TrackingPage = lazy(() => import('./features/tracking/TrackingPage'));

/** date-fns locales of the pickers (weekday names, first day of the week). */
const dateLocales = { vi, en: enGB } as const;

/** Areas with their own routes below; the rest show "not available yet". */
const BUILT_AREAS = new Set(['overview', 'myRoster', 'rollout', 'handover', 'organisation', 'staff', 'procedures', 'dossiers', 'reports', 'administration']);

/** `/`: the province's overview for the committee and administrators, one's own desk, agency or post office for the others. */
function Landing({ lazyArea }: { lazyArea: (element: ReactNode) => ReactNode }) {
  const { user } = useSession();
  return lazyArea(hasOwnHome(user?.roles) ? <HomePage /> : <OverviewPage />);
}

/** An area still to come: "coming" for the roles it will serve, "no access" for the others. */
function ComingArea({ area }: { area: (typeof AREAS)[number] }) {
  const { user } = useSession();
  return canOpenArea(area, user?.roles) ? <NotAvailablePage area={area.key} /> : <NoAccessPage />;
}

/** Nhân sự: the staff register for those who keep or read it, "no access" by address for the others. */
function StaffArea({ lazyArea }: { lazyArea: (element: ReactNode) => ReactNode }) {
  const { user } = useSession();
  const area = AREAS.find((a) => a.key === 'staff');
  return area && canOpenArea(area, user?.roles) ? lazyArea(<StaffRoutes />) : <NoAccessPage />;
}

/** Hồ sơ: for the people at the desks, agencies and post offices; "no access" by address for the others. */
function DossiersArea({ lazyArea }: { lazyArea: (element: ReactNode) => ReactNode }) {
  const { user } = useSession();
  const area = AREAS.find((a) => a.key === 'dossiers');
  return area && canOpenArea(area, user?.roles) ? lazyArea(<DossierRoutes />) : <NoAccessPage />;
}

/** Báo cáo: for the committee, administrators and post office managers; "no access" by address for the others. */
function ReportsArea({ lazyArea }: { lazyArea: (element: ReactNode) => ReactNode }) {
  const { user } = useSession();
  const area = AREAS.find((a) => a.key === 'reports');
  return area && canOpenArea(area, user?.roles) ? lazyArea(<ReportRoutes />) : <NoAccessPage />;
}

export function App() {
  const { t, i18n } = useTranslation();
  const lazyArea = (element: ReactNode) => <Suspense fallback={<LinearProgress aria-label={t('status.loading')} />}>{element}</Suspense>;
  const language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE;
  const theme = useMemo(() => createAppTheme(language), [language]);

  return (
    <ThemeProvider theme={theme}>
      <LocalizationProvider dateAdapter={AdapterDateFns} adapterLocale={dateLocales[language]}>
        <CssBaseline />
        <Routes>
          <Route path="/sign-in" element={<SignInPage />} />
          {/* Public, outside the session guard and the signed-in frame: anyone with a dossier code and phone. */}
          <Route path="/tra-cuu" element={lazyArea(<TrackingPage />)} />
          <Route element={<RequireAuth />}>
            <Route element={<AppFrame />}>
              <Route index element={<Landing lazyArea={lazyArea} />} />
              <Route path="/rollout/*" element={lazyArea(<RolloutRoutes />)} />
              <Route path="/handover/*" element={lazyArea(<HandoverRoutes />)} />
              <Route path="/organisation/*" element={lazyArea(<OrganisationRoutes />)} />
              <Route path="/staff/roster" element={lazyArea(<RosterPage />)} />
              <Route path="/my-roster" element={lazyArea(<MyRosterPage />)} />
              <Route path="/staff/*" element={<StaffArea lazyArea={lazyArea} />} />
              <Route path="/procedures/*" element={lazyArea(<ProceduresRoutes />)} />
              <Route path="/dossiers/*" element={<DossiersArea lazyArea={lazyArea} />} />
              <Route path="/reports/*" element={<ReportsArea lazyArea={lazyArea} />} />
              <Route path="/administration/*" element={lazyArea(<AdministrationRoutes />)} />
              {AREAS.filter((area) => !BUILT_AREAS.has(area.key)).map((area) => (
                <Route key={area.key} path={area.path} element={<ComingArea area={area} />} />
              ))}
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Route>
        </Routes>
      </LocalizationProvider>
    </ThemeProvider>
  );
}
