import { differenceInCalendarDays } from 'date-fns';
import { fromIsoDate } from '../../dates';
import type { AdministrativeLevel, OverviewHandoverTotalsFragment, OverviewLevelProgressFragment, ProgrammeStatus } from '../../graphql/generated';

/** The levels in the order the overview lists them (province first). */
export const LEVELS: readonly AdministrativeLevel[] = ['PROVINCE', 'DISTRICT', 'COMMUNE'];

/** The counts of a progress row the chart draws, in the order of its bars. */
export const PROGRESS_SERIES = ['target', 'enrolled', 'launched', 'operating'] as const;
export type ProgressSeriesKey = (typeof PROGRESS_SERIES)[number];

/** The columns of the progress table, after the level. */
export const PROGRESS_COLUMNS = ['target', 'enrolled', 'preparing', 'launched', 'operating', 'suspended', 'late'] as const;
export type ProgressColumn = (typeof PROGRESS_COLUMNS)[number];

/** Bar colours: the plan in grey, then the colours of the site status chips (enrolled, launched, operating). */
export const PROGRESS_COLORS: Record<ProgressSeriesKey, string> = {
  target: '#9e9e9e',
  enrolled: '#0288d1',
  launched: '#1565c0',
  operating: '#2e7d32',
};
export const HANDOVER_COLORS = { civilServantsRelieved: '#ed6c02', postalStaffDeployed: '#1565c0' } as const;

const EMPTY_ROW = (level: AdministrativeLevel | null): OverviewLevelProgressFragment => ({
  level,
  target: 0,
  enrolled: 0,
  preparing: 0,
  launched: 0,
  operating: 0,
  suspended: 0,
  late: 0,
});

/** Adds rows up into a total row (level null), as the API does. */
export function totalOf(rows: readonly OverviewLevelProgressFragment[]): OverviewLevelProgressFragment {
  const total = EMPTY_ROW(null);
  for (const row of rows) for (const key of PROGRESS_COLUMNS) total[key] += row[key];
  return total;
}

export interface ProgressTable {
  /** One row per level, province → district → commune (a level the API left out counts zero). */
  levels: OverviewLevelProgressFragment[];
  /** The API's total row (level null), or the sum of the levels when it sent none. */
  total: OverviewLevelProgressFragment;
}

/** The API's progress rows (levels in any order, then a total) → level rows in our order and the total. */
export function progressTable(rows: readonly OverviewLevelProgressFragment[] | null | undefined): ProgressTable {
  const list = rows ?? [];
  const levels = LEVELS.map((level) => list.find((r) => r.level === level) ?? EMPTY_ROW(level));
  const total = list.find((r) => r.level == null) ?? totalOf(levels);
  return { levels, total };
}

export interface ChartSeries {
  id: string;
  label: string;
  data: number[];
  color: string;
  /** Series with the same stack are drawn on top of each other. */
  stack?: string;
}

/**
 * Grouped bars of one progress table: one group per level (the x axis), one bar per count
 * (target, enrolled, launched, operating). The total row is left to the table: it would dwarf the levels.
 */
export function progressChart(
  table: ProgressTable,
  labels: { level: (level: AdministrativeLevel) => string; series: (key: ProgressSeriesKey) => string },
): { categories: string[]; series: ChartSeries[] } {
  return {
    categories: table.levels.map((row) => labels.level(row.level ?? 'PROVINCE')),
    series: PROGRESS_SERIES.map((key) => ({
      id: key,
      label: labels.series(key),
      data: table.levels.map((row) => row[key]),
      color: PROGRESS_COLORS[key],
    })),
  };
}

export interface PhaseHandover {
  id: string;
  name: string;
  handoverTotals: OverviewHandoverTotalsFragment;
}

/** Civil servants relieved vs postal staff deployed: one group of two bars per phase. */
export function handoverChart(
  phases: readonly PhaseHandover[],
  labels: { relieved: string; deployed: string },
): { categories: string[]; series: ChartSeries[] } {
  return {
    categories: phases.map((p) => p.name),
    series: [
      {
        id: 'civilServantsRelieved',
        label: labels.relieved,
        data: phases.map((p) => p.handoverTotals.civilServantsRelieved),
        color: HANDOVER_COLORS.civilServantsRelieved,
      },
      {
        id: 'postalStaffDeployed',
        label: labels.deployed,
        data: phases.map((p) => p.handoverTotals.postalStaffDeployed),
        color: HANDOVER_COLORS.postalStaffDeployed,
      },
    ],
  };
}

/** A chart has something to draw when one of its values is above zero. */
export function hasValues(series: readonly ChartSeries[]): boolean {
  return series.some((s) => s.data.some((v) => v > 0));
}

/** Whole days from the planned launch to today (0 when not late or unknown). */
export function daysLate(plannedLaunch: string | null | undefined, today: string): number {
  const planned = fromIsoDate(plannedLaunch);
  const now = fromIsoDate(today);
  if (!planned || !now) return 0;
  return Math.max(0, differenceInCalendarDays(now, planned));
}

/** `part` of `whole` as a whole percentage for a progress bar (0–100; 0 when there is no target). */
export function percentOf(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.min(100, Math.round((part / whole) * 100));
}

/**
 * The programme to show: the one asked for in the URL when it is in scope, otherwise the first ACTIVE
 * one, otherwise the first; null when there is none.
 */
export function pickProgramme(
  programmes: readonly { id: string; status: ProgrammeStatus }[],
  requested: string | null | undefined,
): { id: string | null; requestedMissing: boolean } {
  const asked = requested ? programmes.find((p) => p.id === requested) : undefined;
  if (asked) return { id: asked.id, requestedMissing: false };
  const fallback = programmes.find((p) => p.status === 'ACTIVE') ?? programmes[0];
  return { id: fallback?.id ?? null, requestedMissing: Boolean(requested) };
}
