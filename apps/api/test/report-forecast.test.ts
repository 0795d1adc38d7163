/**
 * Demand forecast (issue 13): `dossierForecast` forecasts a desk's arrivals per day and opening slot
 * from the dossiers received there (the method: src/modules/reports/dossier-forecast.model.ts). On
 * dossiers made here with a known pattern it gives the pattern back (Monday mornings twice as busy), 0 on a
 * public holiday, a month's seasonality once a full year is there; its error on past weeks equals the
 * one computed by hand; and its counters, never more than the desk's open counters, become the demand
 * of the roster's auto-fill (demandSource FORECAST).
 */
import { mondayOf } from '../src/modules/counters/counter.service';
import { countersFor, errors } from '../src/modules/reports/dossier-forecast.model';
import { DossierForecastService } from '../src/modules/reports/dossier-forecast.service';
import { SYSTEM } from '../src/platform/graphql/context';
import { addDays, todayInVietnam } from '../src/platform/graphql/scalars';
import { failure, ok, startTestApp, type TestApp } from './harness';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ signInAs: 'admin' });
}, 180_000);
afterAll(() => t?.close());

const FORECAST = `query($input: DossierForecastInput!) { dossierForecast(input: $input) {
  desk { code } from to historyFrom historyTo historyDays enoughHistory seasonal dossiersPerCounterHour openCounters
  days { day weekday status note expected slots { opensAt closesAt expected low high basis counters } }
  backtest { from to forecast actual slotsCompared mae wape days { day status forecast actual } } backtestMae backtestWape } }`;

const deskIdOf = async (code: string) => (await t.sql('SELECT id FROM one_stop_desk WHERE code = $1', [code]))[0].id as string;
const isoWeekday = (day: string) => ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

/** Dossiers received at a desk at Vietnam moments ("2025-10-06 08:00"), straight into the table. */
async function receive(deskCode: string, moments: string[]): Promise<void> {
  for (let i = 0; i < moments.length; i += 2000) {
    await t.sql(
      `INSERT INTO dossier (code, province_id, procedure_id, desk_id, agency_id, channel, status, applicant_name, applicant_phone, received_at, due_at)
       SELECT 'DB-' || gen_random_uuid()::text, d.province_id, (SELECT p.id FROM procedure p WHERE p.province_id = d.province_id ORDER BY p.code LIMIT 1), d.id, d.agency_id,
              'AT_DESK', 'RECEIVED', 'Người thử dự báo', '0912345678', x.t, x.t + interval '5 days'
         FROM one_stop_desk d, unnest($2::timestamptz[]) AS x(t) WHERE d.code = $1`,
      [deskCode, moments.slice(i, i + 2000).map((m) => `${m}:00+07`)],
    );
  }
}

