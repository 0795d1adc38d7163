import { describe, expect, it } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { addDays } from '../../dates';
import { fakeApi } from '../../test/fakeApi';
import { renderInApp } from '../../test/render';
import { StaffPage } from './StaffPage';
import { person, sessionAs, shiftOn, today } from './testData';

function renderPage(staff: Record<string, unknown>, roles: Parameters<typeof sessionAs>[0], extra: Parameters<typeof fakeApi>[0] = {}) {
  const api = fakeApi({
    StaffMember: () => ({ data: { staffMember: staff } }),
    StaffMemberShifts: () => ({ data: { staffMember: { __typename: 'Staff', id: staff.id, shifts: [] } } }),
    ...extra,
  });
  renderInApp(<StaffPage />, { link: api.link, route: '/staff/people/st-1', path: '/staff/people/:id', session: sessionAs(roles) });
  return api;
}

describe('a person’s page', () => {
  it('shows the citizen ID to those the API gives it, with the qualifications’ validity in words', async () => {
    renderPage(person(), ['POST_OFFICE_MANAGER']);
    expect(await screen.findByTestId('record-name')).toHaveTextContent('Nguyễn Thị Bình (demo)');
    const details = screen.getByTestId('staff-details');
    expect(details).toHaveTextContent('Số định danh cá nhân (CCCD)');
    expect(within(details).getByTestId('staff-national-id-value')).toHaveTextContent('042190012345');
    const states = within(screen.getByTestId('staff-qualifications'))
      .getAllByTestId('qualification-state')
      .map((chip) => [chip.getAttribute('data-state'), chip.textContent]);
    expect(states).toEqual([
      ['valid', 'Còn hiệu lực'],
      ['expiring', 'Sắp hết hạn'],
      ['expired', 'Đã hết hạn'],
    ]);
    // A writer has the page's buttons.
    expect(screen.getByTestId('edit-staff')).toBeInTheDocument();
    expect(screen.getByTestId('add-absence')).toBeInTheDocument();
  });

  it('leaves the citizen ID out entirely when the API answers null (a reader who may not see it)', async () => {
    renderPage(person({ nationalId: null }), ['STEERING_COMMITTEE']);
    const details = await screen.findByTestId('staff-details');
    expect(details).not.toHaveTextContent('Số định danh cá nhân');
    expect(screen.queryByTestId('staff-national-id-value')).not.toBeInTheDocument();
    // The committee reads: no edit, no add buttons; the history is theirs to open.
    expect(screen.queryByTestId('edit-staff')).not.toBeInTheDocument();
    expect(screen.queryByTestId('add-absence')).not.toBeInTheDocument();
    expect(screen.getByTestId('action-history').getAttribute('href')).toBe('/administration/audit?type=Staff&entity=st-1');
  });

  it('after an absence is recorded, lists the published shifts it collides with, by day and time, to cancel or hand over', async () => {
    const monday = addDays(today, 7 - ((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7));
    const collisions = [shiftOn('s1', monday, '07:30', '11:30'), shiftOn('s2', monday, '13:30', '17:00')];
    const api = renderPage(person(), ['POST_OFFICE_MANAGER'], {
      AddAbsence: ({ variables }) => {
        const input = variables.input as Record<string, string>;
        return {
          data: {
            addAbsence: {
              __typename: 'AbsencePayload',
              absence: { __typename: 'Absence', id: 'ab-1', kind: input.kind, startsOn: input.startsOn, endsOn: input.endsOn, note: input.note, collidingShifts: collisions },
            },
          },
        };
      },
    });
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByTestId('add-absence'));
    const form = await screen.findByTestId('absence-form');
    await user.click(within(form).getAllByRole('combobox')[0]);
    await user.click(await screen.findByRole('option', { name: 'Nghỉ ốm' }));
    await user.type(within(form).getByTestId('absence-note'), 'Sốt');
    await user.click(screen.getByTestId('absence-form-submit'));

    const notice = await screen.findByTestId('absence-notice');
    expect(api.calls.find((c) => c.operationName === 'AddAbsence')?.variables).toEqual({
      input: { staffId: 'st-1', kind: 'SICK', startsOn: today, endsOn: today, note: 'Sốt' },
    });
    expect(notice).toHaveTextContent('Trùng 2 ca trực đã công bố');
    expect(notice).toHaveTextContent('cần hủy hoặc chuyển các ca này cho người khác');
    const [d, m, y] = [monday.slice(8, 10), monday.slice(5, 7), monday.slice(0, 4)];
    const lines = within(notice).getAllByTestId('colliding-shift').map((li) => li.textContent);
    expect(lines).toEqual([
      `Thứ Hai, ${d}/${m}/${y}, 07:30–11:30 · Trung tâm Phục vụ hành chính công tỉnh Hà Tĩnh, quầy 2`,
      `Thứ Hai, ${d}/${m}/${y}, 13:30–17:00 · Trung tâm Phục vụ hành chính công tỉnh Hà Tĩnh, quầy 2`,
    ]);
    await waitFor(() => expect(screen.queryByTestId('absence-form')).not.toBeInTheDocument());
  });

  it('says so when the absence collides with no published shift', async () => {
    renderPage(person(), ['POST_OFFICE_MANAGER'], {
      AddAbsence: () => ({
        data: {
          addAbsence: {
            __typename: 'AbsencePayload',
            absence: { __typename: 'Absence', id: 'ab-2', kind: 'LEAVE', startsOn: today, endsOn: today, note: null, collidingShifts: [] },
          },
        },
      }),
    });
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByTestId('add-absence'));
    const form = await screen.findByTestId('absence-form');
    await user.click(within(form).getAllByRole('combobox')[0]);
    await user.click(await screen.findByRole('option', { name: 'Nghỉ phép' }));
    await user.click(screen.getByTestId('absence-form-submit'));
    expect(await screen.findByTestId('absence-notice')).toHaveTextContent('Không trùng ca trực đã công bố nào.');
  });
});
