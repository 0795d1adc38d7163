/**
 * Volume reports (issue 13): how many dossiers went through the post office, where and when, from the
 * two kinds of data the product has, and never from a COUNT over `dossier` on the request path:
 * - DOSSIERS: the dossiers held here, through `dossier_daily_rollup` (dossier-rollup.service.ts says
 *   what each counter counts and on which Vietnam day);
 * - AGGREGATE_FIGURES: the period totals units that keep their dossiers elsewhere submitted
 *   (`aggregate_figure`, aggregate-figure.service.ts), each with its source text.
 *
 * The rules, in this one place:
 * - The map. A report is drawn on the map of units in force on `asOf` (default today). Every figure is
 *   located in a unit: a rollup row in its desk's unit (else its post office's, its agency's, its
 *   province), an aggregate figure in its reporting unit as recorded. That unit counts for the unit in
 *   force on `asOf` it rolls up to, `osp_unit_as_of` (itself while in force, else its successor's
 *   successor …): a 2024 Bình Phước desk's dossiers count for Đồng Nai as of 2026 and for Bình Phước as
 *   of 2019; a unit not yet created on `asOf` is not on that day's map, and what it holds is left out.
 *   The unit reported on (`unit`, in force on `asOf`) holds what rolls up to it or under it (`path <@`).
 * - The breakdown. CHILD_UNIT: the unit directly under the chosen one (as of `asOf`) whose subtree
 *   holds the figure; what is located at the chosen unit itself (a provincial centre's desk, the
 *   province's own aggregate figures) is the row UNIT_ITSELF. DESK / POST_OFFICE: the rollup row's desk
 *   or post office; dossiers without one and the units' aggregate figures (which name no post office,
 *   and a desk only for a desk's own figure) are the row UNATTRIBUTED. The rows of a breakdown add up to
 *   the breakdown NONE, period by period.
 * - The periods. The report's days [from, to] are cut into Vietnam calendar days, months, quarters or
 *   years, the first and last cut to the report's days (then labelled "dd/MM/yyyy – dd/MM/yyyy"). A
 *   rollup row counts in the period of its day. An aggregate figure counts only if its whole period lies
 *   within [from, to], and in a period only when its whole period lies within that period: a year's
 *   figure appears in a yearly report's year, never in a monthly report's months (figures are never
 *   split or prorated). Such a figure counts in the totals only, is listed in `unsplitAggregateFigures`,
 *   and the note says the periods do not add up to the totals.
 * - The figures. Each is the sum over the sources that state it, null when none does (a unit that
 *   reported only its total via BCCI has no `received`). The dossiers state all their counters; a
 *   unit's figure states what it stated. `totalViaBcci` is, for dossiers, received via BCCI + results
 *   returned via BCCI (each leg, as Hà Tĩnh's 262,725 = 45,757 + 216,968 counts them), for a unit's
 *   figure its stated total, else the sum of its stated parts. `onTimeRate` and `overdueRate` are shares
 *   of the dossiers resolved (result ready), null when none was. A desk's own aggregate figure ("of
 *   which 42,854 at the provincial centre") is a part of its unit's: it is listed (countedHere false) in
 *   its desk's row (or with its unit's figure), never added a second time.
 * - Who. The province's STEERING_COMMITTEE and SYSTEM_ADMIN (national ones: any unit, and the country
 *   by default), within the units that roll up today to their province (Đồng Nai's committee may ask
 *   for Bình Phước as of 2019); a POST_OFFICE_MANAGER sees the dossiers of their post office's tree
 *   only (no aggregate figure: those are the units'). Others are FORBIDDEN.
 * - Channels. With `channels`, only the rollup rows of those channels count; aggregate figures, which are
 *   not split by channel, are left out, and the note says so.
 * - How. One statement: the rollup rows of the days grouped by place and period (the whole months from
 *   `dossier_place_rollup` when no desk or post office matters, else `dossier_monthly_rollup`; the days
 *   of months covered in part from `dossier_daily_rollup`:
 *   rollupRanges; with a unit, only the rows of places that can roll up under it), the aggregate figures of the
 *   days, their places rolled up through `osp_unit_as_of` once per distinct unit retired before asOf
 *   (one in force is itself, one not yet created is off the map), kept under the chosen unit's path and
 *   keyed by the breakdown; the rows and
 *   totals are assembled in memory.
 */
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { forbidden, requireRole, scopeProvince } from '../../platform/authz';
import { Injectable } from '../../platform/container';
import { recordFromJson } from '../../platform/database/rows';
import { badInput, type Bilingual } from '../../platform/errors';
import type { Actor } from '../../platform/graphql/context';
import { addDays, isIsoDate, shownDay, todayInVietnam } from '../../platform/graphql/scalars';
import { currentRequest } from '../../platform/request-context';
import { POST_OFFICE_TREE } from '../post-offices/post-office.service';
import { AggregateFigure } from './aggregate-figure.entity';
import {
  type DossierVolumeFilter,
  type DossierVolumeReport,
  type DossierVolumeRow,
  type ReportPeriod,
  type VolumeAggregateFigure,
  ReportGranularity,
  VolumeBreakdown,
  VolumeRowKind,
  VolumeSource,
} from './report.inputs';

