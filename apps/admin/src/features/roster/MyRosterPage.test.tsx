import { describe, expect, it } from '@jest/globals';
import { screen, within } from '@testing-library/react';
import { fakeApi } from '../../test/fakeApi';
import { renderInApp } from '../../test/render';
import MyRosterPage from './MyRosterPage';
import { sessionAs } from './testData';

const desk = { __typename: 'OneStopDesk', id: 'd1', name: 'Trung tâm Phục vụ hành chính công tỉnh Hà Tĩnh' };
const myShift = (id: string, day: string, startsAt: string, endsAt: string, number: number, name: string) => ({
  __typename: 'Shift',
  id,
  day,
  startsAt,
  endsAt,
  desk,
  counter: { __typename: 'Counter', id: `c${number}`, number, name },
});

function renderMine(answer: Record<string, unknown>, more: Parameters<typeof fakeApi>[0] = {}) {
  const { link, calls } = fakeApi({ MyRoster: () => ({ data: answer }), ...more });
  renderInApp(<MyRosterPage />, { link, route: '/my-roster?from=2026-01-12', session: sessionAs(['COUNTER_CLERK']) });
  return calls;
}

describe('Lịch trực của tôi', () => {
  it('lists the published shifts week by week, with desk, counter, day and times', async () => {
    const calls = renderMine({
      myStaffRecord: { __typename: 'Staff', id: 'st1', fullName: 'Lê Thị Hoa (demo)', hasCalendarFeed: false },
      myShifts: [
        myShift('s1', '2026-01-12', '07:30', '11:30', 2, 'Quầy hộ tịch, chứng thực'),
        myShift('s2', '2026-01-12', '13:30', '17:00', 2, 'Quầy hộ tịch, chứng thực'),
        myShift('s3', '2026-01-21', '07:30', '11:30', 1, 'Quầy hướng dẫn, tiếp nhận chung'),
      ],
    });
    const weeks = await screen.findAllByTestId('my-roster-week');
    expect(calls[0].variables).toEqual({ from: '2026-01-12', to: '2026-02-08' });
    expect(weeks).toHaveLength(4);
    expect(screen.getByText('Nhân viên: Lê Thị Hoa (demo)')).toBeTruthy();
    expect(within(weeks[0]).getByRole('heading')).toHaveTextContent('Tuần từ 12/01/2026 đến 18/01/2026');
    expect(weeks[0]).toHaveTextContent('2 ca · 7,5 giờ');
    const [first] = within(weeks[0]).getAllByTestId('my-roster-shift');
    expect(first).toHaveTextContent('Thứ Hai 12/01/2026');
    expect(first).toHaveTextContent('07:30–11:30');
    expect(first).toHaveTextContent('Trung tâm Phục vụ hành chính công tỉnh Hà Tĩnh');
    expect(first).toHaveTextContent('Số 2 · Quầy hộ tịch, chứng thực');
    expect(within(weeks[1]).getAllByTestId('my-roster-shift')[0]).toHaveTextContent('Thứ Tư 21/01/2026');
    expect(weeks[2]).toHaveTextContent('Không có ca trực đã công bố trong tuần này.');
  });

  it('says why there is nothing: no staff record linked, or nothing published yet', async () => {
    renderMine({ myStaffRecord: null, myShifts: [] });
    expect(await screen.findByTestId('my-roster-no-record')).toHaveTextContent('Tài khoản của bạn chưa gắn với hồ sơ nhân viên nào');
  });

  it('says that planned shifts show once the week is published', async () => {
    renderMine({ myStaffRecord: { __typename: 'Staff', id: 'st1', fullName: 'Lê Thị Hoa (demo)', hasCalendarFeed: false }, myShifts: [] });
    expect(await screen.findByTestId('my-roster-nothing')).toHaveTextContent(
      'Chưa có ca trực nào được công bố cho bạn từ 12/01/2026 đến 08/02/2026. Lịch dự kiến chỉ hiện ở đây sau khi quản lý công bố tuần.',
    );
  });

  it('gives the person a calendar address for their phone, once, and stops it on request', async () => {
    const calls = renderMine(
      { myStaffRecord: { __typename: 'Staff', id: 'st1', fullName: 'Lê Thị Hoa (demo)', hasCalendarFeed: false }, myShifts: [] },
      {
        IssueCalendarFeed: () => ({ data: { issueCalendarFeed: { __typename: 'CalendarFeedPayload', path: '/calendar/abc.ics', staff: { __typename: 'Staff', id: 'st1', hasCalendarFeed: true } } } }),
        RevokeCalendarFeed: () => ({ data: { revokeCalendarFeed: { __typename: 'RevokeCalendarFeedPayload', staff: { __typename: 'Staff', id: 'st1', hasCalendarFeed: false } } } }),
      },
    );
    const card = await screen.findByTestId('calendar-feed');
    expect(card).toHaveTextContent('Chưa có địa chỉ lịch cho điện thoại.');
    (await within(card).findByTestId('calendar-feed-issue')).click();
    const address = (await screen.findByTestId('calendar-feed-address')) as HTMLInputElement;
    expect(address.value).toBe(`${window.location.origin}/calendar/abc.ics`);
    expect(calls.find((c) => c.operationName === 'IssueCalendarFeed')?.variables).toEqual({ input: { staffId: 'st1' } });
    (await within(card).findByTestId('calendar-feed-revoke')).click();
    expect(await within(card).findByText('Đã ngừng: địa chỉ cũ không còn dùng được.')).toBeTruthy();
    expect(screen.queryByTestId('calendar-feed-address')).toBeNull();
  });
});
