import { describe, expect, it } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apiError, fakeApi } from '../../test/fakeApi';
import { renderInApp } from '../../test/render';
import { DossierPage } from './DossierPage';
import { dossier, sessionAs } from './testData';

describe('a dossier’s page', () => {
  it('offers only the allowed steps, asks the reason and documents of a supplement request, and offers a reload on CONFLICT', async () => {
    const api = fakeApi({
      DossierDetail: () => ({ data: { dossier: dossier() } }),
      DossierStep: () => apiError('CONFLICT', 'Hồ sơ đã được người khác cập nhật.'),
    });
    renderInApp(<DossierPage />, { link: api.link, route: '/dossiers/d-1', path: '/dossiers/:id', session: sessionAs(['AGENCY_OFFICER']) });
    const actions = await screen.findByTestId('dossier-actions');
    expect(within(actions).getAllByRole('button').map((b) => b.textContent)).toEqual(['Yêu cầu bổ sung', 'Chờ nghĩa vụ tài chính', 'Có kết quả', 'Dừng xử lý', 'In biểu mẫu']);
    // Timeline oldest first, in Vietnam time, with actor and unit.
    const events = screen.getAllByTestId('dossier-event').map((e) => e.textContent);
    expect(events[0]).toContain('Tiếp nhận hồ sơ03/12/2026 09:15 · bởi Nhân viên quầy Trung tâm PVHCC tỉnh · Trung tâm Phục vụ hành chính công tỉnh');
    expect(events[1]).toContain('Chuyển cơ quan giải quyết');
    expect(screen.getByTestId('dossier-fees')).toHaveTextContent('50.000 đ');

    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByTestId('dossier-action-REQUEST_SUPPLEMENT'));
    const dialog = await screen.findByTestId('dossier-step-dialog');
    await user.click(within(dialog).getByTestId('dossier-step-dialog-submit'));
    expect(await within(dialog).findByText('Hãy ghi lý do.')).toBeInTheDocument();
    expect(api.calls.some((c) => c.operationName === 'DossierStep')).toBe(false);
    await user.type(within(dialog).getByTestId('dossier-step-note'), 'Thiếu giấy tờ');
    await user.type(within(dialog).getByTestId('dossier-step-items'), 'Giấy chứng sinh{Enter}Sổ hộ khẩu');
    await user.click(within(dialog).getByTestId('dossier-step-dialog-submit'));
    await waitFor(() =>
      expect(api.calls.find((c) => c.operationName === 'DossierStep')?.variables).toEqual({
        input: { id: 'd-1', version: 3, action: 'REQUEST_SUPPLEMENT', note: 'Thiếu giấy tờ', items: ['Giấy chứng sinh', 'Sổ hộ khẩu'] },
      }),
    );
    expect(await within(dialog).findByTestId('conflict-alert-reload')).toBeInTheDocument();
  }, 60_000);

  it('shows a clerk the apology for an overdue open dossier (again once its promised day has passed), and nothing to step when none is allowed', async () => {
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const shown = (iso: string) => iso.split('-').reverse().join('/');
    const api = fakeApi({ DossierDetail: () => ({ data: { dossier: dossier({ overdue: true, allowedActions: [], promisedOn: day(-3) }) } }) });
    const first = renderInApp(<DossierPage />, { link: api.link, route: '/dossiers/d-1', path: '/dossiers/:id', session: sessionAs(['COUNTER_CLERK']) });
    const actions = await screen.findByTestId('dossier-actions');
    expect(within(actions).getAllByRole('button').map((b) => b.textContent)).toEqual(['Xin lỗi, hẹn lại ngày trả', 'Ghi nhận bưu chính', 'In biểu mẫu']);
    expect(screen.getByTestId('dossier-overdue')).toHaveTextContent('Quá hạn');
    expect(screen.getByTestId('dossier-promised')).toHaveTextContent(`Hẹn lại: ${shown(day(-3))}`);
    first.unmount();

    // While the day promised by the last apology is still ahead, no second apology is offered.
    const kept = fakeApi({ DossierDetail: () => ({ data: { dossier: dossier({ overdue: true, allowedActions: [], promisedOn: day(5) }) } }) });
    renderInApp(<DossierPage />, { link: kept.link, route: '/dossiers/d-1', path: '/dossiers/:id', session: sessionAs(['COUNTER_CLERK']) });
    const later = await screen.findByTestId('dossier-actions');
    expect(within(later).getAllByRole('button').map((b) => b.textContent)).toEqual(['Ghi nhận bưu chính', 'In biểu mẫu']);
  });
});