/** Who reads volume reports (post office managers: their post office tree's dossiers only). */
export const REPORT_READERS = ['STEERING_COMMITTEE', 'SYSTEM_ADMIN', 'POST_OFFICE_MANAGER'];
/** At most this many periods in one report (a year of days). */
export const MAX_PERIODS = 400;

const COUNTERS = ['received', 'receivedViaBcci', 'resultsReturnedViaBcci', 'online', 'atDesk', 'digitised', 'resultsReturned', 'resolvedOnTime', 'resolvedLate', 'ratedSatisfied', 'ratedNeutral', 'ratedDissatisfied'] as const;
type Counter = (typeof COUNTERS)[number];
const COLUMN: Record<Counter, string> = {
  received: 'received',
  receivedViaBcci: 'received_via_bcci',
  resultsReturnedViaBcci: 'results_returned_via_bcci',
  online: 'online',
  atDesk: 'at_desk',
  digitised: 'digitised',
  resultsReturned: 'results_returned',
  resolvedOnTime: 'resolved_on_time',
  resolvedLate: 'resolved_late',
  ratedSatisfied: 'rated_satisfied',
  ratedNeutral: 'rated_neutral',
  ratedDissatisfied: 'rated_dissatisfied',
};
const FIGURE_KEYS = [...COUNTERS, 'receivedAndReturnedViaBcci', 'totalViaBcci'] as const;
type FigureKey = (typeof FIGURE_KEYS)[number];
type Figures = Record<FigureKey, number | null>;

const TRUNC: Record<ReportGranularity, string> = { DAY: 'day', MONTH: 'month', QUARTER: 'quarter', YEAR: 'year' };
const STEP: Record<ReportGranularity, string> = { DAY: '1 day', MONTH: '1 month', QUARTER: '3 months', YEAR: '1 year' };

export interface ChosenUnit {
  id: string | null;
  name: string;
  path: string | null;
}

interface RawRow {
  src: 'D' | 'F';
  bucket: string;
  splits: boolean;
  key_id: string | null;
  key_code: string | null;
  key_name: string | null;
  key_sort: string | null;
  itself: boolean;
  figure: Record<string, unknown> | null;
  [counter: string]: unknown;
}

// ── Periods ─────────────────────────────────────────────────────────────────

const ymd = (d: Date) => d.toISOString().slice(0, 10);
const utc = (day: string) => new Date(`${day}T00:00:00Z`);

/** The calendar period of a granularity that holds a day: its first and last day. */
export function calendarPeriod(day: string, granularity: ReportGranularity): { start: string; end: string } {
  const d = utc(day);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (granularity) {
    case ReportGranularity.DAY:
      return { start: day, end: day };
    case ReportGranularity.MONTH:
      return { start: ymd(new Date(Date.UTC(y, m, 1))), end: ymd(new Date(Date.UTC(y, m + 1, 0))) };
    case ReportGranularity.QUARTER: {
      const q = Math.floor(m / 3) * 3;
      return { start: ymd(new Date(Date.UTC(y, q, 1))), end: ymd(new Date(Date.UTC(y, q + 3, 0))) };
    }
    case ReportGranularity.YEAR:
      return { start: `${y}-01-01`, end: `${y}-12-31` };
  }
}

