import { describe, expect, it, jest } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from '../../i18n';
import type { SessionUserFragment } from '../../graphql/generated';
import { SessionStore } from '../auth/session';
import { apiError, badInput, fakeApi } from '../../test/fakeApi';
import { renderInApp } from '../../test/render';
import { UserCreateDialog } from './UserCreateDialog';
import { helpTextOf, helperOf, hintOf } from '../../test/help';

const haTinh = { __typename: 'AdministrativeUnit', id: 'p-42', code: '42', name: 'Tỉnh Hà Tĩnh', level: 'PROVINCE' as const };

/** A session of the Hà Tĩnh system administrator (hatinh.quantri). */
function provincialAdmin(): SessionStore {
  const user: SessionUserFragment = {
    id: 'u-admin-42',
    username: 'hatinh.quantri',
    displayName: 'Quản trị hệ thống tỉnh Hà Tĩnh',
    roles: ['SYSTEM_ADMIN'],
    scope: haTinh,
  };
  const store = new SessionStore();
  store.signedIn({ token: 'access', expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(), refreshToken: 'refresh-token-1', user });
  return store;
}

const desk = {
  __typename: 'OneStopDesk',
  id: '3f1c2d4e-0000-4000-8000-000000000001',
  code: '42-TTPVHCC-MC',
  name: 'Trung tâm Phục vụ Hành chính công tỉnh Hà Tĩnh',
  agency: { __typename: 'Agency', id: 'a-ttpvhcc', name: 'Trung tâm Phục vụ Hành chính công tỉnh Hà Tĩnh' },
};
const deskOptions = () => ({ data: { oneStopDesks: { __typename: 'OneStopDeskConnection', edges: [{ __typename: 'OneStopDeskEdge', node: desk }] } } });

/** Fills the form for a counter clerk of the Hà Tĩnh service centre desk and submits it. */
async function fillClerkAndSubmit(username: string) {
  const user = userEvent.setup();
  await user.type(screen.getByTestId('user-username'), username);
  await user.type(screen.getByTestId('user-display-name'), 'Nguyễn Thị Hương');
  await user.type(screen.getByTestId('user-password'), 'short');
  await user.click(screen.getByTestId('user-roles'));
  await user.click(await screen.findByTestId('role-option-COUNTER_CLERK'));
  await user.keyboard('{Escape}');
  await waitFor(() => expect(screen.queryByRole('listbox')).not.toBeInTheDocument());
  // The desk picker appears with the role; it searches the province of the unit (Hà Tĩnh by default).
  await user.click(screen.getByTestId('user-desk'));
  await user.type(screen.getByTestId('user-desk'), 'ttpvhcc');
  await user.click(await screen.findByRole('option', { name: /Trung tâm Phục vụ/ }));
  await user.click(screen.getByTestId('user-form-submit'));
}

