import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { addDays, addMonths, differenceInCalendarDays, max as maxDate, min as minDate, startOfMonth } from 'date-fns';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { alpha, useTheme } from '@mui/material/styles';
import { formatDate, fromIsoDate, todayIso } from '../../dates';
import type { PhaseStatus } from '../../graphql/generated';
import { PhaseStatusChip, phaseTitle } from './ProgrammeChips';

/** What the timeline needs of a phase. */
export interface TimelinePhase {
  id: string;
  ordinal: number;
  name: string;
  status: PhaseStatus;
  plannedStart: string;
  plannedEnd: string;
  actualStart?: string | null;
  actualEnd?: string | null;
}

/** The span the axis shows: from the first day of a month to the first day of a later month (exclusive). */
export interface TimelineRange {
  start: Date;
  end: Date;
}

/** Where a phase actually ran: from its actual start to its actual end, or to today while it runs. */
export function actualSpan(phase: TimelinePhase, today: string): { start: string; end: string; open: boolean } | null {
  if (!phase.actualStart) return null;
  const end = phase.actualEnd ?? (today > phase.actualStart ? today : phase.actualStart);
  return { start: phase.actualStart, end, open: !phase.actualEnd };
}

/**
 * The whole months that hold every planned and actual day of the phases, and today while a phase
 * is not closed (a running phase's actual bar reaches today; a planned one shows how far off it is).
 */
export function timelineRange(phases: readonly TimelinePhase[], today: string): TimelineRange | null {
  const days: Date[] = [];
  for (const phase of phases) {
    for (const day of [phase.plannedStart, phase.plannedEnd]) {
      const date = fromIsoDate(day);
      if (date) days.push(date);
    }
    const actual = actualSpan(phase, today);
    if (actual) {
      for (const day of [actual.start, actual.end]) {
        const date = fromIsoDate(day);
        if (date) days.push(date);
      }
    }
  }
  if (days.length === 0) return null;
  const todayDate = fromIsoDate(today);
  if (todayDate && phases.some((p) => p.status !== 'CLOSED')) days.push(todayDate);
  return { start: startOfMonth(minDate(days)), end: addMonths(startOfMonth(maxDate(days)), 1) };
}

/** Where the start of a day sits on the axis, as a percentage of its width. */
export function dayOffset(day: string | Date, range: TimelineRange): number {
  const date = typeof day === 'string' ? fromIsoDate(day) : day;
  if (!date) return 0;
  const total = differenceInCalendarDays(range.end, range.start);
  return (differenceInCalendarDays(date, range.start) / total) * 100;
}

/** A bar from the start of its first day to the end of its last day, in percent of the axis. */
export function barPosition(start: string, end: string, range: TimelineRange): { left: number; width: number } {
  const left = dayOffset(start, range);
  const last = fromIsoDate(end);
  const right = last ? dayOffset(addDays(last, 1), range) : left;
  return { left, width: Math.max(right - left, 0) };
}

interface Tick {
  left: number;
  width: number;
  label: string;
  key: string;
}

const MAX_YEAR_TICKS = 40;
const MAX_MONTH_TICKS = 120;
const YEAR_STEPS = [1, 5, 10, 25, 50, 100, 250, 500, 1000];

/** The years across the top of the axis, and the months (labelled when there is room). */
export function axisTicks(range: TimelineRange, monthLabel: (month: number) => string): { years: Tick[]; months: Array<Tick & { labelled: boolean }> } {
  // However far the data reaches (a phase typed as ending in 9999 before the API bounded dates), the
  // axis has at most MAX_YEAR_TICKS year ticks (a year, then 5, 10, … years a tick) and month ticks
  // only over MAX_MONTH_TICKS months: the page never draws tens of thousands of ticks. A tick of several
  // years is labelled with its first year, like a single year (and shortened to ’25 the same way).
  const firstYear = range.start.getFullYear();
  const lastYear = range.end.getFullYear();
  const step = YEAR_STEPS.find((s) => (lastYear - firstYear + 1) / s <= MAX_YEAR_TICKS) ?? Math.ceil((lastYear - firstYear + 1) / MAX_YEAR_TICKS);
  const years: Tick[] = [];
  for (let y = firstYear - (firstYear % step); y <= lastYear; y += step) {
    const from = maxDate([range.start, new Date(y, 0, 1)]);
    const to = minDate([range.end, new Date(y + step, 0, 1)]);
    if (to <= from) continue;
    const left = dayOffset(from, range);
    years.push({ left, width: dayOffset(to, range) - left, label: String(Math.max(y, firstYear)), key: `y${y}` });
  }
  const months: Array<Tick & { labelled: boolean }> = [];
  const count = (lastYear - firstYear) * 12 + range.end.getMonth() - range.start.getMonth();
  if (count > MAX_MONTH_TICKS) return { years, months };
  // Every month while it fits, then every quarter, then none (the years carry the axis).
  const every = count <= 18 ? 1 : count <= 40 ? 3 : 0;
  for (let m = range.start; m < range.end; m = addMonths(m, 1)) {
    const left = dayOffset(m, range);
    const month = m.getMonth() + 1;
    months.push({
      left,
      width: dayOffset(addMonths(m, 1), range) - left,
      label: monthLabel(month),
      key: `m${m.getFullYear()}-${month}`,
      labelled: every > 0 && (month - 1) % every === 0,
    });
  }
  return { years, months };
}

