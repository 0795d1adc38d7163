import { describe, expect, it } from '@jest/globals';
import { screen, within } from '@testing-library/react';
import { fakeApi } from '../../test/fakeApi';
import { renderInApp } from '../../test/render';
import { meAnswer, sessionAs } from '../roster/testData';
import { ForecastPage } from './ForecastPage';

const slot = (opensAt: string, closesAt: string, expected: number | null, counters: number | null) => ({
  __typename: 'ForecastSlot',
  opensAt,
  closesAt,
  expected,
  low: expected === null ? null : Math.max(0, expected - 1),
  high: expected === null ? null : expected + 1,
  basis: expected === null ? 1 : 8,
  counters,
});
const day = (date: string, weekday: number, status: string, slots: ReturnType<typeof slot>[], note: string | null = null) => ({
  __typename: 'ForecastDay',
  day: date,
  weekday,
  status,
  note,
  expected: status === 'OPEN' ? slots.reduce((a, s) => a + (s.expected ?? 0), 0) : 0,
  slots,
});
const week = (from: string, to: string, forecast: number, actual: number, mae: number, wape: number) => ({ __typename: 'ForecastBacktestWeek', from, to, forecast, actual, slotsCompared: 10, mae, wape });

const FORECAST = {
  __typename: 'DossierForecast',
  desk: { __typename: 'OneStopDesk', id: 'desk-1', name: 'Bộ phận một cửa huyện Cẩm Xuyên' },
  from: '2026-12-28',
  to: '2027-01-03',
  historyFrom: '2025-11-02',
  historyTo: '2026-12-05',
  historyDays: 250,
  enoughHistory: true,
  seasonal: true,
  dossiersPerCounterHour: 4,
  openCounters: 3,
  days: [
    day('2026-12-28', 1, 'OPEN', [slot('07:30', '11:30', 8, 1), slot('13:30', '17:00', 4.5, 1)]),
    day('2026-12-29', 2, 'OPEN', [slot('07:30', '11:30', 4, 1), slot('13:30', '17:00', 4, 1)]),
    day('2026-12-30', 3, 'OPEN', [slot('07:30', '11:30', 4, 1), slot('13:30', '17:00', 4, 1)]),
    day('2026-12-31', 4, 'OPEN', [slot('07:30', '11:30', 20, 2), slot('13:30', '17:00', 4, 1)]),
    day('2027-01-01', 5, 'HOLIDAY', [], 'Tết Dương lịch'),
    day('2027-01-02', 6, 'CLOSED', []),
    day('2027-01-03', 7, 'CLOSED', []),
  ],
  backtest: [
    week('2026-11-09', '2026-11-15', 40, 40, 0, 0),
    week('2026-11-16', '2026-11-22', 40, 80, 4, 50),
    week('2026-11-23', '2026-11-29', 48, 20, 2.8, 140),
    week('2026-11-30', '2026-12-06', 43, 60, 1.7, 28.33),
  ],
  backtestMae: 2.13,
  backtestWape: 42.5,
};

function render(roles: Parameters<typeof sessionAs>[0], forecast: Record<string, unknown> = FORECAST) {
  const api = fakeApi({ RosterMe: () => meAnswer, DossierForecast: () => ({ data: { dossierForecast: forecast } }) });
  renderInApp(<ForecastPage />, { link: api.link, route: '/reports/forecast?desk=desk-1', path: '/reports/forecast', session: sessionAs(roles) });
  return api;
}

describe('the demand forecast page', () => {
  it('shows the coming days, the weekday × slot table, the holiday, the error on past weeks in words, and applies it to the roster', async () => {
    const api = render(['POST_OFFICE_MANAGER']);
    const table = await screen.findByTestId('forecast-weekday-table');
    expect(api.calls.find((c) => c.operationName === 'DossierForecast')?.variables).toEqual({ input: { deskId: 'desk-1', weeks: 4 } });
    expect(screen.getByText('Các tuần tới: 28/12/2026 – 03/01/2027')).toBeInTheDocument();
    // Weekdays the desk opens, slots in HH:mm; Monday morning 8 dossiers, one counter.
    const rows = within(table).getAllByRole('row');
    expect(rows[0]).toHaveTextContent('BuổiThứ HaiThứ BaThứ TưThứ Năm');
    expect(rows[1]).toHaveTextContent('07:30–11:30');
    expect(rows[1]).toHaveTextContent('8 hồ sơcần 1 quầy');
    expect(rows[1]).toHaveTextContent('20 hồ sơcần 2 quầy');
    expect(rows[2]).toHaveTextContent('4,5 hồ sơ');
    expect(screen.getByTestId('forecast-holidays')).toHaveTextContent('01/01/2027: Tết Dương lịch — nghỉ, dự kiến 0 hồ sơ');
    expect(screen.getByTestId('forecast-error')).toHaveTextContent('Sai số trung bình 2,1 hồ sơ mỗi buổi, tức khoảng 43 % số hồ sơ thực nhận.');
    const past = within(screen.getByTestId('forecast-past-table')).getAllByRole('row');
    expect(past[3]).toHaveTextContent('23/11/2026 – 29/11/2026');
    expect(past[3]).toHaveTextContent('140 %');
    expect(screen.getByTestId('forecast-summary')).toHaveTextContent('Đã điều chỉnh theo mùa');
    expect(screen.getByTestId('forecast-apply')).toHaveTextContent('Dùng làm nhu cầu xếp lịch');
    expect(screen.getByTestId('forecast-apply')).toHaveAttribute('href', '/staff/roster?desk=desk-1&week=2026-12-28&demand=forecast');
    expect(screen.queryByTestId('forecast-little-history')).not.toBeInTheDocument();
  }, 60_000);

  it('says plainly when there is too little history, and leaves the roster to those who keep it', async () => {
    render(['STEERING_COMMITTEE'], {
      ...FORECAST,
      enoughHistory: false,
      seasonal: false,
      historyDays: 4,
      days: FORECAST.days.map((d) => ({ ...d, expected: d.status === 'OPEN' ? null : 0, slots: d.slots.map((s) => ({ ...s, expected: null, low: null, high: null, counters: null })) })),
      backtest: FORECAST.backtest.map((w) => ({ ...w, forecast: null, actual: null, slotsCompared: 0, mae: null, wape: null })),
      backtestMae: null,
      backtestWape: null,
    });
    expect(await screen.findByTestId('forecast-little-history')).toHaveTextContent('chưa có đủ số liệu để dự báo (mới có 4 ngày làm việc có hồ sơ');
    expect(screen.getByTestId('forecast-error')).toHaveTextContent('Chưa đủ số liệu để so dự báo với thực tế các tuần qua.');
    expect(screen.getByTestId('forecast-summary')).toHaveTextContent('Chưa đủ một năm số liệu');
    expect(screen.queryByTestId('forecast-apply')).not.toBeInTheDocument();
  }, 60_000);
});
