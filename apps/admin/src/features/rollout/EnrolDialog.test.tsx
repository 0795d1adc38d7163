import { describe, expect, it, jest } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from '../../i18n';
import { apiError, fakeApi, type FakeHandler } from '../../test/fakeApi';
import { renderInApp } from '../../test/render';
import { EnrolDialog, errorsByDesk, groupDesks } from './EnrolDialog';
import { helperOf, hintOf } from '../../test/help';

interface UnitNode {
  __typename: 'AdministrativeUnit';
  id: string;
  code: string;
  name: string;
  level: string;
  parent: UnitNode | null;
}
const unit = (code: string, name: string, level: string, parent: UnitNode | null = null): UnitNode => ({
  __typename: 'AdministrativeUnit',
  id: `u-${code}`,
  code,
  name,
  level,
  parent,
});
const haTinh = unit('42', 'Tỉnh Hà Tĩnh', 'PROVINCE');
const kyAnh = unit('447', 'Huyện Kỳ Anh', 'DISTRICT', haTinh);
const camXuyen = unit('446', 'Huyện Cẩm Xuyên', 'DISTRICT', haTinh);
const kyBac = unit('18760', 'Xã Kỳ Bắc', 'COMMUNE', kyAnh);

// Kỳ Anh's desk is already an operating site of phase 1.
const kyAnhSite = {
  __typename: 'PilotSite',
  id: 's-kyanh',
  status: 'OPERATING',
  phase: { __typename: 'RolloutPhase', id: 'ph1', ordinal: 1, name: 'Thí điểm' },
  programme: { __typename: 'PilotProgramme', id: 'prog', code: 'HT-2459' },
};
const desk = (id: string, name: string, level: string, administrativeUnit: UnitNode) => ({
  __typename: 'OneStopDesk',
  id,
  code: id.toUpperCase(),
  name,
  level,
  agency: { __typename: 'Agency', id: `a-${id}`, name: `Cơ quan ${name}` },
  activePilotSite: id === 'd-kyanh' ? kyAnhSite : null,
  administrativeUnit,
});
const DESKS = [
  desk('d-noivu', 'Bộ phận Một cửa Sở Nội vụ', 'PROVINCE', haTinh),
  desk('d-camxuyen', 'Bộ phận TN&TKQ huyện Cẩm Xuyên', 'DISTRICT', camXuyen),
  desk('d-kyanh', 'Bộ phận TN&TKQ huyện Kỳ Anh', 'DISTRICT', kyAnh),
  desk('d-kybac', 'Bộ phận TN&TKQ xã Kỳ Bắc', 'COMMUNE', kyBac),
];

const handlers = (enrol: FakeHandler): Record<string, FakeHandler> => ({
  RolloutEnrolDeskOptions: () => ({
    data: {
      oneStopDesks: {
        __typename: 'OneStopDeskConnection',
        totalCount: DESKS.length,
        edges: DESKS.map((node) => ({ __typename: 'OneStopDeskEdge', node })),
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
      },
    },
  }),
  RolloutEnrolPostOfficeOptions: () => ({
    data: {
      postOffices: {
        __typename: 'PostOfficeConnection',
        edges: [
          {
            __typename: 'PostOfficeEdge',
            node: { __typename: 'PostOffice', id: 'po-kybac', code: '484510', name: 'Bưu điện văn hóa xã Kỳ Bắc', kind: 'COMMUNE_CULTURAL', administrativeUnit: { __typename: 'AdministrativeUnit', id: 'u-18760', name: 'Xã Kỳ Bắc' } },
          },
        ],
      },
    },
  }),
  RolloutEnrolSites: enrol,
});

const phase = { id: 'ph2', ordinal: 2, name: 'Mở rộng', plannedEnd: '2021-12-31' };
const programme = {
  id: 'prog',
  administrativeUnit: { code: '42', name: 'Tỉnh Hà Tĩnh' },
  province: { code: '42', name: 'Tỉnh Hà Tĩnh' },
};

