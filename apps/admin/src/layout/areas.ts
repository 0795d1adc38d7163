import type { ComponentType } from 'react';
import type { SvgIconProps } from '@mui/material/SvgIcon';
import DashboardOutlined from '@mui/icons-material/DashboardOutlined';
import TimelineOutlined from '@mui/icons-material/TimelineOutlined';
import SwapHorizOutlined from '@mui/icons-material/SwapHorizOutlined';
import AccountTreeOutlined from '@mui/icons-material/AccountTreeOutlined';
import BadgeOutlined from '@mui/icons-material/BadgeOutlined';
import FolderOpenOutlined from '@mui/icons-material/FolderOpenOutlined';
import AssessmentOutlined from '@mui/icons-material/AssessmentOutlined';
import AdminPanelSettingsOutlined from '@mui/icons-material/AdminPanelSettingsOutlined';

export type AreaKey =
  | 'overview'
  | 'rollout'
  | 'handover'
  | 'organisation'
  | 'staff'
  | 'dossiers'
  | 'reports'
  | 'administration';

export interface Area {
  key: AreaKey;
  /** Client route; the label is `nav.<key>` in the i18n files. */
  path: string;
  icon: ComponentType<SvgIconProps>;
}

/** The areas of the admin, in the order of the navigation drawer. */
export const AREAS: readonly Area[] = [
  { key: 'overview', path: '/', icon: DashboardOutlined },
  { key: 'rollout', path: '/rollout', icon: TimelineOutlined },
  { key: 'handover', path: '/handover', icon: SwapHorizOutlined },
  { key: 'organisation', path: '/organisation', icon: AccountTreeOutlined },
  { key: 'staff', path: '/staff', icon: BadgeOutlined },
  { key: 'dossiers', path: '/dossiers', icon: FolderOpenOutlined },
  { key: 'reports', path: '/reports', icon: AssessmentOutlined },
  { key: 'administration', path: '/administration', icon: AdminPanelSettingsOutlined },
];

/** The area a location belongs to (sub-routes such as /dossiers/123 belong to /dossiers). */
export function areaOfPath(pathname: string): Area | undefined {
  if (pathname === '/') return AREAS[0];
  return AREAS.find((area) => area.path !== '/' && (pathname === area.path || pathname.startsWith(`${area.path}/`)));
}
