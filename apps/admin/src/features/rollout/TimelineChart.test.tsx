import { describe, expect, it } from '@jest/globals';
import { screen, within } from '@testing-library/react';
import { fakeApi } from '../../test/fakeApi';
import { renderInApp } from '../../test/render';
import { axisTicks, barPosition, timelineRange, TimelineChart, type TimelinePhase } from './TimelineChart';

// 1/8/2019 → 1/1/2022 (exclusive) is 884 days: 366 (to 1/8/2020, over 29/2/2020) + 365 + 153.
const DAYS = 884;
const pct = (days: number) => (days / DAYS) * 100;

const phases: TimelinePhase[] = [
  {
    id: 'p1',
    ordinal: 1,
    name: 'Thí điểm',
    status: 'IN_PROGRESS',
    plannedStart: '2019-08-01',
    plannedEnd: '2020-12-31',
    actualStart: '2019-08-15',
    actualEnd: null,
  },
  { id: 'p2', ordinal: 2, name: 'Mở rộng', status: 'PLANNED', plannedStart: '2021-01-01', plannedEnd: '2021-12-31', actualStart: null, actualEnd: null },
];
const TODAY = '2021-06-30';

/** A bar's left and width, as the chart set them (percent of the axis). */
function placement(bar: HTMLElement) {
  return { left: parseFloat(bar.style.left), width: parseFloat(bar.style.width) };
}

describe('phase timeline', () => {
  it('spans whole months from the first planned or actual day to the last', () => {
    const range = timelineRange(phases, TODAY)!;
    expect(range.start).toEqual(new Date(2019, 7, 1));
    expect(range.end).toEqual(new Date(2022, 0, 1));
    // A running phase stretches the axis to today.
    const late = timelineRange([{ ...phases[0], plannedEnd: '2019-09-30' }], '2020-03-10')!;
    expect(late.end).toEqual(new Date(2020, 3, 1));
  });

  it('reaches today while a phase is only planned', () => {
    const planned = timelineRange([phases[1]], '2022-03-05')!;
    expect(planned.start).toEqual(new Date(2021, 0, 1));
    expect(planned.end).toEqual(new Date(2022, 3, 1));
  });

  it('places a bar from the start of its first day to the end of its last', () => {
    const range = timelineRange(phases, TODAY)!;
    const planned = barPosition('2019-08-01', '2020-12-31', range);
    expect(planned.left).toBe(0);
    expect(planned.width).toBeCloseTo(pct(519), 6);
    const second = barPosition('2021-01-01', '2021-12-31', range);
    expect(second.left).toBeCloseTo(pct(519), 6);
    expect(second.left + second.width).toBeCloseTo(100, 6);
  });

  it('labels the years, and the quarters when months do not fit', () => {
    const range = timelineRange(phases, TODAY)!;
    const { years, months } = axisTicks(range, (m) => `T${m}`);
    expect(years.map((y) => y.label)).toEqual(['2019', '2020', '2021']);
    expect(years[1].left).toBeCloseTo(pct(153), 6); // 1/1/2020
    expect(years.reduce((sum, y) => sum + y.width, 0)).toBeCloseTo(100, 6);
    expect(months).toHaveLength(29);
    expect(months.filter((m) => m.labelled).map((m) => m.label)).toEqual(['T10', 'T1', 'T4', 'T7', 'T10', 'T1', 'T4', 'T7', 'T10']);
  });

  it('draws planned and actual bars where their dates fall, the actual one up to today while the phase runs', () => {
    renderInApp(<TimelineChart phases={phases} today={TODAY} phaseHref={(id) => `/rollout/phases/${id}`} />, { link: fakeApi({}).link });

    const [first, second] = screen.getAllByTestId('timeline-row');
    const p1Planned = placement(within(first).getByTestId('timeline-planned'));
    expect(p1Planned.left).toBeCloseTo(0, 3);
    expect(p1Planned.width).toBeCloseTo(pct(519), 3);
    const p1Actual = within(first).getByTestId('timeline-actual');
    expect(placement(p1Actual).left).toBeCloseTo(pct(14), 3); // 15/8/2019
    expect(placement(p1Actual).left + placement(p1Actual).width).toBeCloseTo(pct(700), 3); // the end of 30/6/2021
    expect(p1Actual).toHaveAttribute('data-open', 'true');
    expect(p1Actual).toHaveAttribute('aria-label', 'Thực tế: từ 15/08/2019, đang thực hiện');

    expect(placement(within(second).getByTestId('timeline-planned')).left).toBeCloseTo(pct(519), 3);
    expect(within(second).queryByTestId('timeline-actual')).not.toBeInTheDocument();
    expect(within(second).getByTestId('timeline-planned')).toHaveAttribute('aria-label', 'Kế hoạch: 01/01/2021 – 31/12/2021');

    expect(within(first).getByRole('link', { name: 'Giai đoạn 1: Thí điểm' })).toHaveAttribute('href', '/rollout/phases/p1');
    expect(screen.getAllByTestId('timeline-year').map((y) => y.textContent)).toEqual(['2019', '2020', '2021']);
  });

  it('ends the actual bar of a closed phase on its actual end', () => {
    const closed: TimelinePhase = { ...phases[0], status: 'CLOSED', actualEnd: '2020-07-31' };
    const second: TimelinePhase = { ...phases[1], status: 'CLOSED', actualStart: '2021-01-01', actualEnd: '2021-12-31' };
    renderInApp(<TimelineChart phases={[closed, second]} today="2026-11-21" phaseHref={(id) => id} />, { link: fakeApi({}).link });
    // Every phase is closed: the axis stops at the last day, not today.
    const range = timelineRange([closed, second], '2026-11-21')!;
    expect(range.end).toEqual(new Date(2022, 0, 1));
    const actual = within(screen.getAllByTestId('timeline-row')[0]).getByTestId('timeline-actual');
    expect(actual).toHaveAttribute('data-open', 'false');
    expect(placement(actual).left + placement(actual).width).toBeCloseTo(pct(366), 3); // the end of 31/7/2020
  });

  it('draws a phase that ends in 9999 with a bounded axis (decades, no months) instead of freezing the page', () => {
    const farFuture: TimelinePhase = { ...phases[1], plannedEnd: '9999-12-31' };
    const range = timelineRange([phases[0], farFuture], TODAY)!;
    const { years, months } = axisTicks(range, (m) => `T${m}`);
    expect(months).toHaveLength(0);
    expect(years.length).toBeLessThanOrEqual(40);
    expect(years.slice(0, 3).map((y) => y.label)).toEqual(['2019', '2250', '2500']);
    expect(years.reduce((sum, y) => sum + y.width, 0)).toBeCloseTo(100, 6);
    renderInApp(<TimelineChart phases={[phases[0], farFuture]} today={TODAY} phaseHref={(id) => id} />, { link: fakeApi({}).link });
    expect(screen.getAllByTestId('timeline-row')).toHaveLength(2);
    expect(screen.getAllByTestId('timeline-year').length).toBe(years.length);
  });

  it('says so when the programme has no phase', () => {
    renderInApp(<TimelineChart phases={[]} phaseHref={(id) => id} />, { link: fakeApi({}).link });
    expect(screen.getByTestId('timeline-empty')).toHaveTextContent('Đề án chưa có giai đoạn nào.');
  });
});
