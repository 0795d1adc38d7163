// Test data of the staff register: a postal employee of Bưu điện tỉnh Hà Tĩnh deployed to the provincial
// centre, with qualifications valid, expiring within 30 days and expired, relative to today in Vietnam.
import { addDays, todayIso } from '../../dates';
import type { Role, SessionUserFragment } from '../../graphql/generated';
import { SessionStore } from '../auth/session';

export function sessionAs(roles: Role[]): SessionStore {
  const user: SessionUserFragment = { id: 'u1', username: 'hatinh.buudien', displayName: 'Quản lý', roles, scope: { id: 'p-42', code: '42', name: 'Tỉnh Hà Tĩnh', level: 'PROVINCE' } };
  const store = new SessionStore();
  store.signedIn({ token: 'access', expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(), refreshToken: 'refresh-token-1', user });
  return store;
}

export const today = todayIso();
export const DESK = { __typename: 'OneStopDesk', id: 'desk-1', name: 'Trung tâm Phục vụ hành chính công tỉnh Hà Tĩnh' };
const field = (id: string, name: string) => ({ __typename: 'ProcedureField', id, name });
export const HO_TICH = field('f-hotich', 'Hộ tịch');
export const DAT_DAI = field('f-datdai', 'Đất đai');
export const TU_PHAP = field('f-tuphap', 'Tư pháp');

export const qualification = (id: string, f: ReturnType<typeof field>, trainedOn: string, expiresOn: string | null) => ({
  __typename: 'Qualification',
  id,
  field: f,
  trainedOn,
  expiresOn,
  certificateNumber: null,
  trainingSession: null,
});

/** Hộ tịch valid with no expiry, Đất đai expiring in 10 days, Tư pháp expired 5 days ago. */
export const QUALIFICATIONS = [
  qualification('q1', HO_TICH, addDays(today, -400), null),
  qualification('q2', DAT_DAI, addDays(today, -700), addDays(today, 10)),
  qualification('q3', TU_PHAP, addDays(today, -800), addDays(today, -5)),
];

export const shiftOn = (id: string, day: string, startsAt: string, endsAt: string) => ({
  __typename: 'Shift',
  id,
  day,
  startsAt,
  endsAt,
  status: 'PUBLISHED',
  desk: DESK,
  counter: { __typename: 'Counter', id: 'c2', number: 2, name: 'Quầy đất đai' },
});

export function person(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Staff',
    id: 'st-1',
    fullName: 'Nguyễn Thị Bình (demo)',
    status: 'ACTIVE',
    phone: '0912 345 678',
    email: 'binh.nt@vnpost.vn',
    version: 3,
    nationalId: '042190012345',
    hasUserAccount: false,
    createdAt: '2026-11-01T02:00:00Z',
    updatedAt: '2026-11-02T02:00:00Z',
    postOffice: { __typename: 'PostOffice', id: 'po-42', name: 'Bưu điện tỉnh Hà Tĩnh' },
    agency: null,
    homeDesk: DESK,
    homeUnit: null,
    qualifications: QUALIFICATIONS,
    assignments: [{ __typename: 'StaffAssignment', id: 'a1', startsOn: '2026-01-01', endsOn: null, desk: DESK }],
    absences: [],
    ...overrides,
  };
}
