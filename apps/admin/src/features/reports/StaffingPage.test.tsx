import { describe, expect, it } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apiError, badInput, fakeApi, type FakeHandler } from '../../test/fakeApi';
import { renderInApp } from '../../test/render';
import { errorOf } from '../../test/help';
import { catchDownloads } from '../../test/downloads';
import { todayIso } from '../../dates';
import { sessionAs } from '../dossiers/testData';
import { StaffingPage } from './StaffingPage';

const row = (start: string, end: string, label: string, figures: Partial<Record<string, number>>) => ({
  __typename: 'StaffingRow',
  period: { __typename: 'ReportPeriod', start, end, label },
  handovers: 0,
  civilServantsRelieved: 0,
  postalStaffDeployed: 0,
  postalStaffNewlyDeployed: 0,
  trainingClasses: 0,
  trainingAttendees: 0,
  ...figures,
});

const REPORT = {
  __typename: 'StaffingReport',
  unitId: 'u-42',
  unitCode: '42',
  unitName: 'Tỉnh Hà Tĩnh',
  from: '2026-01-01',
  to: '2026-03-31',
  granularity: 'MONTH',
  note: null,
  rows: [
    row('2026-01-01', '2026-01-31', 'Tháng 1/2026', { postalStaffDeployed: 12, postalStaffNewlyDeployed: 12 }),
    row('2026-02-01', '2026-02-28', 'Tháng 2/2026', { postalStaffDeployed: 14, postalStaffNewlyDeployed: 2, handovers: 2, civilServantsRelieved: 5 }),
    row('2026-03-01', '2026-03-31', 'Tháng 3/2026', { postalStaffDeployed: 14, trainingClasses: 3, trainingAttendees: 1250 }),
  ],
  totals: row('2026-01-01', '2026-03-31', 'Quý 1/2026', { postalStaffDeployed: 14, postalStaffNewlyDeployed: 14, handovers: 2, civilServantsRelieved: 5, trainingClasses: 3, trainingAttendees: 1250 }),
};

const activity = (id: string, kind: string, quantity: number, peopleReached: number | null) => ({
  __typename: 'OutreachActivity',
  id,
  kind,
  quantity,
  peopleReached,
  periodStart: '2026-02-01',
  periodEnd: '2026-02-28',
  source: 'Báo cáo số 12/BC-BCĐ',
  note: null,
  version: 3,
  administrativeUnit: { __typename: 'AdministrativeUnit', id: 'u-42', code: '42', name: 'Tỉnh Hà Tĩnh' },
});

function staffingApi(handlers: Record<string, FakeHandler> = {}) {
  return fakeApi({
    StaffingReport: () => ({ data: { staffingReport: REPORT } }),
    OutreachActivities: () => ({
      data: {
        outreachActivities: {
          __typename: 'OutreachActivityConnection',
          totalCount: 2,
          totals: [
            { __typename: 'OutreachKindTotal', kind: 'HANDBOOK', activities: 1, quantity: 1750, peopleReached: null },
            { __typename: 'OutreachKindTotal', kind: 'CONFERENCE_OR_CLASS', activities: 1, quantity: 6, peopleReached: 400 },
          ],
          edges: [
            { __typename: 'OutreachActivityEdge', node: activity('a1', 'HANDBOOK', 1750, null) },
            { __typename: 'OutreachActivityEdge', node: activity('a2', 'CONFERENCE_OR_CLASS', 6, 400) },
          ],
        },
      },
    }),
    ...handlers,
  });
}

const ROUTE = { route: '/reports/staffing?from=2026-01-01&to=2026-03-31', path: '/reports/staffing' };

