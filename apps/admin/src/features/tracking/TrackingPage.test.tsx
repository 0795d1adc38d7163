import { describe, expect, it } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SessionStore } from '../auth/session';
import { apiError, fakeApi } from '../../test/fakeApi';
import { renderInApp } from '../../test/render';
import TrackingPage from './TrackingPage';

const CODE = '000.00.00.H27-270115-0003';

/** What the API answers for the right code and phone: no personal data in any field (contract/tracking.graphql). */
const tracked = (overrides: Record<string, unknown> = {}) => ({
  __typename: 'TrackedDossier',
  code: CODE,
  procedure: { __typename: 'TrackedProcedure', code: '1.001193', name: 'Thủ tục đăng ký khai sinh' },
  status: 'PROCESSING',
  nationalStatusCode: 4,
  receivedAt: '2027-01-15T01:30:00.000Z',
  dueDate: '2027-01-20',
  promisedDate: null,
  overdue: false,
  resultReturnedAt: null,
  canRate: false,
  timeline: [
    { __typename: 'TrackingEvent', at: '2027-01-15T01:30:00.000Z', kind: 'RECEIVE', label: 'Tiếp nhận hồ sơ' },
    { __typename: 'TrackingEvent', at: '2027-01-15T08:05:00.000Z', kind: 'FORWARD', label: 'Chuyển cơ quan giải quyết' },
  ],
  ...overrides,
});

/** Someone signed in at this browser (a clerk showing a citizen): the public page must still send no token. */
function signedIn(): SessionStore {
  const store = new SessionStore();
  store.signedIn({
    token: 'staff-token',
    expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
    refreshToken: 'refresh',
    user: { id: 'u1', username: 'hatinh.quay', displayName: 'Nguyễn Thị Quầy', roles: ['COUNTER_CLERK'], scope: null },
  });
  return store;
}

describe('Tra cứu hồ sơ (public)', () => {
  it('pre-fills the code from ?ma=, asks with the phone and shows the status in words and the timeline oldest first, in Vietnam time', async () => {
    const api = fakeApi({ TrackDossier: () => ({ data: { trackDossier: tracked() } }) });
    renderInApp(<TrackingPage />, { link: api.link, route: `/tra-cuu?ma=${encodeURIComponent(CODE)}`, session: signedIn() });
    const user = userEvent.setup();

    expect(screen.getByTestId('tracking-code-input')).toHaveValue(CODE);
    expect(screen.getByTestId('tracking-phone-input')).toHaveFocus();
    await user.type(screen.getByTestId('tracking-phone-input'), '0912 345 678');
    await user.click(screen.getByTestId('tracking-submit'));

    const result = await screen.findByTestId('tracking-result');
    expect(api.calls).toHaveLength(1);
    expect(api.calls[0]).toMatchObject({ operationName: 'TrackDossier', token: null, variables: { code: CODE, phone: '0912 345 678' } });
    expect(within(result).getByTestId('tracking-procedure')).toHaveTextContent('Thủ tục đăng ký khai sinh');
    expect(within(result).getByTestId('tracking-status')).toHaveTextContent('Đang giải quyết');
    expect(within(result).getByTestId('tracking-due')).toHaveTextContent('20/01/2027');
    expect(within(result).getByTestId('tracking-overdue')).toHaveTextContent('Trong hạn');
    const steps = within(screen.getByTestId('tracking-timeline')).getAllByRole('listitem');
    expect(steps.map((s) => s.textContent)).toEqual(['15/01/2027 08:30Tiếp nhận hồ sơ', '15/01/2027 15:05Chuyển cơ quan giải quyết']);
  });

  it('shows nothing personal: no name, ID number, phone or address, nor the enum names', async () => {
    const api = fakeApi({ TrackDossier: () => ({ data: { trackDossier: tracked({ overdue: true, promisedDate: '2027-01-27' }) } }) });
    renderInApp(<TrackingPage />, { link: api.link, route: `/tra-cuu?ma=${CODE}` });
    const user = userEvent.setup();
    await user.type(screen.getByTestId('tracking-phone-input'), '0912345678');
    await user.click(screen.getByTestId('tracking-submit'));

    const result = await screen.findByTestId('tracking-result');
    const text = result.textContent ?? '';
    expect(text).not.toContain('0912345678');
    expect(text).not.toMatch(/PROCESSING|RECEIVE|FORWARD|T\d\d:\d\d/);
    expect(screen.getByTestId('tracking-overdue')).toHaveTextContent('Đã quá hạn giải quyết');
    expect(screen.getByTestId('tracking-promised')).toHaveTextContent('27/01/2027');
  });

  it('answers a wrong code or phone alike, without saying which, and a throttled visitor when to come back', async () => {
    let throttle = false;
    const api = fakeApi({
      TrackDossier: () => (throttle ? apiError('TOO_MANY_REQUESTS', 'Quá nhiều lần tra cứu.', { retryAfterSeconds: 600 }) : { data: { trackDossier: null } }),
    });
    renderInApp(<TrackingPage />, { link: api.link, route: '/tra-cuu' });
    const user = userEvent.setup();
    await user.type(screen.getByTestId('tracking-code-input'), 'SAI-MA');
    await user.type(screen.getByTestId('tracking-phone-input'), '0900000000');
    await user.click(screen.getByTestId('tracking-submit'));

    const notFound = await screen.findByTestId('tracking-not-found');
    expect(notFound).toHaveTextContent('Mã hồ sơ hoặc số điện thoại chưa đúng');
    expect(screen.queryByTestId('tracking-result')).toBeNull();

    throttle = true;
    await user.click(screen.getByTestId('tracking-submit'));
    expect(await screen.findByTestId('tracking-throttled')).toHaveTextContent('Vui lòng thử lại sau 10 phút.');
  });

  it('once the result is returned, takes a rating with a comment and thanks the applicant', async () => {
    const api = fakeApi({
      TrackDossier: () => ({ data: { trackDossier: tracked({ status: 'RESULT_RETURNED', resultReturnedAt: '2027-01-19T03:00:00.000Z', canRate: true }) } }),
      RateDossierService: () => ({ data: { rateDossierService: true } }),
    });
    renderInApp(<TrackingPage />, { link: api.link, route: `/tra-cuu?ma=${CODE}`, session: signedIn() });
    const user = userEvent.setup();
    await user.type(screen.getByTestId('tracking-phone-input'), '0912345678');
    await user.click(screen.getByTestId('tracking-submit'));
    await screen.findByTestId('rating');

    await user.click(screen.getByTestId('rating-SATISFIED'));
    await user.type(screen.getByTestId('rating-comment'), 'Nhanh, chu đáo');
    await user.click(screen.getByTestId('rating-submit'));

    expect(await screen.findByTestId('rating-thanks')).toHaveTextContent('Cảm ơn bạn đã đánh giá');
    const rating = api.calls.find((c) => c.operationName === 'RateDossierService');
    expect(rating).toMatchObject({ token: null, variables: { code: CODE, phone: '0912345678', rating: 'SATISFIED', comment: 'Nhanh, chu đáo' } });
  });

  it('checks the form before asking', async () => {
    const api = fakeApi({});
    renderInApp(<TrackingPage />, { link: api.link, route: '/tra-cuu' });
    const user = userEvent.setup();
    await user.click(screen.getByTestId('tracking-submit'));
    await waitFor(() => expect(screen.getAllByText('Vui lòng nhập thông tin này.')).toHaveLength(2));
    expect(api.calls).toHaveLength(0);
  });
});
