/**
 * The scope matrix of targets (chỉ tiêu; run by test/scope.test.ts).
 *
 * Every signed-in member of staff reads the targets of their province (national users: all); another
 * province's are hidden. The province's steering committee and administrators (and national
 * administrators) set, change and remove them, as they do aggregate figures (the same writer rows);
 * a unit of another province is FORBIDDEN, a target of another province NOT_FOUND, and a refused write
 * changes nothing.
 */
import { failure, ok, type TestApp } from '../harness';
import type { Row, Scenario, Scenarios, ScopeContext } from './matrix';
import { writerRows } from './aggregate-figures.scope';

const HT = 'Hà Tĩnh targets';
const QUARTER = 'a Hà Tĩnh quarter';
const OWN = 'a Hà Tĩnh target';

// prettier-ignore
export const REPORT_TARGET_ROWS: Row[] = [
  ['reportTargets', 'anonymous', 'UNAUTHENTICATED', HT],
  ['reportTargets', 'revoked', 'UNAUTHENTICATED', HT],
  ['reportTargets', 'admin', 'ALLOWED', HT],
  ['reportTargets', 'hatinh.bcd', 'ALLOWED', HT],
  ['reportTargets', 'hatinh.quay', 'ALLOWED', HT],
  ['reportTargets', 'hatinh.buudien', 'ALLOWED', HT],
  ['reportTargets', 'dongnai.bcd', 'HIDDEN', HT],
  ['reportTargets', 'portal', 'FORBIDDEN', HT],
  ...writerRows('setReportTarget', QUARTER, 'FORBIDDEN'),
  ['setReportTarget', 'hatinh.bcd', 'BAD_USER_INPUT', 'a share above 100 %'],
  ...writerRows('updateReportTarget', OWN, 'NOT_FOUND'),
  ...writerRows('deleteReportTarget', OWN, 'NOT_FOUND'),
  // Progress is measured by the volume report: its readers only (a post office manager on their tree).
  ['targetProgress', 'anonymous', 'UNAUTHENTICATED', HT],
  ['targetProgress', 'revoked', 'UNAUTHENTICATED', HT],
  ['targetProgress', 'admin', 'ALLOWED', HT],
  ['targetProgress', 'hatinh.bcd', 'ALLOWED', HT],
  ['targetProgress', 'hatinh.quantri', 'ALLOWED', HT],
  ['targetProgress', 'hatinh.buudien', 'ALLOWED', HT],
  ['targetProgress', 'hatinh.quay', 'FORBIDDEN', HT],
  ['targetProgress', 'hatinh.stttt', 'FORBIDDEN', HT],
  ['targetProgress', 'dongnai.bcd', 'ALLOWED', 'Đồng Nai’s own targets, none of Hà Tĩnh’s'],
  ['targetProgress', 'portal', 'FORBIDDEN', HT],
];

const Q = {
  progress: `query($filter: ReportTargetFilter) { targetProgress(filter: $filter) { target { id province { code } } light } }`,
  list: `query($filter: ReportTargetFilter) { reportTargets(filter: $filter, first: 50) { totalCount edges { node { id targetPercent province { code } } } } }`,
  set: `mutation($input: SetReportTargetInput!) { setReportTarget(input: $input) { reportTarget { id version targetPercent } } }`,
  update: `mutation($input: UpdateReportTargetInput!) { updateReportTarget(input: $input) { reportTarget { id version targetPercent } } }`,
  delete: `mutation($input: DeleteReportTargetInput!) { deleteReportTarget(input: $input) { id } }`,
};

