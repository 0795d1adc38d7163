// Test data of the roster board: a desk with two counters, opening 07:30–11:30 and 13:30–17:00 Monday
// to Friday, two people deployed, in the week of Monday 12/01/2026.
import type { FormattedExecutionResult } from 'graphql';
import type { Role, SessionUserFragment } from '../../graphql/generated';
import { SessionStore } from '../auth/session';

export const MONDAY = '2026-01-12';
export const DESK = 'desk-1';

export function sessionAs(roles: Role[]): SessionStore {
  const user: SessionUserFragment = {
    id: 'u1',
    username: 'hatinh.buudien',
    displayName: 'Quản lý',
    roles,
    scope: { id: 'p-42', code: '42', name: 'Tỉnh Hà Tĩnh', level: 'PROVINCE' },
  };
  const store = new SessionStore();
  store.signedIn({ token: 'access', expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(), refreshToken: 'refresh-token-1', user });
  return store;
}

const field = (id: string, name: string) => ({ __typename: 'ProcedureField', id, name });
export const HO_TICH = field('f-hotich', 'Hộ tịch');
export const DAT_DAI = field('f-datdai', 'Đất đai');

export const counters = [
  { __typename: 'Counter', id: 'c1', number: 1, name: 'Quầy tiếp nhận chung', status: 'OPEN', fields: [] },
  { __typename: 'Counter', id: 'c2', number: 2, name: 'Quầy đất đai', status: 'OPEN', fields: [DAT_DAI] },
];

export interface ShiftData {
  id: string;
  day: string;
  startsAt: string;
  endsAt: string;
  status: 'PLANNED' | 'PUBLISHED';
  staffId: string;
  counterId: string;
}

const NAMES: Record<string, string> = { an: 'Nguyễn Văn An (demo)', binh: 'Trần Thị Bình (demo)' };

export const shift = (s: ShiftData) => ({
  __typename: 'Shift',
  id: s.id,
  day: s.day,
  startsAt: s.startsAt,
  endsAt: s.endsAt,
  status: s.status,
  version: 1,
  staff: { __typename: 'Staff', id: s.staffId, fullName: NAMES[s.staffId] },
  counter: { __typename: 'Counter', id: s.counterId, number: s.counterId === 'c1' ? 1 : 2 },
  revisions: [],
});

const DAYS = ['2026-01-12', '2026-01-13', '2026-01-14', '2026-01-15', '2026-01-16'];

/** Coverage of every slot: two counters wanted; `staffed` from the shifts that cover the whole slot. */
function coverage(shifts: ShiftData[]) {
  const slots = DAYS.flatMap((day) =>
    [
      ['07:30', '11:30'],
      ['13:30', '17:00'],
    ].map(([opensAt, closesAt]) => {
      const covering = shifts.filter((s) => s.day === day && s.startsAt <= opensAt && s.endsAt >= closesAt);
      const staffed = new Set(covering.map((s) => s.counterId)).size;
      const published = new Set(covering.filter((s) => s.status === 'PUBLISHED').map((s) => s.counterId)).size;
      return { __typename: 'CoverageSlot', day, opensAt, closesAt, demanded: 2, staffed, published, gap: Math.max(0, 2 - staffed) };
    }),
  );
  return {
    __typename: 'Coverage',
    demanded: slots.reduce((n, s) => n + s.demanded, 0),
    staffed: slots.reduce((n, s) => n + s.staffed, 0),
    gaps: slots.reduce((n, s) => n + s.gap, 0),
    slots,
  };
}

function person(id: 'an' | 'binh', shifts: ShiftData[], qualifications: Array<{ field: ReturnType<typeof field>; expiresOn: string | null }>) {
  return {
    __typename: 'Staff',
    id,
    fullName: NAMES[id],
    status: 'ACTIVE',
    qualifications: qualifications.map((q, i) => ({
      __typename: 'Qualification',
      id: `q-${id}-${i}`,
      trainedOn: '2025-06-01',
      expiresOn: q.expiresOn,
      field: q.field,
    })),
    absences: [],
    shifts: shifts.filter((s) => s.staffId === id).map((s) => ({ ...shift(s), desk: { __typename: 'OneStopDesk', id: DESK, name: 'Bộ phận Một cửa thử' } })),
  };
}

/** The board's answer: An trained in đất đai, Bình in hộ tịch only. */
export function boardAnswer(shifts: ShiftData[]): FormattedExecutionResult {
  return {
    data: {
      oneStopDesk: {
        __typename: 'OneStopDesk',
        id: DESK,
        name: 'Bộ phận Một cửa thử',
        counters,
        coverage: coverage(shifts),
        shifts: shifts.map(shift),
      },
      staffMembers: {
        __typename: 'StaffConnection',
        totalCount: 2,
        edges: [
          { __typename: 'StaffEdge', node: person('an', shifts, [{ field: DAT_DAI, expiresOn: null }]) },
          { __typename: 'StaffEdge', node: person('binh', shifts, [{ field: HO_TICH, expiresOn: null }]) },
        ],
      },
    },
  };
}

export const meAnswer: FormattedExecutionResult = { data: { me: { __typename: 'User', id: 'u1', postOffice: null, oneStopDesk: null } } };