/** `n` moments from `start` ("08:00") a minute apart on `day`. */
const at = (day: string, start: string, n: number) =>
  Array.from({ length: n }, (_, i) => {
    const minutes = Number(start.slice(0, 2)) * 60 + Number(start.slice(3)) + i;
    return `${day} ${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  });

describe('the model’s arithmetic', () => {
  it('turns arrivals into counters at a service rate, at least one while open, never more than the open counters', () => {
    // 4 dossiers an hour, a 4-hour morning: 16 per counter.
    expect(countersFor(8, 240, 4, 3)).toBe(1);
    expect(countersFor(16, 240, 4, 3)).toBe(1);
    expect(countersFor(17, 240, 4, 3)).toBe(2);
    expect(countersFor(0, 240, 4, 3)).toBe(1);
    expect(countersFor(100, 240, 4, 3)).toBe(3);
    expect(countersFor(100, 240, 4, 0)).toBe(0);
    expect(countersFor(null, 240, 4, 3)).toBeNull();
  });

  it('measures MAE in dossiers per slot and WAPE in % of what arrived', () => {
    expect(errors([{ forecast: 4, actual: 8 }, { forecast: 3, actual: 2 }])).toEqual({ mae: 2.5, wape: 50 });
    expect(errors([{ forecast: 1, actual: 0 }])).toEqual({ mae: 1, wape: null });
    expect(errors([])).toEqual({ mae: null, wape: null });
  });
});

describe('a weekly pattern (Cẩm Xuyên’s desk, the ten weeks before today)', () => {
  const DESK = '42-UBND-446-MC'; // Monday–Friday 07:30–11:30 and 13:30–17:00, 3 open counters (roster seed)
  const today = todayInVietnam();
  let deskId: string;

  beforeAll(async () => {
    deskId = await deskIdOf(DESK);
    const moments: string[] = [];
    for (let day = addDays(mondayOf(today), -70); day < today; day = addDays(day, 1)) {
      const weekday = isoWeekday(day);
      if (weekday > 5) continue;
      moments.push(...at(day, '08:00', weekday === 1 ? 8 : 4), ...at(day, '14:00', 4));
      moments.push(`${day} 20:00`); // an online registration at night: in no slot, not an arrival
    }
    await receive(DESK, moments);
  });

  it('gives the pattern back: Monday mornings twice as busy, 0 on days the desk is closed', async () => {
    const f = ok(await t.gql(FORECAST, { input: { deskId, weeks: 2 } })).dossierForecast;
    expect(f.desk.code).toBe(DESK);
    expect(f.from).toBe(addDays(mondayOf(today), 7));
    expect(f.to).toBe(addDays(mondayOf(today), 20));
    expect(f.historyTo).toBe(addDays(today, -1));
    expect(f.seasonal).toBe(false);
    expect(f.enoughHistory).toBe(true);
    expect(f.openCounters).toBe(3);
    expect(f.dossiersPerCounterHour).toBe(4);
    expect(f.days).toHaveLength(14);
    for (const d of f.days) {
      if (d.status === 'HOLIDAY') {
        expect([d.expected, d.slots]).toEqual([0, []]);
        expect(d.note).toBeTruthy();
      } else if (d.weekday > 5) {
        expect([d.status, d.expected, d.slots]).toEqual(['CLOSED', 0, []]);
      } else {
        expect(d.status).toBe('OPEN');
        const morning = d.weekday === 1 ? 8 : 4;
        expect(d.slots.map((s: any) => [s.opensAt, s.closesAt, s.expected, s.low, s.high])).toEqual([
          ['07:30', '11:30', morning, morning, morning],
          ['13:30', '17:00', 4, 4, 4],
        ]);
        expect(d.expected).toBe(morning + 4);
        // 4 an hour over 4 hours: 16 per counter; at least one counter while open.
        expect(d.slots.map((s: any) => s.counters)).toEqual([1, 1]);
      }
    }
    // Its error on the four past weeks: none, the pattern repeats exactly.
    expect(f.backtest).toHaveLength(4);
    expect(f.backtest.map((w: any) => w.from)).toEqual([28, 21, 14, 7].map((n) => addDays(mondayOf(today), -n)));
    // (A week off from Monday to Friday, as Tết can be, has nothing to compare.)
    const compared = f.backtest.filter((w: any) => w.slotsCompared > 0);
    expect(compared.length).toBeGreaterThan(0);
    for (const w of compared) expect([w.mae, w.wape, w.forecast]).toEqual([0, 0, w.actual]);
    expect([f.backtestMae, f.backtestWape]).toEqual([0, 0]);
  });

  it('never asks for more counters than the desk has open, and becomes the auto-fill’s demand', async () => {
    const rate = 0.5; // two dossiers per counter in a 4-hour morning
    const f = ok(await t.gql(FORECAST, { input: { deskId, weeks: 1, dossiersPerCounterHour: rate } })).dossierForecast;
    const open = f.days.filter((d: any) => d.status === 'OPEN');
    for (const d of open) {
      const [morning, afternoon] = d.slots;
      // Monday morning: 8 ÷ 2 = 4 counters, capped at the 3 open; others 4 ÷ 2 = 2; afternoons 4 ÷ 1.75 → 3.
      expect(morning.counters).toBe(d.weekday === 1 ? 3 : 2);
      expect(afternoon.counters).toBe(3);
    }
    const expectedDemand = open.reduce((a: number, d: any) => a + d.slots.reduce((b: number, s: any) => b + s.counters, 0), 0);

    const START = `mutation($input: StartRosterAutoFillInput!) { startRosterAutoFill(input: $input) { job { id demandSource } } }`;
    const JOB = `query($id: ID!) { rosterAutoFillJob(id: $id) { status demandSource error proposal { demanded } } }`;
    const run = async (input: Record<string, unknown>) => {
      const job = ok(await t.gql(START, { input: { deskId, from: f.from, to: f.to, ...input } }, { as: 'hatinh.buudien' })).startRosterAutoFill.job;
      for (let i = 0; i < 120; i += 1) {
        const state = ok(await t.gql(JOB, { id: job.id }, { as: 'hatinh.buudien' })).rosterAutoFillJob;
        if (state.status === 'DONE' || state.status === 'FAILED') return state;
        await new Promise((r) => setTimeout(r, 250));
      }
      throw new Error('auto-fill did not finish');
    };
    const byForecast = await run({ demandSource: 'FORECAST', dossiersPerCounterHour: rate });
    expect([byForecast.status, byForecast.demandSource, byForecast.error]).toEqual(['DONE', 'FORECAST', null]);
    expect(byForecast.proposal.demanded).toBe(expectedDemand);
    // The interval's own demand (none set: every open counter, holidays included) asks for more.
    const byHours = await run({});
    expect(byHours.demandSource).toBe('OPENING_HOURS');
    expect(byHours.proposal.demanded).toBeGreaterThan(expectedDemand);

    // A forecast is one desk's: the whole province cannot take it.
    const res = await t.gql(START, { input: { from: f.from, to: f.to, demandSource: 'FORECAST' } }, { as: 'hatinh.buudien' });
    expect(failure(res).extensions.fields?.map((x) => x.field)).toEqual(['deskId']);
  }, 90_000);

  it('refuses a number of weeks outside 1–8 and a start too far away', async () => {
    expect(failure(await t.gql(FORECAST, { input: { deskId, weeks: 9 } })).extensions.code).toBe('BAD_USER_INPUT');
    const res = await t.gql(FORECAST, { input: { deskId, weeks: 1, from: addDays(today, 400) } });
    expect(failure(res).extensions.fields?.map((x) => x.field)).toEqual(['from']);
  });
});

describe('fixed weeks (Kỳ Anh’s desk, forecast as on Wednesday 19/11/2025)', () => {
  const DESK = '42-UBND-447-MC';
  const TODAY = '2025-11-19';
  // Weeks from Monday 29/09/2025 to the week of 10/11/2025: every slot of every weekday gets the week's count.
  const WEEKS: Array<[string, number]> = [['2025-09-29', 2], ['2025-10-06', 4], ['2025-10-13', 6], ['2025-10-20', 4], ['2025-10-27', 8], ['2025-11-03', 2], ['2025-11-10', 6], ['2025-11-17', 4]];
  let deskId: string;
  const service = () => t.app.container.get(DossierForecastService);

  beforeAll(async () => {
    deskId = await deskIdOf(DESK);
    const moments: string[] = [];
    for (const [monday, n] of WEEKS) {
      for (let i = 0; i < 5; i += 1) {
        const day = addDays(monday, i);
        if (day >= TODAY) continue;
        moments.push(...at(day, '08:00', n), ...at(day, '14:00', n));
      }
    }
    await receive(DESK, moments);
  });

  it('has the backtest error computed by hand, each past week forecast from the weeks before it only', async () => {
    const f = await service().forecast(SYSTEM, { deskId, weeks: 1 }, TODAY);
    expect(f.historyFrom).toBe('2025-09-29');
    // Week of 20/10: mean(2, 4, 6) = 4 against 4; of 27/10: mean(2, 4, 6, 4) = 4 against 8;
    // of 03/11: mean(2, 4, 6, 4, 8) = 4.8 against 2; of 10/11: mean(2, 4, 6, 4, 8, 2) = 4.3 against 6. Ten slots a week.
    expect(f.backtest.map((w) => [w.from, w.to, w.slotsCompared, w.forecast, w.actual, w.mae, w.wape])).toEqual([
      ['2025-10-20', '2025-10-26', 10, 40, 40, 0, 0],
      ['2025-10-27', '2025-11-02', 10, 40, 80, 4, 50],
      ['2025-11-03', '2025-11-09', 10, 48, 20, 2.8, 140],
      ['2025-11-10', '2025-11-16', 10, 43, 60, 1.7, 28.33],
    ]);
    // Over the four: (0 + 40 + 28 + 17) ÷ 40 slots = 2.125 dossiers per slot; 85 ÷ 200 arrived = 42.5 %.
    expect(f.backtestMae).toBeCloseTo(2.125, 1);
    expect(f.backtestWape).toBe(42.5);
    expect(f.backtest[3].days.map((d) => [d.day, d.status, d.forecast, d.actual])).toEqual([
      ['2025-11-10', 'OPEN', 8.6, 12],
      ['2025-11-11', 'OPEN', 8.6, 12],
      ['2025-11-12', 'OPEN', 8.6, 12],
      ['2025-11-13', 'OPEN', 8.6, 12],
      ['2025-11-14', 'OPEN', 8.6, 12],
      ['2025-11-15', 'CLOSED', null, null],
      ['2025-11-16', 'CLOSED', null, null],
    ]);
  });

  it('forecasts 0 on a public holiday (New Year’s Day 2026), and the auto-fill staffs nobody then', async () => {
    const f = await service().forecast(SYSTEM, { deskId, weeks: 1, from: '2025-12-29' }, TODAY);
    const newYear = f.days.find((d) => d.day === '2026-01-01');
    expect(newYear).toMatchObject({ status: 'HOLIDAY', expected: 0, slots: [] });
    expect(newYear?.note).toBeTruthy();
    const monday = f.days.find((d) => d.day === '2025-12-29');
    expect(monday?.status).toBe('OPEN');
    expect(monday?.slots.every((s) => s.expected !== null && s.expected > 0)).toBe(true);
    const demand = await t.app.dataSource.transaction((m) => service().demand(m, deskId, '2025-12-29', '2026-01-04', null, TODAY));
    expect([demand.get('2026-01-01|450'), demand.get('2026-01-01|810')]).toEqual([0, 0]);
    expect(demand.get('2025-12-29|450')).toBe(1);
  });

  it('says when there is too little history: no forecast, not an error', async () => {
    const f = await service().forecast(SYSTEM, { deskId, weeks: 1, from: '2025-10-06' }, TODAY);
    // Forecast as of Monday 06/10: one week of history, fewer than 3 comparable days per slot.
    expect(f.enoughHistory).toBe(false);
    expect(f.days.filter((d) => d.status === 'OPEN').every((d) => d.slots.every((s) => s.expected === null && s.counters === null))).toBe(true);
    expect(f.backtest.every((w) => w.slotsCompared === 0 && w.mae === null)).toBe(true);
  });
});

describe('seasonality by month (the commune desk of Kỳ Bắc, a year of history)', () => {
  const DESK = '42-UBND-18760-MC';
  const TODAY = '2025-11-19';

  it('scales the recent weeks by the month’s factor once a full year is there: December twice as busy as the rest', async () => {
    const deskId = await deskIdOf(DESK);
    const moments: string[] = [];
    for (let day = '2024-11-01'; day < TODAY; day = addDays(day, 1)) {
      if (isoWeekday(day) > 5) continue;
      const n = day.slice(5, 7) === '12' ? 4 : 2;
      moments.push(...at(day, '08:00', n), ...at(day, '14:00', n));
    }
    await receive(DESK, moments);
    const f = await t.app.container.get(DossierForecastService).forecast(SYSTEM, { deskId, weeks: 2, from: '2025-11-24' }, TODAY);
    expect(f.seasonal).toBe(true);
    const open = f.days.filter((d) => d.status === 'OPEN');
    expect(open.filter((d) => d.day < '2025-12-01').flatMap((d) => d.slots.map((s) => s.expected))).toEqual([2, 2, 2, 2, 2, 2, 2, 2, 2, 2]);
    expect(open.filter((d) => d.day >= '2025-12-01').flatMap((d) => d.slots.map((s) => s.expected))).toEqual([4, 4, 4, 4, 4, 4, 4, 4, 4, 4]);
  });
});
