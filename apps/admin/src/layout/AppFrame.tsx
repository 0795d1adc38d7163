import { useEffect, useLayoutEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import MenuIcon from '@mui/icons-material/Menu';
import LocalPostOfficeIcon from '@mui/icons-material/LocalPostOffice';
import CodeIcon from '@mui/icons-material/Code';
import Chip from '@mui/material/Chip';
import { areaOfPath, areasFor, canUseGraphiql, hasOwnHome, type Area } from './areas';
import { LanguageSwitch } from './LanguageSwitch';
import { UserMenu } from '../features/auth/UserMenu';
import { useSession } from '../features/auth/SessionContext';

const DRAWER_WIDTH = 264;

/** The frame of every admin page: app bar, navigation drawer, and the page in the middle. */
export function AppFrame() {
  const { t } = useTranslation();
  const theme = useTheme();
  const wide = useMediaQuery(theme.breakpoints.up('md'));
  const { pathname } = useLocation();
  const [mobileOpen, setMobileOpen] = useState(false);
  const current = areaOfPath(pathname);
  const { user } = useSession();
  // Only what the role can use (layout/areas.ts says who each area serves).
  const areas = areasFor(user?.roles);
  const ownHome = hasOwnHome(user?.roles);
  /** `/` is the province's overview, or the person's own home ("Trang của tôi"). */
  const label = (area: Area) => t(area.key === 'overview' && ownHome ? 'nav.home' : `nav.${area.key}`);

  // A layout effect, so that pages refining the title in their own (passive) effects win.
  useLayoutEffect(() => {
    const area = current ? t(current.key === 'overview' && ownHome ? 'nav.home' : `nav.${current.key}`) : t('notFound.title');
    document.title = `${area} · ${t('app.name')}`;
  }, [current, ownHome, t]);

  useEffect(() => setMobileOpen(false), [pathname]);

  const navigation = (
    <Box component="nav" aria-label={t('frame.navigationLabel')} sx={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
      <Toolbar />
      <List sx={{ flexGrow: 1 }}>
        {areas.map((area) => {
          const Icon = area.icon;
          return (
            <ListItemButton
              key={area.key}
              component={Link}
              to={area.path}
              selected={current?.key === area.key}
              aria-current={current?.key === area.key ? 'page' : undefined}
              data-testid={`nav-${area.key}`}
            >
              <ListItemIcon>
                <Icon />
              </ListItemIcon>
              <ListItemText primary={label(area)} />
              {area.coming && <Chip size="small" variant="outlined" label={t('frame.coming')} data-testid={`nav-${area.key}-coming`} sx={{ ml: 1 }} />}
            </ListItemButton>
          );
        })}
      </List>
      {canUseGraphiql(user?.roles) && (
        <>
          <Divider />
          <List dense subheader={<ListSubheader disableSticky>{t('frame.developers')}</ListSubheader>}>
            <ListItemButton component="a" href="/graphiql" data-testid="nav-graphiql">
              <ListItemIcon>
                <CodeIcon fontSize="small" />
              </ListItemIcon>
              <ListItemText primary={t('frame.graphiql')} />
            </ListItemButton>
          </List>
        </>
      )}
    </Box>
  );

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <Box
        component="a"
        href="#main-content"
        sx={{
          position: 'absolute',
          left: 8,
          top: -48,
          zIndex: (th) => th.zIndex.tooltip,
          px: 2,
          py: 1,
          bgcolor: 'background.paper',
          color: 'primary.main',
          borderRadius: 1,
          boxShadow: 3,
          '&:focus': { top: 8 },
        }}
      >
        {t('frame.skipToContent')}
      </Box>
      <AppBar position="fixed" sx={{ zIndex: (th) => th.zIndex.drawer + 1 }}>
        <Toolbar>
          {!wide && (
            <IconButton color="inherit" edge="start" aria-label={t('frame.openNavigation')} onClick={() => setMobileOpen(true)} sx={{ mr: 1 }}>
              <MenuIcon />
            </IconButton>
          )}
          <LocalPostOfficeIcon sx={{ mr: { xs: 1, sm: 1.5 }, color: 'secondary.main' }} />
          <Typography variant="h6" component="div" noWrap data-testid="app-name" sx={{ fontSize: { xs: '1rem', sm: '1.25rem' }, flexShrink: 0 }}>
            {t('app.name')}
          </Typography>
          <Typography variant="body2" component="div" noWrap sx={{ ml: 2, opacity: 0.8, display: { xs: 'none', md: 'block' }, minWidth: 0 }}>
            {t('app.subtitle')}
          </Typography>
          <Box sx={{ flexGrow: 1 }} />
          <LanguageSwitch />
          <UserMenu />
        </Toolbar>
      </AppBar>
      <Drawer
        variant={wide ? 'permanent' : 'temporary'}
        open={wide || mobileOpen}
        onClose={() => setMobileOpen(false)}
        sx={{
          width: DRAWER_WIDTH,
          flexShrink: 0,
          '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box' },
        }}
      >
        {navigation}
      </Drawer>
      <Box component="main" id="main-content" tabIndex={-1} sx={{ flexGrow: 1, minWidth: 0, p: { xs: 2, md: 3 }, outline: 'none' }}>
        <Toolbar />
        <Outlet />
      </Box>
    </Box>
  );
}