describe('new user form', () => {
  it('puts each of the API’s BAD_USER_INPUT field errors under its own field', async () => {
    const api = fakeApi({
      WorkplaceDeskOptions: deskOptions,
      CreateUser: (request) =>
        badInput(request.language, [
          { field: 'username', vi: 'Sai định dạng.', en: 'Has the wrong format.' },
          { field: 'password', vi: 'Mật khẩu cần ít nhất 8 ký tự, có chữ và số.', en: 'At least 8 characters with a letter and a digit.' },
          { field: 'oneStopDeskId', vi: 'Nơi làm việc thuộc tỉnh khác.', en: 'The workplace is in another province.' },
        ]),
    });
    const onCreated = jest.fn();
    renderInApp(<UserCreateDialog onClose={() => undefined} onCreated={onCreated} />, { link: api.link, session: provincialAdmin() });

    // A provincial administrator's new users start in its province.
    expect(screen.getByTestId('user-scope')).toHaveValue('Tỉnh Hà Tĩnh');
    await fillClerkAndSubmit('Nguyen Huong');

    await waitFor(() => expect(helperOf(screen.getByTestId('user-username'))).toBe('Sai định dạng.'));
    expect(screen.getByTestId('user-username')).toHaveAttribute('aria-invalid', 'true');
    expect(helperOf(screen.getByTestId('user-password'))).toBe('Mật khẩu cần ít nhất 8 ký tự, có chữ và số.');
    expect(helperOf(screen.getByTestId('user-desk'))).toBe('Nơi làm việc thuộc tỉnh khác.');
    // The rule of a field stays shown above its error: the official sees what to fix.
    expect(hintOf(screen.getByTestId('user-password'))).toBe('Ít nhất 8 ký tự, có cả chữ và số.');
    expect(hintOf(screen.getByTestId('user-username'))).toBe(i18n.t('administration.users.usernameHint'));
    expect(helpTextOf(screen.getByTestId('user-username'))).toContain('Sai định dạng.');
    // Limits are stated in Vietnamese figures.
    expect(helpTextOf(screen.getByTestId('user-display-name'))).toBe('Tối đa 200 ký tự.');
    // Fields without an error keep their hint.
    expect(helperOf(screen.getByTestId('user-display-name'))).toBe('');
    expect(helperOf(screen.getByTestId('user-scope'))).toBe('Gõ tên (có hoặc không dấu) hoặc mã đơn vị, trong phạm vi bạn quản trị.');
    const alert = screen.getByTestId('problem-alert');
    expect(alert).toHaveTextContent('Vui lòng kiểm tra lại các trường được đánh dấu.');
    // Every field error is shown under its field, so the alert lists none.
    expect(within(alert).queryByRole('list')).not.toBeInTheDocument();
    expect(onCreated).not.toHaveBeenCalled();

    const create = api.calls.find((c) => c.operationName === 'CreateUser');
    expect(create?.variables).toEqual({
      input: {
        username: 'Nguyen Huong',
        displayName: 'Nguyễn Thị Hương',
        password: 'short',
        roles: ['COUNTER_CLERK'],
        scopeUnitCode: '42',
        postOfficeId: null,
        oneStopDeskId: desk.id,
        agencyId: null,
      },
    });
    // The desk picker only asked for desks of Hà Tĩnh.
    const asked = api.calls.filter((c) => c.operationName === 'WorkplaceDeskOptions');
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((c) => c.variables.provinceCode === '42')).toBe(true);
  });

  it('shows a CONFLICT on the username under the field, in English', async () => {
    await i18n.changeLanguage('en');
    const api = fakeApi({
      WorkplaceDeskOptions: deskOptions,
      CreateUser: (request) =>
        apiError('CONFLICT', request.language === 'en' ? 'The username "hatinh.huong" is taken.' : 'Tên đăng nhập "hatinh.huong" đã được dùng.', {
          fields: [{ field: 'username', message: request.language === 'en' ? 'Already taken.' : 'Đã được dùng.' }],
        }),
    });
    renderInApp(<UserCreateDialog onClose={() => undefined} onCreated={() => undefined} />, { link: api.link, session: provincialAdmin() });

    await fillClerkAndSubmit('hatinh.huong');

    await waitFor(() => expect(helperOf(screen.getByTestId('user-username'))).toBe('Already taken.'));
    expect(screen.getByTestId('problem-alert')).toHaveTextContent('Please check the highlighted fields.');
    expect(helperOf(screen.getByTestId('user-password'))).toBe('At least 8 characters, with letters and digits.');
  });

  it('lists an error for a field the form does not show in the alert', async () => {
    const api = fakeApi({
      WorkplaceDeskOptions: deskOptions,
      CreateUser: (request) =>
        badInput(request.language, [{ field: 'agencyId', vi: 'Chỉ dùng cho vai trò AGENCY_OFFICER.', en: 'Only for the AGENCY_OFFICER role.' }]),
    });
    renderInApp(<UserCreateDialog onClose={() => undefined} onCreated={() => undefined} />, { link: api.link, session: provincialAdmin() });

    await fillClerkAndSubmit('hatinh.huong');

    const alert = await screen.findByTestId('problem-alert');
    expect(within(alert).getByText('agencyId')).toBeInTheDocument();
    expect(alert).toHaveTextContent('Chỉ dùng cho vai trò AGENCY_OFFICER.');
  });

  it('asks for the required fields before calling the API', async () => {
    const api = fakeApi({});
    renderInApp(<UserCreateDialog onClose={() => undefined} onCreated={() => undefined} />, { link: api.link, session: provincialAdmin() });

    await userEvent.setup().click(screen.getByTestId('user-form-submit'));

    expect(helperOf(screen.getByTestId('user-username'))).toBe('Vui lòng nhập thông tin này.');
    expect(helperOf(screen.getByTestId('user-password'))).toBe('Vui lòng nhập thông tin này.');
    expect(screen.getByText('Chọn ít nhất một vai trò.')).toBeInTheDocument();
    expect(api.calls.filter((c) => c.operationName === 'CreateUser')).toHaveLength(0);
  });

  it('hands the new user over once created', async () => {
    const onCreated = jest.fn();
    const api = fakeApi({
      WorkplaceDeskOptions: deskOptions,
      CreateUser: (request) => ({
        data: {
          createUser: {
            __typename: 'UserPayload',
            user: {
              __typename: 'User',
              id: 'u-new',
              username: (request.variables.input as { username: string }).username,
              displayName: 'Nguyễn Thị Hương',
              roles: ['COUNTER_CLERK'],
              active: true,
              createdAt: '2026-01-05T02:00:00.000Z',
              scope: haTinh,
              postOffice: null,
              oneStopDesk: { __typename: 'OneStopDesk', id: desk.id, name: desk.name },
              agency: null,
            },
          },
        },
      }),
    });
    renderInApp(<UserCreateDialog onClose={() => undefined} onCreated={onCreated} />, { link: api.link, session: provincialAdmin() });

    await fillClerkAndSubmit('hatinh.huong');

    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(expect.objectContaining({ id: 'u-new', username: 'hatinh.huong' })));
  });
});
