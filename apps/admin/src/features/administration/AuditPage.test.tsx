import { describe, expect, it } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { AuditEntryRowFragment, Role, SessionUserFragment } from '../../graphql/generated';
import { SessionStore } from '../auth/session';
import { fakeApi, type FakeRequest } from '../../test/fakeApi';
import { renderInApp } from '../../test/render';
import { AuditPage } from './AuditPage';

const CAMEL_CASE = /\b[a-z]+[A-Z][a-zA-Z]*\b/;
const A_UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

function session(roles: Role[]): SessionStore {
  const user: SessionUserFragment = { id: 'u1', username: 'hatinh.bcd', displayName: 'Ban Chỉ đạo', roles, scope: { id: 'p-42', code: '42', name: 'Tỉnh Hà Tĩnh', level: 'PROVINCE' } };
  const store = new SessionStore();
  store.signedIn({ token: 'access', expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(), refreshToken: 'refresh-token-1', user });
  return store;
}

const entry = (id: string, over: Partial<AuditEntryRowFragment>): AuditEntryRowFragment & { __typename: 'AuditEntry' } => ({
  __typename: 'AuditEntry',
  id,
  occurredAt: '2026-01-06T03:04:00.000Z',
  action: 'rolloutPhase.replan',
  entityType: 'RolloutPhase',
  entityId: '8b4a8eb8-a2eb-4e8a-92dc-ad38662354e2',
  entityName: 'Giai đoạn 1',
  actorId: 'a1b2c3d4-0000-4000-8000-000000000001',
  actorKind: 'USER',
  actorLabel: 'hatinh.bcd',
  actorName: 'Ban Chỉ đạo Đề án tỉnh Hà Tĩnh',
  before: null,
  after: null,
  requestId: 'af5c992d-cfde-47e7-b10e-572061e39835',
  ip: '127.0.0.1',
  references: [],
  ...over,
});

const changes = [
  entry('e1', {}),
  entry('e2', { action: 'pilotSite.enrol', entityType: 'PilotSite', entityId: '0cf856c0-c69f-4ae0-b471-b4ba3c3eb121', entityName: 'Bộ phận Tiếp nhận và Trả kết quả huyện Kỳ Anh', actorKind: 'DEMO_SEED', actorId: null, actorLabel: 'seed', actorName: null }),
];
const signIns = [entry('e3', { action: 'user.signIn', entityType: 'User', entityId: 'a1b2c3d4-0000-4000-8000-000000000002', entityName: 'Nhân viên quầy', actorLabel: 'hatinh.quay', actorName: 'Nhân viên quầy' })];

/** The API's filter: sign-ins only when asked for (includeSignIns defaults to true on the API). */
function trail({ variables }: FakeRequest) {
  const filter = (variables.filter ?? {}) as { includeSignIns?: boolean };
  const nodes = filter.includeSignIns === false ? changes : [...signIns, ...changes];
  return {
    data: {
      auditEntries: {
        __typename: 'AuditEntryConnection',
        totalCount: nodes.length,
        edges: nodes.map((node) => ({ __typename: 'AuditEntryEdge', node })),
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
      },
    },
  };
}

const rows = () => within(screen.getByTestId('audit-grid')).queryAllByRole('row').slice(1);
const actions = () => rows().map((r) => r.querySelector('[data-field="action"]')?.textContent);

describe('audit trail page', () => {
  it('leaves sign-ins and sign-outs out until the switch shows them, reads actions, records and actors in Vietnamese', async () => {
    const api = fakeApi({ AuditEntries: trail });
    renderInApp(<AuditPage />, { link: api.link, route: '/administration/audit', path: '/administration/audit', session: session(['STEERING_COMMITTEE']) });

    await waitFor(() => expect(actions()).toEqual(['Điều chỉnh kế hoạch', 'Đăng ký thí điểm']));
    expect(api.calls.at(-1)?.variables.filter).toMatchObject({ includeSignIns: false });
    expect(screen.getByTestId('list-count')).toHaveTextContent('2 mục nhật ký');

    const [phase, site] = rows();
    expect(phase.querySelector('[data-field="occurredAt"]')).toHaveTextContent('06/01/2026 10:04');
    expect(phase.querySelector('[data-field="entityName"]')).toHaveTextContent('Giai đoạn 1');
    expect(phase.querySelector('[data-field="actorLabel"]')).toHaveTextContent('Ban Chỉ đạo Đề án tỉnh Hà Tĩnh (hatinh.bcd)');
    // The demo seed is the system's demo data, not a person called "seed".
    expect(site.querySelector('[data-field="actorLabel"]')).toHaveTextContent(/^Dữ liệu mẫu$/);

    const grid = screen.getByTestId('audit-grid');
    const texts: string[] = [];
    const walker = document.createTreeWalker(grid, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node.textContent ?? '');
    expect(texts.filter((text) => CAMEL_CASE.test(text) || A_UUID.test(text))).toEqual([]);

    await userEvent.setup().click(screen.getByLabelText('Hiện đăng nhập/đăng xuất'));
    await waitFor(() => expect(actions()).toEqual(['Đăng nhập', 'Điều chỉnh kế hoạch', 'Đăng ký thí điểm']));
    expect(api.calls.at(-1)?.variables.filter).toMatchObject({ includeSignIns: true });
  });

  it('keeps the switch in the address', async () => {
    const api = fakeApi({ AuditEntries: trail });
    renderInApp(<AuditPage />, { link: api.link, route: '/administration/audit?signins=1', path: '/administration/audit', session: session(['SYSTEM_ADMIN']) });

    await waitFor(() => expect(actions()).toEqual(['Đăng nhập', 'Điều chỉnh kế hoạch', 'Đăng ký thí điểm']));
    expect(screen.getByLabelText('Hiện đăng nhập/đăng xuất')).toBeChecked();
  });
});
