import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';

export const SECTIONS = [
  { key: 'units', path: '/organisation/units' },
  { key: 'desks', path: '/organisation/desks' },
  { key: 'postOffices', path: '/organisation/post-offices' },
  { key: 'agencies', path: '/organisation/agencies' },
] as const;

export type SectionKey = (typeof SECTIONS)[number]['key'];

/** Tổ chức: administrative units, desks, post offices and agencies, one tab each. */
export function OrganisationLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const current = SECTIONS.find((s) => pathname === s.path || pathname.startsWith(`${s.path}/`));
  return (
    <>
      <Typography variant="h1" gutterBottom>
        {t('nav.organisation')}
      </Typography>
      <Box sx={{ borderBottom: 1, borderColor: 'divider', mb: 3 }}>
        <Tabs value={current?.key ?? false} variant="scrollable" allowScrollButtonsMobile aria-label={t('organisation.sectionsLabel')}>
          {SECTIONS.map((s) => (
            <Tab key={s.key} value={s.key} label={t(`organisation.sections.${s.key}`)} component={Link} to={s.path} data-testid={`org-tab-${s.key}`} />
          ))}
        </Tabs>
      </Box>
      <Outlet />
    </>
  );
}
