import { beforeAll, describe, expect, it } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Role, SessionUserFragment } from '../../graphql/generated';
import { SessionStore } from '../auth/session';
import { apiError, fakeApi, type FakeHandler } from '../../test/fakeApi';
import { renderInApp } from '../../test/render';
import OverviewPage from './OverviewPage';

beforeAll(() => {
  // The charts measure their container; jsdom has no ResizeObserver.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});

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

const province = { __typename: 'AdministrativeUnit', id: 'u-42', name: 'Tỉnh Hà Tĩnh' };
const programmeNode = (id: string, code: string, name: string, status: string) => ({ __typename: 'PilotProgramme', id, code, name, status, province });
const programmes = (...nodes: ReturnType<typeof programmeNode>[]): FakeHandler => () => ({
  data: {
    pilotProgrammes: {
      __typename: 'PilotProgrammeConnection',
      totalCount: nodes.length,
      edges: nodes.map((node) => ({ __typename: 'PilotProgrammeEdge', node })),
    },
  },
});

const homeSummary: FakeHandler = () => ({
  data: {
    administrativeUnits: {
      __typename: 'AdministrativeUnitConnection',
      totalCount: 1,
      edges: [{ __typename: 'AdministrativeUnitEdge', node: { __typename: 'AdministrativeUnit', id: 'u-42', code: '42', name: 'Tỉnh Hà Tĩnh' } }],
    },
  },
});

const level = (lvl: string | null, target: number, enrolled: number, launched: number, operating: number, late = 0) => ({
  __typename: 'LevelProgress',
  level: lvl,
  target,
  enrolled,
  preparing: enrolled - launched,
  launched,
  operating,
  suspended: 0,
  late,
});
const totals = (relieved: number, deployed: number, investment: number) => ({
  __typename: 'HandoverTotals',
  civilServantsRelieved: relieved,
  postalStaffDeployed: deployed,
  personnelHandovers: relieved > 0 ? 2 : 0,
  facilityHandovers: investment > 0 ? 1 : 0,
  investmentTotal: investment,
});
const progress = [level('PROVINCE', 8, 3, 1, 1), level('DISTRICT', 4, 4, 2, 1, 1), level('COMMUNE', 8, 2, 1, 1), level(null, 20, 9, 4, 3, 1)];

const programmeDetail: FakeHandler = ({ variables }) => ({
  data: {
    pilotProgramme: {
      ...programmeNode(variables.id as string, 'HT-2459', 'Đề án thí điểm Hà Tĩnh', 'ACTIVE'),
      progress,
      handoverTotals: totals(6, 4, 1_250_000_000),
      phases: [
        {
          __typename: 'RolloutPhase',
          id: 'ph1',
          ordinal: 1,
          name: 'Giai đoạn 1',
          status: 'IN_PROGRESS',
          plannedStart: '2019-08-01',
          plannedEnd: '2020-06-30',
          progress,
          handoverTotals: totals(6, 4, 1_250_000_000),
        },
      ],
      lateSites: [
        {
          __typename: 'PilotSite',
          id: 'site-cx',
          level: 'DISTRICT',
          plannedLaunch: '2020-01-15',
          status: 'PREPARING',
          late: true,
          oneStopDesk: { __typename: 'OneStopDesk', id: 'd1', name: 'Bộ phận Một cửa huyện Cẩm Xuyên' },
          phase: { __typename: 'RolloutPhase', id: 'ph1', name: 'Giai đoạn 1' },
        },
      ],
    },
  },
});

const actionItems: FakeHandler = () => ({
  data: {
    actionItems: {
      __typename: 'ActionItemConnection',
      totalCount: 2,
      edges: [
        {
          __typename: 'ActionItemEdge',
          node: {
            __typename: 'ActionItem',
            id: 'a1',
            title: 'Bố trí mặt bằng cho bộ phận một cửa',
            owner: 'UBND huyện Cẩm Xuyên',
            dueOn: '2020-02-01',
            overdue: true,
            state: 'OPEN',
            site: { __typename: 'PilotSite', id: 'site-cx', oneStopDesk: { __typename: 'OneStopDesk', id: 'd1', name: 'Bộ phận Một cửa huyện Cẩm Xuyên' } },
            meeting: { __typename: 'SteeringMeeting', id: 'm1', title: 'Giao ban quý I', heldOn: '2020-01-10' },
          },
        },
        {
          __typename: 'ActionItemEdge',
          node: {
            __typename: 'ActionItem',
            id: 'a2',
            title: 'Tập huấn nhân viên bưu điện',
            owner: 'Bưu điện tỉnh',
            dueOn: '2099-01-01',
            overdue: false,
            state: 'IN_PROGRESS',
            site: null,
            meeting: { __typename: 'SteeringMeeting', id: 'm1', title: 'Giao ban quý I', heldOn: '2020-01-10' },
          },
        },
      ],
    },
    overdueActionItems: { __typename: 'ActionItemConnection', totalCount: 1 },
  },
});

describe('overview page', () => {
  it('says there is no programme in scope, and still shows the system status', async () => {
    const api = fakeApi({ OverviewProgrammes: programmes(), HomeSummary: homeSummary });
    renderInApp(<OverviewPage />, { link: api.link, session: sessionOf(['COUNTER_CLERK']) });

    const empty = await screen.findByTestId('overview-empty');
    expect(empty).toHaveTextContent('Chưa có đề án thí điểm');
    expect(empty).toHaveTextContent('chưa có số liệu triển khai');
    expect(screen.queryByTestId('go-to-rollout')).not.toBeInTheDocument();
    expect(await screen.findByTestId('status-card')).toBeInTheDocument();
    expect(api.calls.map((c) => c.operationName)).not.toContain('OverviewProgramme');
  });

  it('points the steering committee to the rollout when it has no programme yet', async () => {
    const api = fakeApi({ OverviewProgrammes: programmes(), HomeSummary: homeSummary });
    renderInApp(<OverviewPage />, { link: api.link, session: sessionOf(['STEERING_COMMITTEE']) });

    expect(await screen.findByTestId('go-to-rollout')).toHaveAttribute('href', '/rollout');
  });

  it('shows an error it can retry', async () => {
    let fail = true;
    const api = fakeApi({
      OverviewProgrammes: (request) => (fail ? apiError('INTERNAL_SERVER_ERROR', 'Máy chủ gặp lỗi.') : programmes()(request)),
      HomeSummary: homeSummary,
    });
    renderInApp(<OverviewPage />, { link: api.link, session: sessionOf(['STEERING_COMMITTEE']) });

    const error = await screen.findByTestId('overview-error');
    expect(error).toHaveTextContent('Máy chủ gặp lỗi.');
    fail = false;
    await userEvent.click(within(error).getByRole('button', { name: 'Thử lại' }));
    expect(await screen.findByTestId('overview-empty')).toBeInTheDocument();
  });

  it('shows the first ACTIVE programme: headline cards, the progress table with its total, late sites and overdue tasks', async () => {
    const api = fakeApi({
      OverviewProgrammes: programmes(programmeNode('bp', 'BP-2018', 'Đề án Bình Phước', 'CLOSED'), programmeNode('ht', 'HT-2459', 'Đề án thí điểm Hà Tĩnh', 'ACTIVE')),
      OverviewProgramme: programmeDetail,
      OverviewActionItems: actionItems,
    });
    renderInApp(<OverviewPage />, { link: api.link, session: sessionOf(['SYSTEM_ADMIN']) });

    expect(await screen.findByTestId('programme-overview')).toBeInTheDocument();
    expect(api.calls.find((c) => c.operationName === 'OverviewProgramme')?.variables).toEqual({ id: 'ht' });
    expect(screen.getByTestId('programme-name')).toHaveTextContent('Đề án thí điểm Hà Tĩnh');
    expect(screen.getByTestId('programme-select')).toHaveValue('ht');

    expect(screen.getByTestId('card-enrolled-value')).toHaveTextContent('9 / 20');
    expect(screen.getByTestId('card-operating-value')).toHaveTextContent('3 / 20');
    expect(screen.getByTestId('card-late-value')).toHaveTextContent('1');
    expect(screen.getByTestId('card-investment-value')).toHaveTextContent(/1\.250\.000\.000\s₫/);
    expect(await screen.findByTestId('card-overdue')).toHaveTextContent('1 nhiệm vụ quá hạn');
    expect(screen.getByTestId('card-action-items-value')).toHaveTextContent('2');

    expect(screen.getByTestId('progress-chart')).toHaveTextContent('Kế hoạch và thực hiện theo cấp – Tất cả giai đoạn');
    expect(screen.getByTestId('progress-row-DISTRICT')).toHaveTextContent('Cấp huyện');
    expect(screen.getByTestId('progress-total-target')).toHaveTextContent('20');
    expect(screen.getByTestId('progress-total-enrolled')).toHaveTextContent('9');
    expect(screen.getByTestId('progress-row-total')).toHaveTextContent('Tổng');

    const late = screen.getByTestId('late-site-link');
    expect(late).toHaveTextContent('Bộ phận Một cửa huyện Cẩm Xuyên');
    expect(late).toHaveAttribute('href', '/rollout/sites/site-cx');

    const rows = await screen.findAllByTestId('action-item-row');
    expect(rows[0]).toHaveAttribute('data-overdue', 'true');
    expect(within(rows[0]).getByTestId('overdue-chip')).toHaveTextContent('Quá hạn');
    expect(rows[0]).toHaveTextContent('01/02/2020');
    expect(rows[1]).toHaveAttribute('data-overdue', 'false');

    expect(screen.getByTestId('handover-chart')).toHaveTextContent('Công chức được thay thế');
    expect(screen.getByTestId('handover-row-total')).toHaveTextContent('6');
  });

  it('opens the programme named in the URL, and falls back with a warning when it is not in scope', async () => {
    const handlers = {
      OverviewProgrammes: programmes(programmeNode('ht', 'HT-2459', 'Đề án thí điểm Hà Tĩnh', 'ACTIVE'), programmeNode('bp', 'BP-2018', 'Đề án Bình Phước', 'CLOSED')),
      OverviewProgramme: programmeDetail,
      OverviewActionItems: actionItems,
    };
    const first = fakeApi(handlers);
    const view = renderInApp(<OverviewPage />, { link: first.link, route: '/?programme=bp', session: sessionOf(['SYSTEM_ADMIN']) });
    await screen.findByTestId('programme-overview');
    expect(first.calls.find((c) => c.operationName === 'OverviewProgramme')?.variables).toEqual({ id: 'bp' });
    expect(screen.queryByTestId('programme-requested-missing')).not.toBeInTheDocument();
    view.unmount();

    const second = fakeApi(handlers);
    renderInApp(<OverviewPage />, { link: second.link, route: '/?programme=elsewhere', session: sessionOf(['SYSTEM_ADMIN']) });
    expect(await screen.findByTestId('programme-requested-missing')).toHaveTextContent('HT-2459');
    await waitFor(() => expect(second.calls.find((c) => c.operationName === 'OverviewProgramme')?.variables).toEqual({ id: 'ht' }));
  });
});