export function reportTargetScenarios(ctx: ScopeContext): Scenarios {
  const t = (): TestApp => ctx.app();
  // Each write on a quarter of its own, so no two cases meet on one unit, metric and period.
  let quarter = 0;
  const nextQuarter = () => {
    quarter += 1;
    const year = 2030 + Math.floor(quarter / 4);
    const q = quarter % 4;
    const start = `${year}-${String(q * 3 + 1).padStart(2, '0')}-01`;
    const end = `${year}-${String(q * 3 + 3).padStart(2, '0')}-${q === 0 || q === 3 ? '31' : '30'}`;
    return { periodStart: start, periodEnd: end };
  };
  const rowsOf = (id: string) => t().sql('SELECT target_percent::float AS percent, version FROM report_target WHERE id = $1', [id]);
  const countOf = async () => (await t().sql('SELECT count(*)::int AS n FROM report_target'))[0].n as number;
  const input = (percent: number) => ({ administrativeUnitCode: '42', metric: 'ONLINE_SHARE', ...nextQuarter(), targetPercent: percent });
  const own = async () => ok(await t().gql(Q.set, { input: input(30) }, { as: 'admin' })).setReportTarget.reportTarget as { id: string; version: number };
  let seeded: string | null = null;
  const set = (percent: number, field?: string): Scenario => async (caller) => {
    const before = await countOf();
    const res = await t().gql(Q.set, { input: input(percent) }, caller);
    return {
      res,
      async verify(data, outcome) {
        if (outcome === 'ALLOWED') expect(await rowsOf(data.reportTarget.id)).toEqual([{ percent, version: 1 }]);
        else expect(await countOf()).toBe(before);
        if (outcome === 'BAD_USER_INPUT') expect(failure(res).extensions.fields?.map((f) => f.field)).toEqual([field]);
      },
    };
  };

  return {
    reportTargets: {
      [HT]: async (caller, who) => {
        seeded ??= (await own()).id;
        return {
          res: await t().gql(Q.list, { filter: {} }, caller),
          verify(data, outcome) {
            const ids = data.edges.map((e: any) => e.node.id);
            if (outcome === 'HIDDEN') expect(ids).not.toContain(seeded);
            else expect(ids).toContain(seeded);
            if (who !== 'admin') expect(data.edges.every((e: any) => e.node.province.code === '42')).toBe(true);
          },
        };
      },
    },
    targetProgress: {
      [HT]: async (caller, who) => {
        seeded ??= (await own()).id;
        return {
          res: await t().gql(Q.progress, { filter: {} }, caller),
          verify(data) {
            expect(data.map((p: any) => p.target.id)).toContain(seeded);
            if (who !== 'admin') expect(data.every((p: any) => p.target.province.code === '42')).toBe(true);
          },
        };
      },
      'Đồng Nai’s own targets, none of Hà Tĩnh’s': async (caller) => {
        seeded ??= (await own()).id;
        return {
          res: await t().gql(Q.progress, { filter: {} }, caller),
          verify(data) {
            expect(data.every((p: any) => p.target.province.code === '75')).toBe(true);
          },
        };
      },
    },
    setReportTarget: {
      [QUARTER]: set(40),
      'a share above 100 %': set(120, 'targetPercent'),
    },
    updateReportTarget: {
      [OWN]: async (caller) => {
        const target = await own();
        const res = await t().gql(Q.update, { input: { id: target.id, version: target.version, targetPercent: 45 } }, caller);
        return {
          res,
          async verify(_data, outcome) {
            expect(await rowsOf(target.id)).toEqual([outcome === 'ALLOWED' ? { percent: 45, version: 2 } : { percent: 30, version: 1 }]);
          },
        };
      },
    },
    deleteReportTarget: {
      [OWN]: async (caller) => {
        const target = await own();
        const res = await t().gql(Q.delete, { input: { id: target.id, version: target.version } }, caller);
        return {
          res,
          async verify(data, outcome) {
            if (outcome === 'ALLOWED') expect(data.id).toBe(target.id);
            expect(await rowsOf(target.id)).toEqual(outcome === 'ALLOWED' ? [] : [{ percent: 30, version: 1 }]);
          },
        };
      },
    },
  };
}