/** How officials write a whole calendar period: "Ngày 05/12/2026", "Tháng 7/2026", "Quý 3/2026", "Năm 2023" (month and quarter alike unpadded). */
export function periodLabel(start: string, granularity: ReportGranularity): string {
  const [y, m] = start.split('-');
  switch (granularity) {
    case ReportGranularity.DAY:
      return `Ngày ${shownDay(start)}`;
    case ReportGranularity.MONTH:
      return `Tháng ${Number(m)}/${y}`;
    case ReportGranularity.QUARTER:
      return `Quý ${Math.floor((Number(m) - 1) / 3) + 1}/${y}`;
    case ReportGranularity.YEAR:
      return `Năm ${y}`;
  }
}

/** A period cut to the report's days; labelled as a calendar period when it is a whole one. */
export function reportPeriod(start: string, end: string, granularity: ReportGranularity): ReportPeriod {
  const whole = calendarPeriod(start, granularity);
  if (whole.start === start && whole.end === end) return { start, end, label: periodLabel(start, granularity) };
  return { start, end, label: `${shownDay(start)} – ${shownDay(end)}` };
}

/** The periods of [from, to]: calendar periods, the first and last cut to the report's days. */
export function reportPeriods(from: string, to: string, granularity: ReportGranularity): ReportPeriod[] {
  const periods: ReportPeriod[] = [];
  let day = from;
  while (day <= to && periods.length <= MAX_PERIODS) {
    const whole = calendarPeriod(day, granularity);
    const end = whole.end < to ? whole.end : to;
    periods.push(reportPeriod(day, end, granularity));
    day = addDays(end, 1);
  }
  return periods;
}

/** The label of the whole report's days: the calendar period they make up, else the range. */
export function wholeLabel(from: string, to: string): ReportPeriod {
  for (const g of [ReportGranularity.YEAR, ReportGranularity.QUARTER, ReportGranularity.MONTH, ReportGranularity.DAY]) {
    const whole = calendarPeriod(from, g);
    if (whole.start === from && whole.end === to) return { start: from, end: to, label: periodLabel(from, g) };
  }
  return { start: from, end: to, label: `${shownDay(from)} – ${shownDay(to)}` };
}

/** A range of days read from the daily rollup, added (+1) or taken away (-1) from a month read whole. */
export interface DayRange {
  from: string;
  to: string;
  sign: 1 | -1;
}

/**
 * Where a report's days are read (see the migration 1765600000000-monthly-rollup): `months`, the first days
 * of the calendar months read whole from the monthly (or place) rollup, and `days`, ranges of days read from
 * the daily one. A month within [from, to] is read whole; a month the report covers in part (its first or
 * last) is read by its covered days, or, when it covers more than half of it, whole with the days it does
 * not cover taken away (fewer daily rows: the last 365 days read 5 days of December and take away 5, not
 * 26 + 5). Every row taken away lies in the same month, so in the same period of any granularity but DAY;
 * a report by day reads days only. At most two ranges of days (the first month's and the last's, or the
 * two sides of the one month a report covers in part).
 */
export function rollupRanges(from: string, to: string, granularity: ReportGranularity): { months: string[]; days: DayRange[] } {
  if (granularity === ReportGranularity.DAY) return { months: [], days: [{ from, to, sign: 1 }] };
  const months: string[] = [];
  const days: DayRange[] = [];
  for (let start = calendarPeriod(from, ReportGranularity.MONTH).start; start <= to; ) {
    const end = calendarPeriod(start, ReportGranularity.MONTH).end;
    const coveredFrom = from > start ? from : start;
    const coveredTo = to < end ? to : end;
    if (coveredFrom === start && coveredTo === end) months.push(start);
    else {
      const covered = dayCount(coveredFrom, coveredTo);
      if (covered * 2 <= dayCount(start, end)) days.push({ from: coveredFrom, to: coveredTo, sign: 1 });
      else {
        months.push(start);
        if (coveredFrom > start) days.push({ from: start, to: addDays(coveredFrom, -1), sign: -1 });
        if (coveredTo < end) days.push({ from: addDays(coveredTo, 1), to: end, sign: -1 });
      }
    }
    start = addDays(end, 1);
  }
  return { months, days };
}

