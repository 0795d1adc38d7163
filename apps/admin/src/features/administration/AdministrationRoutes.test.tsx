import { describe, expect, it } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import type { Role, SessionUserFragment } from '../../graphql/generated';
import { SessionStore } from '../auth/session';
import { fakeApi } from '../../test/fakeApi';
import { renderInApp } from '../../test/render';
import AdministrationRoutes from './AdministrationRoutes';

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

const noEntries = () => ({
  data: {
    auditEntries: { __typename: 'AuditEntryConnection', totalCount: 0, edges: [], pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null } },
  },
});

function renderAt(route: string, roles: Role[]) {
  const api = fakeApi({ AuditEntries: noEntries });
  renderInApp(<AdministrationRoutes />, { link: api.link, route, path: '/administration/*', session: sessionOf(roles) });
  return api;
}

describe('administration routes', () => {
  it('open the audit trail for the steering committee, without a users tab', async () => {
    const api = renderAt('/administration', ['STEERING_COMMITTEE']);

    expect(await screen.findByTestId('audit-grid')).toBeInTheDocument();
    expect(screen.getByTestId('admin-tab-audit')).toBeInTheDocument();
    expect(screen.queryByTestId('admin-tab-users')).not.toBeInTheDocument();
    await waitFor(() => expect(api.calls.map((c) => c.operationName)).toContain('AuditEntries'));
  });

  it.each([
    ['/administration/users', ['STEERING_COMMITTEE'] as Role[]],
    ['/administration/audit', ['COUNTER_CLERK'] as Role[]],
    ['/administration', ['POST_OFFICE_MANAGER', 'AGENCY_OFFICER'] as Role[]],
  ])('show a plain "no access" page at %s to %j, and ask the API nothing', async (route, roles) => {
    const api = renderAt(route, roles);

    expect(await screen.findByTestId('no-access')).toHaveTextContent('Không có quyền truy cập');
    expect(screen.queryByRole('tab')).not.toBeInTheDocument();
    expect(api.calls).toHaveLength(0);
  });

  it('read the audit filters from the address: record, type, a date range up to the end of its last day in Vietnam, sign-ins hidden', async () => {
    const api = renderAt('/administration/audit?type=OneStopDesk&entity=4b75d0d7-dc17-4834-a105-0e841b1929c0&from=2026-01-01&to=2026-01-31', ['SYSTEM_ADMIN']);

    await waitFor(() => expect(api.calls.some((c) => c.operationName === 'AuditEntries')).toBe(true));
    expect(api.calls.find((c) => c.operationName === 'AuditEntries')?.variables).toEqual({
      first: 25,
      after: null,
      filter: {
        entityType: 'OneStopDesk',
        action: null,
        entityId: '4b75d0d7-dc17-4834-a105-0e841b1929c0',
        // Days in Vietnam time (UTC+7), as the trail shows its times.
        from: '2025-12-31T17:00:00.000Z',
        to: '2026-01-31T17:00:00.000Z',
        includeSignIns: false,
      },
    });
    expect(screen.getByTestId('audit-entity-filter')).toHaveTextContent('Bộ phận Một cửa: bản ghi đã chọn');
    expect(screen.getByTestId('admin-tab-users')).toBeInTheDocument();
  });
});
