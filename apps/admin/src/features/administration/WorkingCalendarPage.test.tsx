import { describe, expect, it } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SessionUserFragment } from '../../graphql/generated';
import { SessionStore } from '../auth/session';
import { canKeepWorkingCalendar } from '../auth/permissions';
import { badInput, fakeApi } from '../../test/fakeApi';
import { renderInApp } from '../../test/render';
import { WorkingCalendarPage } from './WorkingCalendarPage';

function sessionOf(scope: SessionUserFragment['scope']): SessionStore {
  const store = new SessionStore();
  store.signedIn({
    token: 'access',
    expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
    refreshToken: 'refresh-token-1',
    user: { id: 'u-admin', username: scope ? 'hatinh.quantri' : 'admin', displayName: 'Quản trị', roles: ['SYSTEM_ADMIN'], scope },
  });
  return store;
}
const NATIONAL = () => sessionOf(null);
const PROVINCIAL = () => sessionOf({ id: 'p-42', code: '42', name: 'Tỉnh Hà Tĩnh', level: 'PROVINCE' });

const day = (date: string, kind: string, name: string, adjustment?: { id: string; legalBasis: string; version: number }) => ({
  __typename: 'CalendarDay',
  date,
  kind,
  name,
  id: adjustment?.id ?? null,
  legalBasis: adjustment?.legalBasis ?? null,
  version: adjustment?.version ?? null,
});
const NOTICE = 'Công văn 12729/VPCP-KGVX ngày 25/12/2025';
const DAYS_2026 = [
  day('2026-01-01', 'PUBLIC_HOLIDAY', 'Tết Dương lịch'),
  day('2026-01-02', 'DAY_OFF', 'Nghỉ hoán đổi dịp Tết Dương lịch', { id: 'a-0102', legalBasis: NOTICE, version: 1 }),
  day('2026-01-10', 'WORKING_DAY', 'Làm bù cho thứ Sáu 02/01/2026', { id: 'a-0110', legalBasis: NOTICE, version: 1 }),
  day('2026-02-16', 'PUBLIC_HOLIDAY', 'Giao thừa Tết Nguyên Đán'),
  day('2026-02-17', 'PUBLIC_HOLIDAY', 'Tết Nguyên Đán'),
  day('2026-02-18', 'DAY_OFF', 'Nghỉ Tết Nguyên đán', { id: 'a-0218', legalBasis: 'Thông báo của Bộ Nội vụ', version: 3 }),
];
const calendarApi = (extra: Parameters<typeof fakeApi>[0] = {}) =>
  fakeApi({ WorkingCalendar: ({ variables }) => ({ data: { workingCalendar: variables.year === 2026 ? DAYS_2026 : [] } }), ...extra });