const dayCount = (from: string, to: string) => Math.round((utc(to).getTime() - utc(from).getTime()) / 86_400_000) + 1;

// ── Figures ─────────────────────────────────────────────────────────────────

const empty = (): Figures => Object.fromEntries(FIGURE_KEYS.map((k) => [k, null])) as Figures;
const plus = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : a + b);

/** A rollup group's figures: every counter stated; via BCCI in all = each leg. */
function dossierFigures(raw: RawRow): Figures {
  const out = empty();
  for (const c of COUNTERS) out[c] = Number(raw[c]);
  out.totalViaBcci = (out.receivedViaBcci ?? 0) + (out.resultsReturnedViaBcci ?? 0);
  return out;
}

/** An aggregate figure's figures: what it states; its total, else the sum of its stated parts. */
function aggregateFigures(f: AggregateFigure): Figures {
  const out = empty();
  out.receivedViaBcci = f.receivedViaBcci;
  out.resultsReturnedViaBcci = f.resultsReturnedViaBcci;
  out.receivedAndReturnedViaBcci = f.receivedAndReturnedViaBcci;
  out.online = f.online;
  out.atDesk = f.atDesk;
  const parts = [f.receivedViaBcci, f.resultsReturnedViaBcci, f.receivedAndReturnedViaBcci].filter((v): v is number => v !== null);
  out.totalViaBcci = f.totalViaBcci ?? (parts.length ? parts.reduce((s, v) => s + v, 0) : null);
  return out;
}

const addFigures = (a: Figures, b: Figures): Figures => Object.fromEntries(FIGURE_KEYS.map((k) => [k, plus(a[k], b[k])])) as Figures;

interface Acc {
  kind: VolumeRowKind;
  id: string | null;
  code: string | null;
  name: string;
  sort: string;
  period: ReportPeriod;
  figures: Figures;
  fromDossiers: boolean;
  aggregates: VolumeAggregateFigure[];
}

function finish(acc: Acc): DossierVolumeRow {
  const { resolvedOnTime, resolvedLate } = acc.figures;
  const resolved = (resolvedOnTime ?? 0) + (resolvedLate ?? 0);
  const sources: VolumeSource[] = [];
  if (acc.fromDossiers) sources.push(VolumeSource.DOSSIERS);
  if (acc.aggregates.some((a) => a.countedHere)) sources.push(VolumeSource.AGGREGATE_FIGURES);
  return {
    kind: acc.kind,
    id: acc.id,
    code: acc.code,
    name: acc.name,
    period: acc.period,
    ...acc.figures,
    onTimeRate: resolved ? (resolvedOnTime ?? 0) / resolved : null,
    overdueRate: resolved ? (resolvedLate ?? 0) / resolved : null,
    sources,
    aggregateFigures: acc.aggregates,
  };
}

const message = (m: Bilingual) => m[currentRequest()?.lang ?? 'vi'];

