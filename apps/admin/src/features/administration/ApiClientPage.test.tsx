import { describe, expect, it } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SessionStore } from '../auth/session';
import { apiError, fakeApi } from '../../test/fakeApi';
import { helperOf } from '../../test/help';
import { renderInApp } from '../../test/render';
import { ApiClientPage } from './ApiClientPage';

/** Hà Tĩnh's administrator. */
function provinceAdmin(): SessionStore {
  const store = new SessionStore();
  store.signedIn({
    token: 'access',
    expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
    refreshToken: 'refresh-token-1',
    user: { id: 'u-qt', username: 'hatinh.quantri', displayName: 'Quản trị Hà Tĩnh', roles: ['SYSTEM_ADMIN'], scope: { __typename: 'AdministrativeUnit', id: 'p-42', code: '42', name: 'Tỉnh Hà Tĩnh', level: 'PROVINCE' } as never },
  });
  return store;
}

const days = Array.from({ length: 30 }, (_v, i) => {
  const day = new Date(Date.UTC(2026, 10, 6 + i)).toISOString().slice(0, 10);
  return { __typename: 'ApiClientUsageDay', day, requests: i === 29 ? 120 : i === 28 ? 40 : 0, costPoints: i === 29 ? 900 : i === 28 ? 300 : 0, refused: i === 29 ? 7 : 0 };
});
const endpoint = (id: string, url: string, active = true) => ({ __typename: 'WebhookEndpoint', id, url, description: 'Máy nhận chính', active, createdAt: '2026-12-01T02:00:00.000Z', secretRotatedAt: null });
const client = (endpoints = [endpoint('e-1', 'https://dichvucong.hatinh.gov.vn/osp/thong-bao')]) => ({
  __typename: 'ApiClient',
  id: 'c-1',
  version: 1,
  name: 'Cổng Dịch vụ công tỉnh Hà Tĩnh',
  ownerOrganisation: 'Văn phòng UBND tỉnh Hà Tĩnh',
  clientId: 'osp_0123456789abcdef',
  scopes: ['SUBMIT_DOSSIERS', 'READ_OWN_DOSSIERS'],
  requestsPerHour: 3600,
  costPerHour: 500000,
  lastUsedAt: '2026-12-05T03:00:00.000Z',
  rotatedAt: null,
  previousSecretValidUntil: null,
  revokedAt: null,
  createdAt: '2026-11-01T02:00:00.000Z',
  contact: { __typename: 'ApiClientContact', name: 'Nguyễn Văn Kỹ Thuật', email: 'kythuat@hatinh.gov.vn', phone: null },
  provinces: [{ __typename: 'AdministrativeUnit', id: 'p-42', code: '42', name: 'Tỉnh Hà Tĩnh' }],
  usage: days,
  webhookEndpoints: endpoints,
});
const delivery = (attempts: Array<{ number: number; trigger: string; httpStatus: number | null; error: string | null }>, status = 'RETRYING') => ({
  __typename: 'WebhookDelivery',
  id: 'd-1',
  messageId: 'msg_2aBcD',
  eventType: 'DOSSIER_STATUS_CHANGED',
  dossierCode: '000.00.00.H27-261205-0001',
  status,
  attemptCount: attempts.length,
  nextAttemptAt: status === 'RETRYING' ? '2026-12-05T03:35:00.000Z' : null,
  createdAt: '2026-12-05T03:05:00.000Z',
  deliveredAt: status === 'DELIVERED' ? '2026-12-05T03:36:00.000Z' : null,
  payload: '{"type":"dossier.status_changed","data":{"code":"000.00.00.H27-261205-0001","status":"NEW"}}',
  endpoint: { __typename: 'WebhookEndpoint', id: 'e-1', url: 'https://dichvucong.hatinh.gov.vn/osp/thong-bao' },
  attempts: attempts.map((a) => ({ __typename: 'WebhookAttempt', id: `a-${a.number}`, at: '2026-12-05T03:05:00.000Z', durationMs: 40, ...a })),
});
const deliveries = (nodes: unknown[]) => ({
  data: { webhookDeliveries: { __typename: 'WebhookDeliveryConnection', totalCount: nodes.length, edges: nodes.map((node) => ({ __typename: 'WebhookDeliveryEdge', node })), pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null } } },
});

const render = (api: ReturnType<typeof fakeApi>) =>
  renderInApp(<ApiClientPage />, { link: api.link, session: provinceAdmin(), route: '/administration/api-clients/c-1', path: '/administration/api-clients/:id' });

