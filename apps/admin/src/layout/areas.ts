import type { ComponentType } from 'react';
import type { SvgIconProps } from '@mui/material/SvgIcon';
import DashboardOutlined from '@mui/icons-material/DashboardOutlined';
import EventNoteOutlined from '@mui/icons-material/EventNoteOutlined';
import TimelineOutlined from '@mui/icons-material/TimelineOutlined';
import SwapHorizOutlined from '@mui/icons-material/SwapHorizOutlined';
import AccountTreeOutlined from '@mui/icons-material/AccountTreeOutlined';
import BadgeOutlined from '@mui/icons-material/BadgeOutlined';
import FolderOpenOutlined from '@mui/icons-material/FolderOpenOutlined';
import MenuBookOutlined from '@mui/icons-material/MenuBookOutlined';
import AssessmentOutlined from '@mui/icons-material/AssessmentOutlined';
import AdminPanelSettingsOutlined from '@mui/icons-material/AdminPanelSettingsOutlined';
import type { Role } from '../graphql/generated';
import { canOpenAdministration } from '../features/auth/permissions';

export type AreaKey =
  | 'overview'
  | 'myRoster'
  | 'rollout'
  | 'handover'
  | 'organisation'
  | 'staff'
  | 'procedures'
  | 'dossiers'
  | 'reports'
  | 'administration';

export interface Area {
  key: AreaKey;
  /** Client route; the label is `nav.<key>` in the i18n files. */
  path: string;
  icon: ComponentType<SvgIconProps>;
  /**
   * Who sees it in the navigation. `all`: every signed-in role. An area a role cannot use is hidden,
   * never shown and then refused.
   */
  roles: readonly Role[] | 'all';
  /** Not built yet: shown only to the roles it will serve, marked "Sắp có", opening a "coming" page. */
  coming?: boolean;
}

/** The roles that steer the province's rollout: they land on the overview; everyone else on their own home. */
export const OVERVIEW_ROLES: readonly Role[] = ['STEERING_COMMITTEE', 'SYSTEM_ADMIN'];
/** The roles that take part in the rollout: the committee and administrators plan it, post offices take the desks over. */
const ROLLOUT_ROLES: readonly Role[] = [...OVERVIEW_ROLES, 'POST_OFFICE_MANAGER'];

/**
 * The areas of the admin, in the order of the navigation drawer, and whom each serves.
 *
 * Decisions (issue 9):
 * - `/` is for everyone: the province's overview for the committee and administrators, the person's own
 *   desk, agency or post office for the others (see `hasOwnHome`).
 * - Đề án thí điểm and Chuyển giao show to those who plan them and to post office managers (who tick
 *   readiness and record handovers). A clerk or an agency officer reaches their own site's page and
 *   handovers from their home instead of a province-wide list they have no part in: the pages stay
 *   readable by address (the API lets everyone of the province read them), they are just not offered.
 * - Lịch trực của tôi (issue 10) shows to every role: anyone may have a staff record linked to their
 *   account (a clerk, a civil servant still at a desk, a manager who takes shifts); the page says when
 *   they have none.
 * - Tổ chức (the register of units, desks, post offices, agencies) shows to every role: everyone reads it.
 * - Nhân sự (issue 10: the staff register and training classes) shows to post office managers, who keep
 *   it, and to those who oversee them (administrators keep it too; the committee reads it). Others get
 *   "no access" by address: the API refuses them the register.
 * - Hồ sơ (issue 11) shows to the people at the desks, agencies and post offices, who receive, decide and
 *   carry dossiers (the API keeps each to their desk, agency or post office). Administrators and the
 *   committee follow volumes in the reports instead.
 * - Areas not built yet show only to the roles they will serve, marked "Sắp có". Others do not see them at all.
 * - Báo cáo (issue 13: dossier volumes, targets) shows to the committee and administrators, who report on
 *   the province, and to post office managers, who read their post office tree's volumes and the targets;
 *   only the committee and administrators set targets. Others get "no access" by address.
 * - Thủ tục hành chính (issue 11: the province's procedure catalogue) is an area of its own, shown to every
 *   role: the clerk picks from it at reception, the officer and the post office read the components and
 *   time limits, the committee reads what goes through BCCI. The API lets everyone of the province read it;
 *   only the province's administrators keep it (add, edit the checklist, retire, import), and the page
 *   offers those only to them. It is not under Quản trị, which clerks and officers cannot open.
 * - Quản trị shows to those who may use one of its pages (users: administrators; audit trail: committee
 *   and administrators; Lĩnh vực thủ tục: national administrators only, its tab hidden from a province's).
 */
export const AREAS: readonly Area[] = [
  { key: 'overview', path: '/', icon: DashboardOutlined, roles: 'all' },
  { key: 'myRoster', path: '/my-roster', icon: EventNoteOutlined, roles: 'all' },
  { key: 'rollout', path: '/rollout', icon: TimelineOutlined, roles: ROLLOUT_ROLES },
  { key: 'handover', path: '/handover', icon: SwapHorizOutlined, roles: ROLLOUT_ROLES },
  { key: 'organisation', path: '/organisation', icon: AccountTreeOutlined, roles: 'all' },
  { key: 'staff', path: '/staff', icon: BadgeOutlined, roles: ROLLOUT_ROLES },
  { key: 'procedures', path: '/procedures', icon: MenuBookOutlined, roles: 'all' },
  { key: 'dossiers', path: '/dossiers', icon: FolderOpenOutlined, roles: ['COUNTER_CLERK', 'AGENCY_OFFICER', 'POST_OFFICE_MANAGER'] },
  { key: 'reports', path: '/reports', icon: AssessmentOutlined, roles: ROLLOUT_ROLES },
  { key: 'administration', path: '/administration', icon: AdminPanelSettingsOutlined, roles: ['SYSTEM_ADMIN', 'STEERING_COMMITTEE'] },
];

const holdsAny = (roles: readonly Role[] | undefined, allowed: readonly Role[]) => Boolean(roles?.some((role) => allowed.includes(role)));

/** Whether someone with these roles may open the area (and sees it in the navigation). */
export function canOpenArea(area: Area, roles: readonly Role[] | undefined): boolean {
  if (area.key === 'administration') return canOpenAdministration(roles);
  return area.roles === 'all' || holdsAny(roles, area.roles);
}

/** The areas of the navigation for these roles. */
export function areasFor(roles: readonly Role[] | undefined): Area[] {
  return AREAS.filter((area) => canOpenArea(area, roles));
}

/** Lands on a home page about their own desk, agency or post office, rather than the province's overview. */
export function hasOwnHome(roles: readonly Role[] | undefined): boolean {
  return !holdsAny(roles, OVERVIEW_ROLES);
}

/** The GraphiQL link (a tool for portal developers, who get credentials from an administrator). */
export function canUseGraphiql(roles: readonly Role[] | undefined): boolean {
  return holdsAny(roles, ['SYSTEM_ADMIN']);
}

/** The area a location belongs to (sub-routes such as /dossiers/123 belong to /dossiers). */
export function areaOfPath(pathname: string): Area | undefined {
  if (pathname === '/') return AREAS[0];
  return AREAS.find((area) => area.path !== '/' && (pathname === area.path || pathname.startsWith(`${area.path}/`)));
}