@Injectable()
export class ReportService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The volume report of a unit (see the module comment for every rule). One statement.
   * `dossiersOnly`: leave the aggregate figures out (the service-quality index, quality.service.ts, whose
   * shares units' figures cannot state), without the note `channels` adds.
   */
  async dossierVolumes(actor: Actor, filter: DossierVolumeFilter, options: { dossiersOnly?: boolean } = {}): Promise<DossierVolumeReport> {
    requireRole(actor, REPORT_READERS);
    const scope = scopeProvince(actor);
    const managerOnly = actor.kind === 'user' && !actor.roles.some((r) => r === 'STEERING_COMMITTEE' || r === 'SYSTEM_ADMIN');
    const office = managerOnly && actor.kind === 'user' ? actor.postOfficeId : null;
    if (managerOnly && !office) throw forbidden();

    const today = todayInVietnam();
    const asOf = filter.asOf ?? today;
    const { from, to } = filter;
    const granularity = filter.granularity ?? ReportGranularity.MONTH;
    const breakdown = filter.breakdown ?? VolumeBreakdown.NONE;
    if (!isIsoDate(from)) throw badInput('from', { vi: 'Ngày không hợp lệ.', en: 'Not a valid day.' });
    if (!isIsoDate(to)) throw badInput('to', { vi: 'Ngày không hợp lệ.', en: 'Not a valid day.' });
    if (to < from) throw badInput('to', { vi: 'Ngày kết thúc phải từ ngày bắt đầu trở đi.', en: 'The end must not be before the start.' });
    const periods = reportPeriods(from, to, granularity);
    if (periods.length > MAX_PERIODS) {
      throw badInput('to', { vi: `Báo cáo có tối đa ${MAX_PERIODS} kỳ: hãy chọn kỳ dài hơn hoặc khoảng ngắn hơn.`, en: `A report has at most ${MAX_PERIODS} periods: choose longer periods or fewer days.` });
    }
    const channels = filter.channels?.length ? [...new Set(filter.channels)] : null;
    const unit = await this.chosenUnit(scope, filter.unit?.trim() || null, asOf, today);

    const trunc = TRUNC[granularity];
    const { months, days } = rollupRanges(from, to, granularity);
    if (days.length > 2) throw new Error(`rollupRanges gave ${days.length} ranges of days; the statement reads two`);
    const level = unit.path ? unit.path.split('.').length : 0;
    const sums = (alias: string) => COUNTERS.map((c) => `sum(${alias}.${COLUMN[c]})::int AS ${COLUMN[c]}`).join(', ');
    const columns = (alias: string, sign?: string) => COUNTERS.map((c) => (sign ? `${alias}.${COLUMN[c]} * ${sign} AS ${COLUMN[c]}` : `${alias}.${COLUMN[c]}`)).join(', ');
    const keyedCounters = COUNTERS.map((c) => `${COLUMN[c]}`).join(', ');
    const nullCounters = COUNTERS.map((c) => `NULL::int AS ${COLUMN[c]}`).join(', ');
    const summed = COUNTERS.map((c) => `sum(k.${COLUMN[c]})::int AS "${c}"`).join(', ');
    const key = (alias: string) => `
      CASE $6 WHEN 'CHILD_UNIT' THEN CASE WHEN nlevel(m.path) > $7 THEN subpath(m.path, 0, $7 + 1)::text END END AS child_path,
      ($6 = 'CHILD_UNIT' AND nlevel(m.path) <= $7) AS itself,
      CASE $6 WHEN 'DESK' THEN ${alias}.desk_id END AS desk_id,
      CASE $6 WHEN 'POST_OFFICE' THEN ${alias}.post_office_id END AS post_office_id`;
    const raw: RawRow[] = await this.dataSource.query(
      `WITH candidates AS (
         -- With a unit: the places that may roll up under it, so that only their rollup rows are grouped. A
         -- unit in force on asOf is itself on that day's map (under the unit when its path is); any other may
         -- roll up anywhere through its successors (mapped decides).
         SELECT u.id FROM administrative_unit u
          WHERE $4::ltree IS NOT NULL AND (u.path <@ $4::ltree OR NOT (u.valid_from <= $3::date AND (u.valid_to IS NULL OR u.valid_to >= $3::date)))
       ), rolled AS (
         -- The months read whole: by place from dossier_place_rollup when neither desk nor post office matters ($16) …
         SELECT p.place_id AS place, NULL::uuid AS desk_id, NULL::uuid AS post_office_id, date_trunc($5, p.month::timestamp)::date AS bucket, ${sums('p')}
           FROM dossier_place_rollup p
          WHERE $16::boolean AND p.month = ANY($12::date[])
            AND ($10::text[] IS NULL OR p.channel::text = ANY($10::text[]))
            AND ($4::ltree IS NULL OR p.place_id IN (SELECT id FROM candidates))
          GROUP BY 1, 4
         UNION ALL
         -- … else from dossier_monthly_rollup; and the days of the months covered in part (or every day of a
         -- report by day) from the daily one, added or taken away (rollupRanges); each row located in its place.
         SELECT coalesce(kd.administrative_unit_id, po.administrative_unit_id, ag.administrative_unit_id, r.province_id) AS place,
                -- the desk or post office only when the breakdown is by them: fewer groups otherwise
                CASE $6 WHEN 'DESK' THEN r.desk_id END AS desk_id, CASE $6 WHEN 'POST_OFFICE' THEN r.post_office_id END AS post_office_id,
                date_trunc($5, r.day::timestamp)::date AS bucket, ${sums('r')}
           FROM (SELECT m.province_id, m.desk_id, m.post_office_id, m.agency_id, m.month AS day, m.channel, ${columns('m')}
                   FROM dossier_monthly_rollup m WHERE NOT $16::boolean AND m.month = ANY($12::date[])
                 UNION ALL
                 -- at most two ranges of days, each its own branch: index scans on the day
                 SELECT d.province_id, d.desk_id, d.post_office_id, d.agency_id, d.day, d.channel, ${columns('d', '$15::int')}
                   FROM dossier_daily_rollup d WHERE d.day BETWEEN $13::date AND $14::date
                 UNION ALL
                 SELECT d.province_id, d.desk_id, d.post_office_id, d.agency_id, d.day, d.channel, ${columns('d', '$19::int')}
                   FROM dossier_daily_rollup d WHERE d.day BETWEEN $17::date AND $18::date) r
           LEFT JOIN one_stop_desk kd ON kd.id = r.desk_id
           LEFT JOIN post_office po ON po.id = r.post_office_id
           LEFT JOIN agency ag ON ag.id = r.agency_id
          WHERE ($8::uuid IS NULL OR r.post_office_id IN (${POST_OFFICE_TREE.replace(':office', '$8::uuid')}))
            AND ($10::text[] IS NULL OR r.channel::text = ANY($10::text[]))
            AND ($4::ltree IS NULL OR coalesce(kd.administrative_unit_id, po.administrative_unit_id, ag.administrative_unit_id, r.province_id) IN (SELECT id FROM candidates))
          GROUP BY 1, 2, 3, 4
       ), figures AS (
         SELECT f.id, f.administrative_unit_id AS place, f.desk_id, NULL::uuid AS post_office_id,
                date_trunc($5, f.period_start::timestamp)::date AS bucket,
                f.period_end <= least((date_trunc($5, f.period_start::timestamp) + $9::interval - interval '1 day')::date, $2::date) AS splits
           FROM aggregate_figure f
          WHERE $8::uuid IS NULL AND $10::text[] IS NULL AND NOT $11::boolean AND f.period_start >= $1::date AND f.period_end <= $2::date
       ), places AS (
         SELECT DISTINCT place FROM rolled UNION SELECT place FROM figures
       ), mapped AS (
         SELECT p.place, u.path
           FROM places p
           JOIN administrative_unit a ON a.id = p.place
           JOIN administrative_unit u
             -- not yet created on asOf: not on that day's map (osp_unit_as_of would give it back, refused below);
             -- in force: itself; retired before asOf: its successors'
             ON u.id = CASE WHEN a.valid_from > $3::date THEN NULL
                            WHEN a.valid_to IS NULL OR a.valid_to >= $3::date THEN a.id
                            ELSE osp_unit_as_of(a.id, $3::date) END
          WHERE u.valid_from <= $3::date AND ($4::ltree IS NULL OR u.path <@ $4::ltree)
       ), keyed AS (
         SELECT 'D' AS src, NULL::uuid AS figure_id, x.bucket, true AS splits, ${key('x')}, ${keyedCounters}
           FROM rolled x JOIN mapped m ON m.place = x.place
         UNION ALL
         SELECT 'F', x.id, x.bucket, x.splits, ${key('x')}, ${nullCounters}
           FROM figures x JOIN mapped m ON m.place = x.place
       )
       SELECT k.src, to_char(k.bucket, 'YYYY-MM-DD') AS bucket, k.splits, k.itself,
              coalesce(cu.id, kd.id, po.id) AS key_id, coalesce(cu.code, kd.code, po.code) AS key_code, coalesce(cu.name, kd.name, po.name) AS key_name,
              osp_sort_key(coalesce(cu.name, kd.name, po.name)) AS key_sort,
              (SELECT to_jsonb(af) FROM aggregate_figure af WHERE af.id = k.figure_id) AS figure,
              ${summed}
         FROM keyed k
         LEFT JOIN administrative_unit cu ON cu.path = k.child_path::ltree AND cu.valid_from <= $3::date AND (cu.valid_to IS NULL OR cu.valid_to >= $3::date)
         LEFT JOIN one_stop_desk kd ON kd.id = k.desk_id
         LEFT JOIN post_office po ON po.id = k.post_office_id
        GROUP BY k.src, k.figure_id, k.bucket, k.splits, k.itself, cu.id, kd.id, po.id`,
      [
        ...[from, to, asOf, unit.path, trunc, breakdown, level, office, STEP[granularity], channels, options.dossiersOnly === true],
        ...[months, days[0]?.from ?? null, days[0]?.to ?? null, days[0]?.sign ?? null],
        // whole months by place: no desk or post office breakdown, no post office tree to keep to
        (breakdown === VolumeBreakdown.NONE || breakdown === VolumeBreakdown.CHILD_UNIT) && !office,
        ...[days[1]?.from ?? null, days[1]?.to ?? null, days[1]?.sign ?? null],
      ],
    );

    const metadata = this.dataSource.getMetadata(AggregateFigure);
    const periodOf = new Map(periods.map((p) => [calendarPeriod(p.start, granularity).start, p]));
    const whole = wholeLabel(from, to);
    const rows = new Map<string, Acc>();
    const totals: Acc = { kind: VolumeRowKind.UNIT, id: unit.id, code: null, name: unit.name, sort: '', period: whole, figures: empty(), fromDossiers: false, aggregates: [] };
    const unsplit: AggregateFigure[] = [];
    let parts = false;

    for (const r of raw) {
      const kind =
        breakdown === VolumeBreakdown.NONE
          ? VolumeRowKind.UNIT
          : r.itself
            ? VolumeRowKind.UNIT_ITSELF
            : r.key_id
              ? ({ CHILD_UNIT: VolumeRowKind.CHILD_UNIT, DESK: VolumeRowKind.DESK, POST_OFFICE: VolumeRowKind.POST_OFFICE } as const)[breakdown]
              : VolumeRowKind.UNATTRIBUTED;
      const named = kind === VolumeRowKind.CHILD_UNIT || kind === VolumeRowKind.DESK || kind === VolumeRowKind.POST_OFFICE;
      const period = periodOf.get(r.bucket) as ReportPeriod;
      const figure = r.figure ? recordFromJson<AggregateFigure>(this.dataSource, metadata, r.figure) : null;
      const counted = figure ? figure.deskId === null : true;
      const figures = figure ? aggregateFigures(figure) : dossierFigures(r);

      // The totals: every dossier row and every counted figure within the days.
      if (figure) totals.aggregates.push({ figure, countedHere: counted });
      else totals.fromDossiers = true;
      if (counted) totals.figures = addFigures(totals.figures, figures);
      if (figure && !counted) parts = true;
      if (figure && !r.splits) {
        unsplit.push(figure);
        continue;
      }

      const id = named ? r.key_id : kind === VolumeRowKind.UNIT || kind === VolumeRowKind.UNIT_ITSELF ? unit.id : null;
      const rowKey = `${kind}|${id ?? ''}|${period.start}`;
      let acc = rows.get(rowKey);
      if (!acc) {
        const name = named
          ? (r.key_name ?? '')
          : kind === VolumeRowKind.UNATTRIBUTED
            ? message(breakdown === VolumeBreakdown.DESK ? { vi: 'Không theo bộ phận một cửa', en: 'Not by desk' } : { vi: 'Không theo bưu cục', en: 'Not by post office' })
            : kind === VolumeRowKind.UNIT_ITSELF
              ? // Beside its children, what sits at the unit itself (the provincial centre's desk, the province's own figures).
                message({ vi: `Trực thuộc ${unit.name}`, en: `Directly under ${unit.name}` })
              : unit.name;
        acc = { kind, id, code: named ? r.key_code : null, name, sort: named ? (r.key_sort ?? '') : '', period, figures: empty(), fromDossiers: false, aggregates: [] };
        rows.set(rowKey, acc);
      }
      if (figure) acc.aggregates.push({ figure, countedHere: counted });
      else acc.fromDossiers = true;
      if (counted) acc.figures = addFigures(acc.figures, figures);
    }

    const rank = (k: VolumeRowKind) => (k === VolumeRowKind.UNIT_ITSELF ? 0 : k === VolumeRowKind.UNATTRIBUTED ? 2 : 1);
    const ordered = [...rows.values()].sort((a, b) => rank(a.kind) - rank(b.kind) || (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : 0) || (a.id ?? '').localeCompare(b.id ?? '') || a.period.start.localeCompare(b.period.start));
    const byPeriod = (a: VolumeAggregateFigure, b: VolumeAggregateFigure) => a.figure.periodStart.localeCompare(b.figure.periodStart) || a.figure.id.localeCompare(b.figure.id);
    for (const acc of [...ordered, totals]) acc.aggregates.sort(byPeriod);

    const notes: Bilingual[] = [];
    const countedUnsplit = unsplit.filter((f) => f.deskId === null).length;
    if (countedUnsplit) {
      notes.push({
        vi: `${countedUnsplit} số liệu tổng hợp có kỳ báo cáo dài hơn một kỳ của báo cáo: chỉ được cộng vào dòng tổng, không chia cho các kỳ (tổng các kỳ nhỏ hơn dòng tổng).`,
        en: `${countedUnsplit} aggregate figure(s) cover more than one of the report's periods: counted in the totals only, never split (the periods add up to less than the totals).`,
      });
    }
    if (parts) {
      notes.push({
        vi: 'Số liệu riêng của bộ phận một cửa là một phần số liệu của đơn vị: được liệt kê, không cộng thêm.',
        en: 'A desk’s own aggregate figure is a part of its unit’s figure: listed, not added again.',
      });
    }
    if (channels) {
      notes.push({
        vi: 'Chỉ gồm hồ sơ của các kênh đã chọn; số liệu tổng hợp không chia theo kênh nên không được tính.',
        en: 'Only the dossiers of the chosen channels; aggregate figures are not split by channel and are left out.',
      });
    }
    if (office) {
      notes.push({ vi: 'Chỉ gồm hồ sơ của bưu cục và các bưu cục trực thuộc; không gồm số liệu tổng hợp.', en: 'Only the dossiers of your post office and those under it; no aggregate figures.' });
    }

    return {
      unitId: unit.id,
      unitName: unit.name,
      asOf,
      from,
      to,
      granularity,
      breakdown,
      rows: ordered.map(finish),
      totals: finish(totals),
      unsplitAggregateFigures: unsplit.sort((a, b) => a.periodStart.localeCompare(b.periodStart) || a.id.localeCompare(b.id)),
      note: notes.length ? notes.map(message).join(' ') : null,
    };
  }

  /**
   * The unit reported on: named by id or code (the version in force on `asOf`), else the caller's
   * province; national callers without one get the country. It must be in force on `asOf`, and roll up
   * today to the caller's province. (The staffing report names its unit by the same rule.)
   */
  async chosenUnit(scope: string | null, named: string | null, asOf: string, today: string): Promise<ChosenUnit> {
    if (!named && !scope) return { id: null, name: message({ vi: 'Toàn quốc', en: 'Whole country' }), path: null };
    const byId = named ? isUUID(named) : true;
    const [unit]: Array<{ id: string; name: string; path: string; in_force: boolean; province_today: string }> = await this.dataSource.query(
      `SELECT u.id, u.name, u.path::text AS path, (u.valid_from <= $2::date AND (u.valid_to IS NULL OR u.valid_to >= $2::date)) AS in_force,
              osp_province_of(osp_unit_as_of(u.id, $3::date)) AS province_today
         FROM administrative_unit u
        WHERE ${byId ? 'u.id = $1::uuid' : 'u.code = $1'}
        ORDER BY (u.valid_from <= $2::date AND (u.valid_to IS NULL OR u.valid_to >= $2::date)) DESC, (u.valid_from <= $2::date) DESC, u.valid_from DESC
        LIMIT 1`,
      [named ?? scope, asOf, today],
    );
    if (!unit) throw badInput('unit', { vi: `Không tìm thấy đơn vị hành chính "${named}".`, en: `No administrative unit "${named}" was found.` });
    if (scope && unit.province_today !== scope) throw forbidden();
    if (!unit.in_force) {
      throw badInput('unit', {
        vi: `${unit.name} không có hiệu lực ngày ${shownDay(asOf)}: hãy chọn đơn vị có hiệu lực ngày đó, hoặc hỏi theo một ngày khác.`,
        en: `${unit.name} is not in force on ${shownDay(asOf)}: choose a unit in force that day, or ask as of another day.`,
      });
    }
    return { id: unit.id, name: unit.name, path: unit.path };
  }
}
