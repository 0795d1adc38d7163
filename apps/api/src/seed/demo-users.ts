import type { EntityManager } from 'typeorm';
import { Role } from '../modules/identity/role';
import { User } from '../modules/identity/user.entity';
import { hashSecret } from '../modules/identity/password';

/** The demo password of every demo user (README). Never used outside the demo seed. */
export const DEMO_PASSWORD = 'Demo@2026';

interface DemoUser {
  username: string;
  displayName: string;
  roles: Role[];
  /** Code of the scope unit (a province); absent = national. */
  scope?: string;
  postOffice?: string;
  desk?: string;
  agency?: string;
}

/** One user per role in Hà Tĩnh, a national administrator, and Bình Phước (Đồng Nai since 2025) users to show the scopes. */
export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', displayName: 'Quản trị hệ thống', roles: [Role.SYSTEM_ADMIN] },
  { username: 'hatinh.bcd', displayName: 'Ban Chỉ đạo Đề án tỉnh Hà Tĩnh', roles: [Role.STEERING_COMMITTEE], scope: '42' },
  { username: 'hatinh.buudien', displayName: 'Quản lý Bưu điện tỉnh Hà Tĩnh', roles: [Role.POST_OFFICE_MANAGER], scope: '42', postOffice: 'BD-42' },
  { username: 'hatinh.quay', displayName: 'Nhân viên quầy Trung tâm PVHCC tỉnh', roles: [Role.COUNTER_CLERK], scope: '42', desk: '42-TTPVHCC-MC' },
  { username: 'hatinh.stttt', displayName: 'Cán bộ Sở Thông tin và Truyền thông', roles: [Role.AGENCY_OFFICER], scope: '42', agency: '42-STTTT' },
  { username: 'hatinh.quantri', displayName: 'Quản trị hệ thống tỉnh Hà Tĩnh', roles: [Role.SYSTEM_ADMIN], scope: '42' },
  { username: 'dongnai.bcd', displayName: 'Ban Chỉ đạo tỉnh Đồng Nai', roles: [Role.STEERING_COMMITTEE], scope: '75' },
  { username: 'binhphuoc.buudien', displayName: 'Quản lý Bưu điện tỉnh Bình Phước', roles: [Role.POST_OFFICE_MANAGER], scope: '75', postOffice: 'BD-70' },
];

/** Inserts the demo users (one statement, one password hash: they share the demo password). */
export async function loadDemoUsers(m: EntityManager): Promise<number> {
  const passwordHash = await hashSecret(DEMO_PASSWORD);
  const idOf = async (table: string, code: string | undefined): Promise<string | null> => {
    if (!code) return null;
    const [row] = await m.query(`SELECT id FROM ${table} WHERE code = $1`, [code]);
    if (!row) throw new Error(`demo users: no ${table} ${code}`);
    return row.id;
  };
  const rows = [];
  for (const u of DEMO_USERS) {
    const [unit] = u.scope
      ? await m.query(`SELECT id FROM administrative_unit WHERE code = $1 AND level = 'PROVINCE' AND valid_to IS NULL`, [u.scope])
      : [{ id: null }];
    rows.push({
      username: u.username,
      displayName: u.displayName,
      passwordHash,
      roles: u.roles,
      scopeUnitId: unit.id,
      provinceId: unit.id,
      postOfficeId: await idOf('post_office', u.postOffice),
      oneStopDeskId: await idOf('one_stop_desk', u.desk),
      agencyId: await idOf('agency', u.agency),
      active: true,
      passwordChangedAt: new Date(),
    });
  }
  await m.getRepository(User).insert(rows);
  return rows.length;
}
