import { describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { badInput, fakeApi } from '../../test/fakeApi';
import { helperOf } from '../../test/help';
import { renderInApp } from '../../test/render';
import { OpeningHoursDialog } from './OpeningHoursDialog';

/** Types a whole value at once (as a paste would). */
const fill = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

const hour = (id: string, weekday: number, opensAt: string, closesAt: string, demand: number | null = null) => ({ __typename: 'OpeningHours', id, weekday, opensAt, closesAt, demand });

describe('the opening hours dialog', () => {
  it('starts a desk without hours from office hours, Monday to Friday 07:30–11:30 and 13:30–17:00, and sends them', async () => {
    const api = fakeApi({ SetDeskOpeningHours: () => ({ data: { setOpeningHours: { __typename: 'OpeningHoursPayload', openingHours: [] } } }) });
    let closed = false;
    renderInApp(<OpeningHoursDialog deskId="desk-1" hours={[]} onClose={() => (closed = true)} />, { link: api.link });
    expect(screen.getByTestId('hours-1-0-opensAt')).toHaveValue('07:30');
    expect(screen.getByTestId('hours-5-1-closesAt')).toHaveValue('17:00');
    expect(screen.queryByTestId('hours-6-0')).not.toBeInTheDocument();
    expect(screen.getByTestId('hours-day-6')).toHaveTextContent('Nghỉ cả ngày: chưa có khoảng giờ nào.');
    // Saturday morning, two counters, typed the short way.
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByTestId('hours-add-6'));
    fill('hours-6-0-opensAt', '7h30');
    fill('hours-6-0-closesAt', '1130');
    fill('hours-6-0-demand', '2');
    await user.click(screen.getByTestId('hours-form-submit'));

    await waitFor(() => expect(closed).toBe(true));
    const { intervals } = (api.calls[0].variables as { input: { intervals: unknown[] } }).input;
    expect(intervals).toHaveLength(11);
    expect(intervals.slice(0, 2)).toEqual([
      { weekday: 1, opensAt: '07:30', closesAt: '11:30', demand: null },
      { weekday: 1, opensAt: '13:30', closesAt: '17:00', demand: null },
    ]);
    expect(intervals.at(-1)).toEqual({ weekday: 6, opensAt: '07:30', closesAt: '11:30', demand: 2 });
  });

  it('says in Vietnamese what is wrong with a time, an interval or a demand, without calling the API', async () => {
    const api = fakeApi({});
    renderInApp(<OpeningHoursDialog deskId="desk-1" hours={[hour('h1', 1, '07:30', '11:30'), hour('h2', 1, '13:30', '17:00')]} onClose={() => undefined} />, { link: api.link });
    const user = userEvent.setup({ delay: null });
    fill('hours-1-0-opensAt', '25:00');
    fill('hours-1-1-opensAt', '11:00');
    fill('hours-1-1-closesAt', '10:00');
    await user.click(screen.getByTestId('hours-add-2'));
    fill('hours-2-0-opensAt', '08:00');
    fill('hours-2-0-closesAt', '12:00');
    fill('hours-2-0-demand', 'hai');
    await user.click(screen.getByTestId('hours-add-2'));
    fill('hours-2-1-opensAt', '11:00');
    fill('hours-2-1-closesAt', '14:00');
    await user.click(screen.getByTestId('hours-form-submit'));

    expect(helperOf(screen.getByTestId('hours-1-0-opensAt'))).toBe('Giờ không hợp lệ (HH:mm, ví dụ 07:30).');
    expect(helperOf(screen.getByTestId('hours-1-1-closesAt'))).toBe('Giờ đóng cửa phải sau giờ mở cửa.');
    expect(helperOf(screen.getByTestId('hours-2-0-demand'))).toBe('Nhập số quầy từ 0 đến 999, hoặc để trống.');
    expect(helperOf(screen.getByTestId('hours-2-1-opensAt'))).toBe('Trùng với khoảng 08:00–12:00 cùng ngày.');
    expect(helperOf(screen.getByTestId('hours-2-0-opensAt'))).toBe('');
    expect(api.calls).toHaveLength(0);
  });

  it('puts the API’s error of intervals.<i> under the field of that interval', async () => {
    const api = fakeApi({
      SetDeskOpeningHours: (request) => badInput(request.language, [{ field: 'input.intervals.2.closesAt', vi: 'Giờ đóng cửa phải sau giờ mở cửa.', en: 'Closing must come after opening.' }]),
    });
    renderInApp(
      <OpeningHoursDialog deskId="desk-1" hours={[hour('h1', 1, '07:30', '11:30'), hour('h2', 1, '13:30', '17:00'), hour('h3', 2, '07:30', '11:30', 1)]} onClose={() => undefined} />,
      { link: api.link },
    );
    expect(screen.getByTestId('hours-2-0-demand')).toHaveValue('1');
    await userEvent.setup({ delay: null }).click(screen.getByTestId('hours-form-submit'));
    await waitFor(() => expect(helperOf(screen.getByTestId('hours-2-0-closesAt'))).toBe('Giờ đóng cửa phải sau giờ mở cửa.'));
    expect(helperOf(screen.getByTestId('hours-1-1-closesAt'))).toBe('');
    expect(screen.getByTestId('problem-alert')).toHaveTextContent('Vui lòng kiểm tra lại các trường được đánh dấu.');
  });
});