describe('Lịch làm việc', () => {
  it('shows the year as twelve small months, each kind of day in a colour and a word, and the adjustments dd/MM/yyyy', async () => {
    const api = calendarApi();
    renderInApp(<WorkingCalendarPage />, { link: api.link, session: NATIONAL(), route: '/administration/working-calendar?year=2026' });

    const row = await screen.findByTestId('calendar-adjustment-2026-01-10');
    expect(api.calls.find((c) => c.operationName === 'WorkingCalendar')?.variables).toEqual({ year: 2026 });
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual(['10/01/2026', 'Thứ Bảy', 'Làm bù', 'Làm bù cho thứ Sáu 02/01/2026', NOTICE, 'SửaXóa']);
    // Only the adjustments are listed, in order; public holidays are in the months.
    expect(screen.getAllByTestId(/^calendar-adjustment-\d{4}-/).map((r) => r.getAttribute('data-testid'))).toEqual([
      'calendar-adjustment-2026-01-02',
      'calendar-adjustment-2026-01-10',
      'calendar-adjustment-2026-02-18',
    ]);

    // Twelve months; the legend says what each colour is, in words.
    expect(screen.getAllByTestId(/^calendar-month-\d+$/)).toHaveLength(12);
    expect(screen.getByTestId('calendar-legend')).toHaveTextContent('Cuối tuần');
    expect(screen.getByTestId('calendar-legend')).toHaveTextContent('L Ngày lễ');
    expect(screen.getByTestId('calendar-legend')).toHaveTextContent('N Nghỉ thêm, nghỉ bù');
    expect(screen.getByTestId('calendar-legend')).toHaveTextContent('B Làm bù');

    // Each day says what it is (its title and its letter), not only its colour.
    const tet = screen.getByTestId('calendar-day-2026-02-17');
    expect(tet).toHaveAttribute('data-kind', 'PUBLIC_HOLIDAY');
    expect(tet).toHaveAttribute('title', '17/02/2026: Ngày lễ – Tết Nguyên Đán');
    expect(tet).toHaveTextContent('17L');
    expect(screen.getByTestId('calendar-day-2026-02-18')).toHaveTextContent('18N');
    expect(screen.getByTestId('calendar-day-2026-01-10')).toHaveAttribute('data-kind', 'WORKING_DAY');
    expect(screen.getByTestId('calendar-day-2026-01-10')).toHaveAttribute('title', '10/01/2026: Làm bù – Làm bù cho thứ Sáu 02/01/2026');
    expect(screen.getByTestId('calendar-day-2026-01-17')).toHaveAttribute('data-kind', 'WEEKEND');
    expect(screen.getByTestId('calendar-day-2026-01-17')).toHaveAttribute('title', '17/01/2026: Cuối tuần');
    expect(screen.getByTestId('calendar-day-2026-01-05')).toHaveAttribute('data-kind', 'WORKING');
    // Monday first: 1 January 2026 is a Thursday, the fourth column.
    const january = within(screen.getByTestId('calendar-month-1'));
    expect(january.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN']);
    expect(january.getAllByRole('row')[1].querySelectorAll('td')[3]).toHaveAttribute('data-testid', 'calendar-day-2026-01-01');

    // Another year: asked for, and an empty list said in words.
    await userEvent.setup().click(screen.getByTestId('calendar-next-year'));
    expect(await screen.findByText('Năm 2027 chưa có điều chỉnh nào.')).toBeInTheDocument();
    expect(api.calls.filter((c) => c.operationName === 'WorkingCalendar').map((c) => c.variables.year)).toEqual([2026, 2027]);
  }, 60_000);

  it('edits an adjustment with its version, and shows the API’s refusal under the date', async () => {
    const api = calendarApi({
      UpdateCalendarAdjustment: ({ language }) => badInput(language, [{ field: 'date', vi: 'Ngày 18/02/2026 đã có điều chỉnh: hãy sửa điều chỉnh đó.', en: '18/02/2026 already has an adjustment.' }]),
    });
    renderInApp(<WorkingCalendarPage />, { link: api.link, session: NATIONAL(), route: '/administration/working-calendar?year=2026' });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('calendar-adjustment-edit-2026-02-18'));
    const form = await screen.findByTestId('calendar-adjustment-form');
    expect(within(form).getByText('Sửa điều chỉnh ngày 18/02/2026')).toBeInTheDocument();
    const name = screen.getByTestId('calendar-adjustment-name');
    expect(name).toHaveValue('Nghỉ Tết Nguyên đán');
    await user.clear(name);
    await user.paste(' Nghỉ Tết Bính Ngọ ');
    await user.click(screen.getByTestId('calendar-adjustment-form-submit'));

    expect(await within(form).findByText('Ngày 18/02/2026 đã có điều chỉnh: hãy sửa điều chỉnh đó.')).toBeInTheDocument();
    expect(api.calls.find((c) => c.operationName === 'UpdateCalendarAdjustment')?.variables).toEqual({
      input: { id: 'a-0218', version: 3, date: '2026-02-18', kind: 'DAY_OFF', name: 'Nghỉ Tết Bính Ngọ', legalBasis: 'Thông báo của Bộ Nội vụ' },
    });
  }, 60_000);

  it('deletes an adjustment with its version, after saying what the day becomes', async () => {
    const api = calendarApi({ DeleteCalendarAdjustment: () => ({ data: { deleteCalendarAdjustment: { __typename: 'DeleteCalendarAdjustmentPayload', id: 'a-0110' } } }) });
    renderInApp(<WorkingCalendarPage />, { link: api.link, session: NATIONAL(), route: '/administration/working-calendar?year=2026' });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('calendar-adjustment-delete-2026-01-10'));
    expect(await screen.findByTestId('calendar-adjustment-delete')).toHaveTextContent('Ngày 10/01/2026 sẽ trở lại như lịch thông thường (ngày nghỉ).');
    await user.click(screen.getByTestId('calendar-adjustment-delete-submit'));
    await waitFor(() => expect(api.calls.find((c) => c.operationName === 'DeleteCalendarAdjustment')?.variables).toEqual({ input: { id: 'a-0110', version: 1 } }));
    await waitFor(() => expect(api.calls.filter((c) => c.operationName === 'WorkingCalendar').length).toBe(2));
  }, 60_000);

  it('is read-only for a province’s administrator', async () => {
    const api = calendarApi();
    renderInApp(<WorkingCalendarPage />, { link: api.link, session: PROVINCIAL(), route: '/administration/working-calendar?year=2026' });
    expect(await screen.findByTestId('calendar-adjustment-2026-01-10')).toBeInTheDocument();
    expect(screen.getByTestId('calendar-read-only')).toHaveTextContent('Chỉ quản trị viên cấp quốc gia được sửa lịch làm việc.');
    expect(screen.queryByTestId('calendar-adjustment-add')).not.toBeInTheDocument();
    expect(screen.queryByTestId('calendar-adjustment-edit-2026-01-10')).not.toBeInTheDocument();
    expect(canKeepWorkingCalendar(['SYSTEM_ADMIN'], true)).toBe(true);
    expect(canKeepWorkingCalendar(['SYSTEM_ADMIN'], false)).toBe(false);
    expect(canKeepWorkingCalendar(['STEERING_COMMITTEE'], true)).toBe(false);
  });
});