describe('Nhân sự và tuyên truyền', () => {
  it('shows staffing per period as officials write it, with thousands in dots, and the outreach list read-only for a post office manager', async () => {
    const api = staffingApi();
    renderInApp(<StaffingPage />, { link: api.link, ...ROUTE, session: sessionAs(['POST_OFFICE_MANAGER']) });
    const rows = await screen.findAllByTestId('staffing-row');
    expect(api.calls.find((c) => c.operationName === 'StaffingReport')?.variables).toEqual({ filter: { unit: null, from: '2026-01-01', to: '2026-03-31', granularity: 'MONTH' } });
    expect(rows.map((r) => r.textContent?.slice(0, 12))).toEqual(['Tháng 1/2026', 'Tháng 2/2026', 'Tháng 3/2026']);
    expect(rows[2]).toHaveTextContent('1.250');
    expect(screen.getByTestId('staffing-total-row')).toHaveTextContent('Tổng cộng');
    expect(screen.getByTestId('staffing-total-trainingAttendees')).toHaveTextContent('1.250');
    expect(screen.getByTestId('staffing-unit-name')).toHaveTextContent('Tỉnh Hà Tĩnh, từ 01/01/2026 đến 31/03/2026');
    const outreach = await screen.findAllByTestId('outreach-row');
    expect(api.calls.find((c) => c.operationName === 'OutreachActivities')?.variables).toEqual({ filter: { unitId: 'u-42', includeSubunits: true, from: '2026-01-01', to: '2026-03-31' }, first: 100 });
    expect(outreach[0]).toHaveTextContent('Sổ tay hướng dẫn');
    expect(outreach[0]).toHaveTextContent('1.750');
    expect(outreach[0]).toHaveTextContent('01/02/2026 – 28/02/2026');
    expect(screen.getByTestId('outreach-total-CONFERENCE_OR_CLASS')).toHaveTextContent('6 · 400 lượt người');
    expect(screen.queryByTestId('outreach-add')).not.toBeInTheDocument();
    expect(screen.queryByTestId('outreach-edit')).not.toBeInTheDocument();
  }, 60_000);

  it('records an activity for the report’s unit, with the form’s checks and the API’s field errors under their fields', async () => {
    const api = staffingApi({ SubmitOutreachActivity: ({ language }) => badInput(language, [{ field: 'periodStart', vi: 'Hoạt động chưa bắt đầu: ngày đầu kỳ không được ở tương lai.', en: 'Not started.' }]) });
    renderInApp(<StaffingPage />, { link: api.link, ...ROUTE, session: sessionAs(['STEERING_COMMITTEE']) });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('outreach-add'));
    const form = await screen.findByTestId('outreach-form');
    expect(screen.getByTestId('outreach-form-unit')).toHaveValue('Tỉnh Hà Tĩnh');
    await user.click(screen.getByTestId('outreach-form-submit'));
    expect(errorOf(screen.getByTestId('outreach-form-quantity'))).toBe('Vui lòng nhập thông tin này.');
    expect(errorOf(screen.getByTestId('outreach-form-source'))).toBe('Vui lòng nhập thông tin này.');
    await user.type(screen.getByTestId('outreach-form-quantity'), '0');
    await user.click(screen.getByTestId('outreach-form-submit'));
    expect(errorOf(screen.getByTestId('outreach-form-quantity'))).toBe('Nhập số nguyên từ 1 trở lên.');
    expect(api.calls.some((c) => c.operationName === 'SubmitOutreachActivity')).toBe(false);
    await user.clear(screen.getByTestId('outreach-form-quantity'));
    await user.type(screen.getByTestId('outreach-form-quantity'), '1.200');
    await user.type(screen.getByTestId('outreach-form-people'), '3000');
    await user.type(screen.getByTestId('outreach-form-source'), 'Báo cáo tháng của Sở');
    await user.click(screen.getByTestId('outreach-form-submit'));
    expect(await within(form).findByText('Hoạt động chưa bắt đầu: ngày đầu kỳ không được ở tương lai.')).toBeInTheDocument();
    expect(form).toBeInTheDocument();
    expect(api.calls.find((c) => c.operationName === 'SubmitOutreachActivity')?.variables).toEqual({
      input: { administrativeUnitCode: '42', periodStart: `${todayIso().slice(0, 7)}-01`, periodEnd: todayIso(), kind: 'LEAFLET', quantity: 1200, peopleReached: 3000, source: 'Báo cáo tháng của Sở', note: null },
    });
  }, 60_000);

  it('corrects an activity with its version (CONFLICT offers to reload) and removes one', async () => {
    const api = staffingApi({
      UpdateOutreachActivity: () => apiError('CONFLICT', 'Hoạt động đã được thay đổi.'),
      DeleteOutreachActivity: () => ({ data: { deleteOutreachActivity: { __typename: 'DeleteOutreachActivityPayload', id: 'a2' } } }),
    });
    renderInApp(<StaffingPage />, { link: api.link, ...ROUTE, session: sessionAs(['SYSTEM_ADMIN']) });
    const user = userEvent.setup();
    await user.click((await screen.findAllByTestId('outreach-edit'))[1]);
    const form = await screen.findByTestId('outreach-form');
    expect(screen.getByTestId('outreach-form-quantity')).toHaveValue('6');
    expect(screen.getByTestId('outreach-form-people')).toHaveValue('400');
    await user.clear(screen.getByTestId('outreach-form-quantity'));
    await user.type(screen.getByTestId('outreach-form-quantity'), '7');
    await user.click(screen.getByTestId('outreach-form-submit'));
    await waitFor(() => expect(within(form).getByTestId('conflict-alert')).toHaveTextContent('Hoạt động này vừa được người khác sửa.'));
    expect(api.calls.find((c) => c.operationName === 'UpdateOutreachActivity')?.variables).toEqual({
      input: { id: 'a2', version: 3, administrativeUnitCode: '42', periodStart: '2026-02-01', periodEnd: '2026-02-28', kind: 'CONFERENCE_OR_CLASS', quantity: 7, peopleReached: 400, source: 'Báo cáo số 12/BC-BCĐ', note: '' },
    });
    await user.click(screen.getByTestId('conflict-alert-reload'));
    await waitFor(() => expect(screen.queryByTestId('outreach-form')).not.toBeInTheDocument());

    await user.click((await screen.findAllByTestId('outreach-delete-button'))[1]);
    expect(await screen.findByTestId('outreach-delete')).toHaveTextContent('Xóa Hội nghị, lớp tập huấn (6) của Tỉnh Hà Tĩnh từ 01/02/2026 đến 28/02/2026?');
    await user.click(screen.getByTestId('outreach-delete-submit'));
    await waitFor(() => expect(api.calls.find((c) => c.operationName === 'DeleteOutreachActivity')?.variables).toEqual({ input: { id: 'a2', version: 3 } }));
    await waitFor(() => expect(api.calls.filter((c) => c.operationName === 'OutreachActivities').length).toBeGreaterThanOrEqual(3));
  }, 60_000);

  it('Tải về saves the staffing grid with the filter of the table', async () => {
    const file = { __typename: 'ExportedFile', fileName: 'nhan-su-tinh-ha-tinh-01-01-2026-31-03-2026.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', contentBase64: btoa('PK'), rowCount: 4 };
    const api = staffingApi({ ExportStaffingReport: () => ({ data: { exportStaffingReport: file } }) });
    const downloads = catchDownloads();
    try {
      renderInApp(<StaffingPage />, { link: api.link, ...ROUTE, session: sessionAs(['POST_OFFICE_MANAGER']) });
      await screen.findAllByTestId('staffing-row');
      await userEvent.setup().click(screen.getByTestId('staffing-download'));
      expect(await screen.findByTestId('staffing-download-note')).toHaveTextContent(`Đã tải về tệp ${file.fileName}.`);
      expect(api.calls.filter((c) => c.operationName === 'ExportStaffingReport').map((c) => c.variables)).toEqual([{ filter: { unit: null, from: '2026-01-01', to: '2026-03-31', granularity: 'MONTH' } }]);
      expect(downloads.saved.map((f) => f.fileName)).toEqual([file.fileName]);
    } finally {
      downloads.restore();
    }
  }, 60_000);
});