describe('Ứng dụng kết nối: one client', () => {
  it('shows the facts, the 30 days of traffic in words, the endpoints and the delivery log in Vietnamese', async () => {
    const api = fakeApi({
      ApiClientPage: () => ({ data: { apiClient: client() } }),
      WebhookDeliveries: () => deliveries([delivery([{ number: 1, trigger: 'SCHEDULED', httpStatus: null, error: 'ECONNREFUSED connect ECONNREFUSED 10.0.0.1:443' }])]),
    });
    render(api);
    await screen.findByTestId('api-client-page');
    expect(api.calls.find((c) => c.operationName === 'ApiClientPage')?.variables).toEqual({ id: 'c-1', days: 30 });
    expect(screen.getByTestId('api-client-usage-totals')).toHaveTextContent('Cộng 30 ngày: 160 yêu cầu, 1.200 điểm chi phí truy vấn, 7 lần bị từ chối. Ngày nhiều nhất: 05/12/2026 với 120 yêu cầu.');
    const endpoints = screen.getAllByTestId('webhook-endpoint');
    expect(endpoints).toHaveLength(1);
    expect(endpoints[0]).toHaveTextContent('https://dichvucong.hatinh.gov.vn/osp/thong-bao');
    expect(endpoints[0]).toHaveTextContent('Đang nhận');
    const row = await screen.findByText('Hồ sơ đổi trạng thái');
    const gridRow = row.closest('[role="row"]') as HTMLElement;
    expect(gridRow).toHaveTextContent('Đang gửi lại');
    expect(gridRow).toHaveTextContent('Gửi lại lúc 05/12/2026 10:35');
    expect(api.calls.find((c) => c.operationName === 'WebhookDeliveries')?.variables).toEqual({ first: 10, after: null, filter: { clientId: 'c-1', status: null } });

    // The drawer: the attempt's failure in Vietnamese (the network's own words kept as its title).
    await userEvent.setup().click(within(gridRow).getByTestId('webhook-delivery-view'));
    const drawer = await screen.findByTestId('webhook-delivery-drawer');
    expect(within(drawer).getByTestId('webhook-attempt')).toHaveTextContent('Máy nhận từ chối kết nối');
    expect(within(drawer).getByTestId('webhook-attempt')).toHaveTextContent('Không có phản hồi');
    expect(within(drawer).queryByText(/ECONNREFUSED/)).toBeNull();
  });

  it('adds an endpoint: the signing key shown once, closable only once said to be stored; the API’s refusal under the address', async () => {
    let created = false;
    const api = fakeApi({
      ApiClientPage: () => ({ data: { apiClient: client(created ? [endpoint('e-1', 'https://dichvucong.hatinh.gov.vn/osp/thong-bao'), endpoint('e-2', 'https://mc.hatinh.gov.vn/hook')] : undefined) } }),
      WebhookDeliveries: () => deliveries([]),
      CreateWebhookEndpoint: ({ variables }) => {
        const input = (variables as { input: { url: string } }).input;
        if (input.url.startsWith('http:')) return apiError('BAD_USER_INPUT', 'Địa chỉ phải dùng HTTPS.', { fields: [{ field: 'url', message: 'Phải dùng HTTPS.' }] });
        created = true;
        return { data: { createWebhookEndpoint: { __typename: 'WebhookEndpointSecretPayload', signingSecret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', endpoint: endpoint('e-2', input.url) } } };
      },
    });
    render(api);
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('webhook-endpoint-add'));
    await user.type(screen.getByTestId('webhook-endpoint-url'), 'http://mc.hatinh.gov.vn/hook');
    await user.click(screen.getByTestId('webhook-endpoint-form-submit'));
    await waitFor(() => expect(helperOf(screen.getByTestId('webhook-endpoint-url'))).toBe('Phải dùng HTTPS.'));

    await user.clear(screen.getByTestId('webhook-endpoint-url'));
    await user.type(screen.getByTestId('webhook-endpoint-url'), 'https://mc.hatinh.gov.vn/hook');
    await user.type(screen.getByTestId('webhook-endpoint-description'), 'Hệ thống một cửa');
    await user.click(screen.getByTestId('webhook-endpoint-form-submit'));
    await screen.findByTestId('webhook-secret-dialog');
    expect(screen.getByTestId('webhook-secret-value')).toHaveTextContent('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw');
    expect(screen.getByTestId('webhook-secret-close')).toBeDisabled();
    expect(api.calls.filter((c) => c.operationName === 'CreateWebhookEndpoint').at(-1)?.variables).toEqual({
      input: { clientId: 'c-1', url: 'https://mc.hatinh.gov.vn/hook', description: 'Hệ thống một cửa' },
    });
    await user.click(screen.getByTestId('webhook-secret-saved'));
    await user.click(screen.getByTestId('webhook-secret-close'));
    await waitFor(() => expect(screen.getAllByTestId('webhook-endpoint')).toHaveLength(2));
  });

  it('sends a delivery again by hand, and says so', async () => {
    const api = fakeApi({
      ApiClientPage: () => ({ data: { apiClient: client() } }),
      WebhookDeliveries: () => deliveries([delivery([{ number: 1, trigger: 'SCHEDULED', httpStatus: 200, error: null }], 'DELIVERED')]),
      ReplayWebhookDelivery: () => ({
        data: {
          replayWebhookDelivery: {
            __typename: 'WebhookDeliveryPayload',
            delivery: delivery([
              { number: 1, trigger: 'SCHEDULED', httpStatus: 200, error: null },
              { number: 2, trigger: 'REPLAY', httpStatus: 200, error: null },
            ], 'DELIVERED'),
          },
        },
      }),
    });
    render(api);
    const user = userEvent.setup();
    const row = (await screen.findByText('Hồ sơ đổi trạng thái')).closest('[role="row"]') as HTMLElement;
    expect(row).toHaveTextContent('Đã nhận lúc 05/12/2026 10:36');
    await user.click(within(row).getByTestId('webhook-delivery-replay'));
    expect(await screen.findByTestId('webhook-delivery-notice')).toHaveTextContent('Đã xếp thông báo msg_2aBcD vào hàng đợi gửi lại.');
    expect(api.calls.find((c) => c.operationName === 'ReplayWebhookDelivery')?.variables).toEqual({ input: { id: 'd-1' } });
  });
});
