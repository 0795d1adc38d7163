/**
 * The scope matrix of the working-day calendar (run by test/scope.test.ts).
 *
 * The calendar is national: every signed-in user reads a year of it (the anonymous and a revoked
 * token are refused); only a national administrator (SYSTEM_ADMIN without a province) adds, changes
 * or removes an adjustment; a province's administrators, its post office managers and its steering
 * committee are FORBIDDEN, and a refused write changes nothing. Every write is on a day of its own
 * (the first Tuesday of July of a year of its own, from 2040), made by the national administrator.
 */
import { addDays } from '../../src/platform/graphql/scalars';
import { failure, ok, type TestApp } from '../harness';
import type { Row, Scenario, Scenarios, ScopeContext, Who } from './matrix';

const SIGNED_IN: Who[] = ['admin', 'hatinh.bcd', 'hatinh.buudien', 'hatinh.quay', 'hatinh.stttt', 'hatinh.quantri', 'dongnai.bcd', 'binhphuoc.buudien', 'dongnai.quantri'];

/** A write of the national calendar: the national administrator only. */
const keeperRows = (op: string, scenario: string): Row[] => [
  [op, 'anonymous', 'UNAUTHENTICATED', scenario],
  [op, 'revoked', 'UNAUTHENTICATED', scenario],
  [op, 'admin', 'ALLOWED', scenario],
  ...(['hatinh.quantri', 'hatinh.buudien', 'hatinh.bcd', 'dongnai.quantri'] as Who[]).map((who): Row => [op, who, 'FORBIDDEN', scenario]),
];

// prettier-ignore
export const WORKING_DAY_ROWS: Row[] = [
  ['workingCalendar', 'anonymous', 'UNAUTHENTICATED', 'the year 2026'],
  ['workingCalendar', 'revoked', 'UNAUTHENTICATED', 'the year 2026'],
  ...SIGNED_IN.map((who): Row => ['workingCalendar', who, 'ALLOWED', 'the year 2026']),
  ['workingCalendar', 'hatinh.quay', 'BAD_USER_INPUT', 'the year 2018'],
  ...keeperRows('createCalendarAdjustment', 'a day off on a Tuesday'),
  ['createCalendarAdjustment', 'admin', 'BAD_USER_INPUT', 'a day off on a Saturday'],
  ...keeperRows('updateCalendarAdjustment', 'an adjustment of its own, renamed'),
  ...keeperRows('deleteCalendarAdjustment', 'an adjustment of its own'),
];

const Q = {
  calendar: `query($year: Int!) { workingCalendar(year: $year) { date kind name id legalBasis version } }`,
  create: `mutation($input: CreateCalendarAdjustmentInput!) { createCalendarAdjustment(input: $input) { calendarAdjustment { id date kind name version } } }`,
  update: `mutation($input: UpdateCalendarAdjustmentInput!) { updateCalendarAdjustment(input: $input) { calendarAdjustment { id name version } } }`,
  delete: `mutation($input: DeleteCalendarAdjustmentInput!) { deleteCalendarAdjustment(input: $input) { id } }`,
};

export function workingDayScenarios(ctx: ScopeContext): Scenarios {
  const t = (): TestApp => ctx.app();
  let year = 2039;
  /** The first Tuesday of July of the next year: a working day of the plain calendar, no holiday near. */
  const freshTuesday = () => {
    year += 1;
    const july = `${year}-07-01`;
    return addDays(july, (2 - new Date(`${july}T00:00:00Z`).getUTCDay() + 7) % 7);
  };
  const rowOf = async (day: string) => t().sql(`SELECT kind, name, version FROM calendar_adjustment WHERE day = $1`, [day]);
  const made = async () => {
    const date = freshTuesday();
    const { createCalendarAdjustment } = ok(await t().gql(Q.create, { input: { date, kind: 'DAY_OFF', name: 'Nghỉ thử phạm vi' } }, { as: 'admin' }));
    return createCalendarAdjustment.calendarAdjustment as { id: string; date: string; version: number };
  };
  /** A write and, after it, the adjustment's row: as expected when allowed, as it was when refused. */
  const write =
    (run: () => Promise<{ input: Record<string, unknown>; day: string }>, after: (rows: unknown[]) => void, field?: string): Scenario =>
    async (caller) => {
      const { input, day } = await run();
      const mutation = 'version' in input ? ('name' in input ? Q.update : Q.delete) : Q.create;
      const before = await rowOf(day);
      const res = await t().gql(mutation, { input }, caller);
      return {
        res,
        async verify(_data, outcome) {
          if (outcome === 'ALLOWED') after(await rowOf(day));
          else expect(await rowOf(day)).toEqual(before);
          if (outcome === 'BAD_USER_INPUT') expect(failure(res).extensions.fields?.map((f) => f.field)).toEqual([field]);
        },
      };
    };

  return {
    workingCalendar: {
      'the year 2026': async (caller) => ({
        res: await t().gql(Q.calendar, { year: 2026 }, caller),
        verify(data) {
          expect(data.find((d: any) => d.date === '2026-02-17')).toMatchObject({ kind: 'PUBLIC_HOLIDAY' });
          expect(data.find((d: any) => d.date === '2026-01-10')).toMatchObject({ kind: 'WORKING_DAY', version: expect.any(Number) });
        },
      }),
      'the year 2018': async (caller) => ({ res: await t().gql(Q.calendar, { year: 2018 }, caller) }),
    },
    createCalendarAdjustment: {
      'a day off on a Tuesday': write(
        async () => {
          const date = freshTuesday();
          return { input: { date, kind: 'DAY_OFF', name: 'Nghỉ thử phạm vi' }, day: date };
        },
        (rows) => expect(rows).toEqual([{ kind: 'DAY_OFF', name: 'Nghỉ thử phạm vi', version: 1 }]),
      ),
      'a day off on a Saturday': write(
        async () => {
          const date = addDays(freshTuesday(), 4);
          return { input: { date, kind: 'DAY_OFF', name: 'Nghỉ thứ Bảy' }, day: date };
        },
        () => undefined,
        'date',
      ),
    },
    updateCalendarAdjustment: {
      'an adjustment of its own, renamed': write(
        async () => {
          const a = await made();
          return { input: { id: a.id, version: a.version, name: 'Đã đổi tên' }, day: a.date };
        },
        (rows) => expect(rows).toEqual([{ kind: 'DAY_OFF', name: 'Đã đổi tên', version: 2 }]),
      ),
    },
    deleteCalendarAdjustment: {
      'an adjustment of its own': write(
        async () => {
          const a = await made();
          return { input: { id: a.id, version: a.version }, day: a.date };
        },
        (rows) => expect(rows).toEqual([]),
      ),
    },
  };
}