const ROW_HEIGHT = 52;

/**
 * The phases of a programme on a time axis: a light bar for the plan (planned start to planned end)
 * and a solid bar under it for what happened (actual start to actual end, or to today while the
 * phase runs). Each phase links to its page.
 */
export function TimelineChart({ phases, today = todayIso(), phaseHref }: { phases: readonly TimelinePhase[]; today?: string; phaseHref: (id: string) => string }) {
  const { t, i18n } = useTranslation();
  const theme = useTheme();
  const range = timelineRange(phases, today);
  if (!range || phases.length === 0) {
    return (
      <Typography color="text.secondary" data-testid="timeline-empty">
        {t('rollout.phases.timeline.empty')}
      </Typography>
    );
  }
  const english = i18n.language.startsWith('en');
  const monthName = new Intl.DateTimeFormat('en', { month: 'short' });
  const { years, months } = axisTicks(range, (m) => (english ? monthName.format(new Date(2000, m - 1, 1)) : `T${m}`));
  const todayLeft = dayOffset(today, range);
  const showToday = todayLeft >= 0 && todayLeft <= 100;
  const plannedColor = theme.palette.primary.main;
  const actualColor: Record<PhaseStatus, string> = {
    PLANNED: theme.palette.grey[500],
    IN_PROGRESS: theme.palette.success.main,
    CLOSED: theme.palette.grey[700],
  };
  const labelColumn = { xs: '130px', sm: '200px', md: '240px' };
  const grid = { display: 'grid', gridTemplateColumns: { xs: `${labelColumn.xs} 1fr`, sm: `${labelColumn.sm} 1fr`, md: `${labelColumn.md} 1fr` }, columnGap: 1.5 };

  /** Year lines and the today line, behind the bars of a row. */
  const guides = (
    <>
      {years.slice(1).map((y) => (
        <Box key={y.key} aria-hidden sx={{ position: 'absolute', top: 0, bottom: 0, left: `${y.left}%`, borderLeft: 1, borderColor: 'divider' }} />
      ))}
      {showToday && <Box aria-hidden sx={{ position: 'absolute', top: 0, bottom: 0, left: `${todayLeft}%`, borderLeft: '2px dashed', borderColor: 'error.main', zIndex: 1 }} />}
    </>
  );

  return (
    <Box data-testid="timeline">
      <Box role="group" aria-label={t('rollout.phases.timeline.label')} sx={{ overflowX: 'auto' }}>
        <Box sx={{ minWidth: 520 }}>
          {/* The axis: years, then months. */}
          <Box sx={grid}>
            <Box />
            <Box sx={{ position: 'relative', height: 44, borderBottom: 1, borderColor: 'divider' }} data-testid="timeline-axis">
              {years.map((y) => (
                <Box
                  key={y.key}
                  data-testid="timeline-year"
                  style={{ left: `${y.left}%`, width: `${y.width}%` }}
                  sx={{ position: 'absolute', top: 0, height: 22, borderLeft: 1, borderColor: 'divider', overflow: 'hidden' }}
                >
                  <Typography variant="caption" sx={{ fontWeight: 600, pl: 0.5, whiteSpace: 'nowrap' }}>
                    {y.width >= 7 ? y.label : y.width >= 3 ? `’${y.label.slice(2)}` : ''}
                  </Typography>
                </Box>
              ))}
              {months.map((m) => (
                <Box
                  key={m.key}
                  style={{ left: `${m.left}%`, width: `${m.width}%` }}
                  sx={{ position: 'absolute', top: 24, height: 20, borderLeft: 1, borderColor: m.labelled ? 'divider' : 'transparent', overflow: 'hidden' }}
                >
                  {m.labelled && (
                    <Typography variant="caption" color="text.secondary" sx={{ pl: 0.25, fontSize: 11, whiteSpace: 'nowrap' }}>
                      {m.label}
                    </Typography>
                  )}
                </Box>
              ))}
            </Box>
          </Box>
          {/* One row per phase. */}
          {phases.map((phase) => {
            const planned = barPosition(phase.plannedStart, phase.plannedEnd, range);
            const actual = actualSpan(phase, today);
            const actualBar = actual && barPosition(actual.start, actual.end, range);
            const plannedText = t('rollout.phases.timeline.plannedBar', { from: formatDate(phase.plannedStart), to: formatDate(phase.plannedEnd) });
            const actualText =
              actual &&
              (actual.open
                ? t('rollout.phases.timeline.actualOpen', { from: formatDate(actual.start) })
                : t('rollout.phases.timeline.actualBar', { from: formatDate(actual.start), to: formatDate(actual.end) }));
            return (
              <Box key={phase.id} sx={{ ...grid, borderBottom: 1, borderColor: 'divider' }} data-testid="timeline-row" data-phase={phase.id}>
                <Box sx={{ py: 0.75, minWidth: 0, display: 'flex', flexDirection: 'column', justifyContent: 'center', gap: 0.25 }}>
                  <Link component={RouterLink} to={phaseHref(phase.id)} underline="hover" sx={{ fontWeight: 500, fontSize: 14, overflowWrap: 'anywhere' }} data-testid="timeline-phase-link">
                    {phaseTitle(phase, t)}
                  </Link>
                  <Box>
                    <PhaseStatusChip status={phase.status} />
                  </Box>
                </Box>
                <Box sx={{ position: 'relative', height: ROW_HEIGHT, my: 0.5 }}>
                  {guides}
                  <Tooltip title={plannedText}>
                    <Box
                      data-testid="timeline-planned"
                      aria-label={plannedText}
                      role="img"
                      style={{ left: `${planned.left}%`, width: `${planned.width}%` }}
                      sx={{
                        position: 'absolute',
                        top: 8,
                        height: 14,
                        minWidth: 3,
                        borderRadius: 0.75,
                        border: 1,
                        borderColor: plannedColor,
                        bgcolor: alpha(plannedColor, 0.15),
                        zIndex: 2,
                      }}
                    />
                  </Tooltip>
                  {actualBar && actualText && (
                    <Tooltip title={actualText}>
                      <Box
                        data-testid="timeline-actual"
                        data-open={actual?.open ? 'true' : 'false'}
                        aria-label={actualText}
                        role="img"
                        style={{ left: `${actualBar.left}%`, width: `${actualBar.width}%` }}
                        sx={{
                          position: 'absolute',
                          top: 28,
                          height: 14,
                          minWidth: 3,
                          borderRadius: 0.75,
                          bgcolor: actualColor[phase.status],
                          zIndex: 2,
                          ...(actual?.open
                            ? { backgroundImage: `linear-gradient(90deg, transparent 85%, ${alpha(theme.palette.common.white, 0.45)})`, borderTopRightRadius: 0, borderBottomRightRadius: 0 }
                            : {}),
                        }}
                      />
                    </Tooltip>
                  )}
                </Box>
              </Box>
            );
          })}
        </Box>
      </Box>
      {/* Legend, and the dates in words for those who do not read the bars. */}
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2.5, mt: 1.5, alignItems: 'center' }}>
        <LegendSwatch label={t('rollout.phases.timeline.legendPlanned')} sx={{ border: 1, borderColor: plannedColor, bgcolor: alpha(plannedColor, 0.15) }} />
        <LegendSwatch label={t('rollout.phases.timeline.legendActual')} sx={{ bgcolor: actualColor.IN_PROGRESS }} />
        <LegendSwatch label={t('rollout.phases.timeline.legendClosed')} sx={{ bgcolor: actualColor.CLOSED }} />
        {showToday && (
          <LegendSwatch label={t('rollout.phases.timeline.legendToday', { date: formatDate(today) })} sx={{ width: 0, height: 16, borderLeft: '2px dashed', borderColor: 'error.main' }} />
        )}
      </Box>
    </Box>
  );
}

function LegendSwatch({ label, sx }: { label: string; sx: object }) {
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.75 }}>
      <Box aria-hidden sx={{ width: 24, height: 10, borderRadius: 0.5, ...sx }} />
      <Typography variant="caption">{label}</Typography>
    </Box>
  );
}
