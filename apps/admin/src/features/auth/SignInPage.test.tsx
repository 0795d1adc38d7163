import { describe, expect, it } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from '../../i18n';
import { apiError, fakeApi } from '../../test/fakeApi';
import { renderInApp } from '../../test/render';
import { REFRESH_KEY, SESSION_KEY } from './session';
import { SignInPage } from './SignInPage';

// The API answers with __typename (Apollo Client asks for it): the fragment spread needs it.
const admin = {
  __typename: 'User',
  id: 'u1',
  username: 'admin',
  displayName: 'Quản trị hệ thống',
  roles: ['SYSTEM_ADMIN'],
  scope: null,
};

async function submit(username: string, password: string) {
  const user = userEvent.setup();
  await user.type(screen.getByTestId('sign-in-username'), username);
  await user.type(screen.getByTestId('sign-in-password'), password);
  await user.click(screen.getByTestId('sign-in-submit'));
}

describe('sign-in page', () => {
  it('shows the UNAUTHENTICATED answer as "wrong username or password", in Vietnamese', async () => {
    const api = fakeApi({ SignIn: () => apiError('UNAUTHENTICATED', 'Sai thông tin đăng nhập.') });
    renderInApp(<SignInPage />, { link: api.link, route: '/sign-in' });

    await submit('admin', 'sai-mat-khau');

    expect(await screen.findByTestId('sign-in-error')).toHaveTextContent('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(screen.getByTestId('sign-in-password')).toHaveValue('');
    expect(screen.getByTestId('sign-in-password')).toHaveFocus();
    expect(api.calls).toHaveLength(1);
    expect(api.calls[0]).toMatchObject({ variables: { input: { username: 'admin', password: 'sai-mat-khau' } }, language: 'vi', token: null });
  });

  it('shows the UNAUTHENTICATED message in English when English is chosen', async () => {
    await i18n.changeLanguage('en');
    const api = fakeApi({ SignIn: () => apiError('UNAUTHENTICATED', 'Wrong username or password.') });
    renderInApp(<SignInPage />, { link: api.link, route: '/sign-in' });

    await submit('admin', 'wrong');

    expect(await screen.findByTestId('sign-in-error')).toHaveTextContent('The username or password is incorrect.');
    expect(api.calls[0]?.language).toBe('en');
  });

  it('says how long to wait when sign-in is throttled', async () => {
    const api = fakeApi({ SignIn: () => apiError('TOO_MANY_REQUESTS', 'Quá nhiều lần.', { retryAfterSeconds: 600 }) });
    renderInApp(<SignInPage />, { link: api.link, route: '/sign-in' });

    await submit('admin', 'again');

    expect(await screen.findByTestId('sign-in-error')).toHaveTextContent('Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 10 phút.');
  });

  it('asks for both fields before calling the API', async () => {
    const api = fakeApi({});
    renderInApp(<SignInPage />, { link: api.link, route: '/sign-in' });

    await userEvent.setup().click(screen.getByTestId('sign-in-submit'));

    expect(await screen.findAllByText('Vui lòng nhập thông tin này.')).toHaveLength(2);
    expect(api.calls).toHaveLength(0);
  });

  it('keeps the session and returns to the page asked for', async () => {
    const api = fakeApi({
      SignIn: () => ({
        data: {
          signIn: {
            __typename: 'SignInPayload',
            token: 'access-1',
            expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
            refreshToken: 'refresh-1',
            user: admin,
          },
        },
      }),
    });
    renderInApp(<SignInPage />, {
      link: api.link,
      route: '/sign-in',
      path: '/sign-in',
      state: { from: '/organisation/desks?q=ky+bac' },
      routes: { '/organisation/desks': <p>desks page</p> },
    });

    await submit(' admin ', 'Demo@2026');

    expect(await screen.findByText('desks page')).toBeInTheDocument();
    expect(api.calls[0]?.variables).toEqual({ input: { username: 'admin', password: 'Demo@2026' } });
    expect(window.localStorage.getItem(REFRESH_KEY)).toBe('refresh-1');
    await waitFor(() =>
      expect(JSON.parse(window.sessionStorage.getItem(SESSION_KEY) ?? '{}')).toMatchObject({ token: 'access-1', user: { username: 'admin' } }),
    );
  });
});
