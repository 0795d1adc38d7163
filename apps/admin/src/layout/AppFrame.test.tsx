import { describe, expect, it } from '@jest/globals';
import { screen } from '@testing-library/react';
import type { Role, SessionUserFragment } from '../graphql/generated';
import { SessionStore } from '../features/auth/session';
import { fakeApi } from '../test/fakeApi';
import { renderInApp } from '../test/render';
import { AppFrame } from './AppFrame';

function sessionOf(roles: Role[]): SessionStore {
  const user: SessionUserFragment = {
    id: 'u1',
    username: 'someone',
    displayName: 'Someone',
    roles,
    scope: { id: 'p-42', code: '42', name: 'Tỉnh Hà Tĩnh', level: 'PROVINCE' },
  };
  const store = new SessionStore();
  store.signedIn({ token: 'access', expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(), refreshToken: 'refresh-token-1', user });
  return store;
}

/** The areas of the navigation, in order, with "coming" marked by a *. */
function navigation(): string[] {
  return [...document.querySelectorAll('[data-testid^="nav-"]')]
    .map((el) => el.getAttribute('data-testid')!)
    .filter((id) => !id.endsWith('-coming'))
    .map((id) => id.slice(4) + (screen.queryByTestId(`${id}-coming`) ? '*' : ''));
}

const cases: Array<[Role, string[]]> = [
  ['SYSTEM_ADMIN', ['overview', 'myRoster', 'rollout', 'handover', 'organisation', 'staff', 'procedures', 'reports', 'administration', 'graphiql']],
  ['STEERING_COMMITTEE', ['overview', 'myRoster', 'rollout', 'handover', 'organisation', 'staff', 'procedures', 'reports', 'administration']],
  ['POST_OFFICE_MANAGER', ['overview', 'myRoster', 'rollout', 'handover', 'organisation', 'staff', 'procedures', 'dossiers', 'reports']],
  ['COUNTER_CLERK', ['overview', 'myRoster', 'organisation', 'procedures', 'dossiers']],
  ['AGENCY_OFFICER', ['overview', 'myRoster', 'organisation', 'procedures', 'dossiers']],
];

describe('navigation per role', () => {
  it.each(cases)('%s sees only the areas it can use', (role, expected) => {
    const { link } = fakeApi({});
    renderInApp(<AppFrame />, { link, session: sessionOf([role]) });
    expect(navigation()).toEqual(expected);
  });

  it('GraphiQL shows to administrators only', () => {
    for (const role of ['STEERING_COMMITTEE', 'POST_OFFICE_MANAGER', 'COUNTER_CLERK', 'AGENCY_OFFICER'] as Role[]) {
      const { link } = fakeApi({});
      const { unmount } = renderInApp(<AppFrame />, { link, session: sessionOf([role]) });
      expect(screen.queryByTestId('nav-graphiql')).toBeNull();
      unmount();
    }
    const { link } = fakeApi({});
    renderInApp(<AppFrame />, { link, session: sessionOf(['SYSTEM_ADMIN']) });
    expect(screen.getByTestId('nav-graphiql').getAttribute('href')).toBe('/graphiql');
  });

  it('the first entry is "Trang của tôi" for those with a home of their own, "Tổng quan" for the committee', () => {
    const { link } = fakeApi({});
    const { unmount } = renderInApp(<AppFrame />, { link, session: sessionOf(['COUNTER_CLERK']) });
    expect(screen.getByTestId('nav-overview').textContent).toBe('Trang của tôi');
    unmount();
    renderInApp(<AppFrame />, { link, session: sessionOf(['STEERING_COMMITTEE']) });
    expect(screen.getByTestId('nav-overview').textContent).toBe('Tổng quan');
  });

  it('the header says the product, not a role', () => {
    const { link } = fakeApi({});
    renderInApp(<AppFrame />, { link, session: sessionOf(['SYSTEM_ADMIN']) });
    const header = screen.getByRole('banner').textContent ?? '';
    expect(screen.getByTestId('app-name').textContent).toBe('Bưu điện Một cửa');
    expect(header).not.toContain('Quản trị hệ thống');
  });
});