/** Picks the three free desks, moves Kỳ Bắc into the post office, and returns the user. */
async function pickDesks() {
  const user = userEvent.setup();
  await screen.findByTestId('enrol-pick-d-noivu');
  await user.click(screen.getByTestId('enrol-pick-d-noivu'));
  await user.click(screen.getByTestId('enrol-pick-d-camxuyen'));
  await user.click(screen.getByTestId('enrol-pick-d-kybac'));
  const kyBacCard = screen.getByTestId('enrol-selected-d-kybac');
  await user.click(within(kyBacCard).getAllByRole('combobox')[0]);
  await user.click(await screen.findByRole('option', { name: i18n.t('rollout.labels.handoverModel.AT_POST_OFFICE') }));
  return user;
}

/** The error or else the hint under a field of a desk's card. */
const helperIn = (card: HTMLElement, testId: string) => helperOf(within(card).getByTestId(testId));

describe('enrolment of pilot sites', () => {
  it('groups desks as the province is organised: provincial desks, then each district with its communes', () => {
    const groups = groupDesks(DESKS as never, { province: 'Cấp tỉnh', communes: 'Cấp xã' });
    expect(groups.map((g) => [g.label, g.desks.map((d) => d.id)])).toEqual([
      ['Cấp tỉnh', ['d-noivu']],
      ['Huyện Cẩm Xuyên', ['d-camxuyen']],
      ['Huyện Kỳ Anh', ['d-kyanh', 'd-kybac']],
    ]);
  });

  it('keeps each API field error with its desk, whatever the rows became since', () => {
    const problem = { code: 'CONFLICT' as const, message: 'x', fields: { 'sites.1.oneStopDeskId': 'taken', 'sites.0.postOfficeId': 'wrong office', other: 'y' } };
    expect(errorsByDesk(problem, ['a', 'b'])).toEqual({ b: { oneStopDeskId: 'taken' }, a: { postOfficeId: 'wrong office' } });
  });

  it('shows desks already in an active site as taken and lets none of them be chosen', async () => {
    renderInApp(<EnrolDialog phase={phase} programme={programme} onClose={() => undefined} onEnrolled={() => undefined} />, { link: fakeApi(handlers(() => ({ data: null }))).link });

    await waitFor(() => expect(screen.getByTestId('enrol-pick-d-kyanh')).toBeDisabled());
    const kyAnhRow = screen.getAllByTestId('enrol-desk').find((row) => row.getAttribute('data-desk') === 'd-kyanh')!;
    expect(within(kyAnhRow).getByTestId('enrol-taken')).toHaveTextContent('Đang ở Giai đoạn 1 · Đang vận hành');
    // Choosing the whole district takes only its free desk.
    await userEvent.setup().click(screen.getByRole('checkbox', { name: 'Chọn tất cả bộ phận của Huyện Kỳ Anh' }));
    expect(screen.getByTestId('enrol-selected-d-kybac')).toBeInTheDocument();
    expect(screen.queryByTestId('enrol-selected-d-kyanh')).not.toBeInTheDocument();
  });

  it('asks for the post office of a desk that moves into one before calling the API', async () => {
    const api = fakeApi(handlers(() => ({ data: null })));
    renderInApp(<EnrolDialog phase={phase} programme={programme} onClose={() => undefined} onEnrolled={() => undefined} />, { link: api.link });
    const user = await pickDesks();

    await user.click(screen.getByTestId('enrol-dialog-submit'));

    expect(helperIn(screen.getByTestId('enrol-selected-d-kybac'), 'enrol-post-office-d-kybac')).toBe('Phương án chuyển về bưu điện cần chọn bưu điện.');
    // The model's hint stays above the error.
    expect(hintOf(within(screen.getByTestId('enrol-selected-d-kybac')).getByTestId('enrol-post-office-d-kybac'))).toBe(
      'Bộ phận một cửa chuyển về trụ sở bưu điện (đến Bưu điện văn hóa xã)',
    );
    expect(api.calls.some((c) => c.operationName === 'RolloutEnrolSites')).toBe(false);
  });

  it('sends one enrolment and shows the API’s sites.<i> errors beside the right desks', async () => {
    await i18n.changeLanguage('en');
    const enrol = jest.fn<FakeHandler>((request) =>
      apiError('CONFLICT', 'Some desks are already in an active pilot site.', {
        fields: [
          { field: 'input.sites.1.oneStopDeskId', message: request.language === 'en' ? '"Cẩm Xuyên" is already in an active pilot site.' : 'đã thuộc' },
          { field: 'input.sites.2.postOfficeId', message: 'The post office is not in the programme’s province.' },
        ],
      }),
    );
    const api = fakeApi(handlers(enrol));
    renderInApp(<EnrolDialog phase={phase} programme={programme} onClose={() => undefined} onEnrolled={() => undefined} />, { link: api.link });
    const user = await pickDesks();
    const kyBacCard = screen.getByTestId('enrol-selected-d-kybac');
    await user.click(within(kyBacCard).getByTestId('enrol-post-office-d-kybac'));
    await user.click(await screen.findByRole('option', { name: /Kỳ Bắc/ }));

    await user.click(screen.getByTestId('enrol-dialog-submit'));

    const camXuyenCard = screen.getByTestId('enrol-selected-d-camxuyen');
    expect(await within(camXuyenCard).findByTestId('enrol-desk-error')).toHaveTextContent('"Cẩm Xuyên" is already in an active pilot site.');
    expect(helperIn(screen.getByTestId('enrol-selected-d-kybac'), 'enrol-post-office-d-kybac')).toBe('The post office is not in the programme’s province.');
    expect(within(screen.getByTestId('enrol-selected-d-noivu')).queryByTestId('enrol-desk-error')).not.toBeInTheDocument();
    expect(screen.getByTestId('problem-alert')).toHaveTextContent('Please check the highlighted fields.');
    expect(enrol).toHaveBeenCalledTimes(1);
    expect(api.calls.find((c) => c.operationName === 'RolloutEnrolSites')?.variables).toEqual({
      input: {
        phaseId: 'ph2',
        on: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        sites: [
          { oneStopDeskId: 'd-noivu', handoverModel: 'AT_AGENCY', postOfficeId: null, plannedLaunch: null },
          { oneStopDeskId: 'd-camxuyen', handoverModel: 'AT_AGENCY', postOfficeId: null, plannedLaunch: null },
          { oneStopDeskId: 'd-kybac', handoverModel: 'AT_POST_OFFICE', postOfficeId: 'po-kybac', plannedLaunch: null },
        ],
      },
    });

    // Removing a row does not move the messages onto other desks.
    await user.click(screen.getByRole('button', { name: 'Remove Bộ phận Một cửa Sở Nội vụ' }));
    expect(within(screen.getByTestId('enrol-selected-d-camxuyen')).getByTestId('enrol-desk-error')).toHaveTextContent('"Cẩm Xuyên" is already in an active pilot site.');
    expect(within(screen.getByTestId('enrol-selected-d-kybac')).queryByTestId('enrol-desk-error')).not.toBeInTheDocument();
  });

  it('reports how many sites were enrolled', async () => {
    const onEnrolled = jest.fn();
    const site = (id: string, deskId: string) => ({
      __typename: 'PilotSite',
      id,
      level: 'PROVINCE',
      status: 'PLANNED',
      late: false,
      handoverModel: 'AT_AGENCY',
      plannedLaunch: '2021-12-31',
      launchedOn: null,
      oneStopDesk: { __typename: 'OneStopDesk', id: deskId, code: deskId, name: deskId },
      postOffice: null,
    });
    const api = fakeApi(handlers(() => ({ data: { enrolPilotSites: { __typename: 'EnrolPilotSitesPayload', pilotSites: [site('s1', 'd-noivu')] } } })));
    renderInApp(<EnrolDialog phase={phase} programme={programme} onClose={() => undefined} onEnrolled={onEnrolled} />, { link: api.link });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('enrol-pick-d-noivu'));
    expect(screen.getByTestId('enrol-dialog-submit')).toHaveTextContent('Đăng ký 1 bộ phận');

    await user.click(screen.getByTestId('enrol-dialog-submit'));

    await waitFor(() => expect(onEnrolled).toHaveBeenCalledWith(1));
  });
});
