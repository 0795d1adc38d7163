import { describe, expect, it, jest } from '@jest/globals';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { todayIso } from '../../dates';
import { apiError, fakeApi } from '../../test/fakeApi';
import { renderInApp } from '../../test/render';
import { SiteMoveDialog } from './SiteMoveDialog';

const site = {
  id: 'site-kb',
  version: 7,
  status: 'PREPARING' as const,
  statusSince: '2019-09-01',
  suspendedFrom: null,
  name: 'Bộ phận Một cửa xã Kỳ Bắc',
  readiness: [
    { key: 'agreement_signed', label: 'Ký thỏa thuận với bưu điện', done: true },
    { key: 'staff_trained', label: 'Tập huấn nhân viên', done: false },
    { key: 'signage', label: 'Biển hiệu', done: false },
  ],
};

describe('site move form', () => {
  it('asks for the confirmation first, then sends the day, the note and the version read', async () => {
    const api = fakeApi({ SiteMove: () => apiError('CONFLICT', 'Đơn vị đã được người khác thay đổi.') });
    const onReload = jest.fn();
    const onClose = jest.fn();
    renderInApp(<SiteMoveDialog site={site} to="OPERATING" onClose={onClose} onReload={onReload} onUnmet={() => undefined} />, { link: api.link });
    const user = userEvent.setup({ delay: null });

    await user.click(screen.getByTestId('site-move-form-submit'));
    expect(screen.getByTestId('site-move-form')).toHaveTextContent('Vui lòng đánh dấu ô xác nhận.');
    expect(api.calls).toHaveLength(0);

    await user.type(screen.getByTestId('site-move-note'), 'Theo kết luận giao ban');
    await user.click(screen.getByTestId('site-move-confirm'));
    await user.click(screen.getByTestId('site-move-form-submit'));

    const conflict = await screen.findByTestId('conflict-alert');
    expect(conflict).toHaveTextContent('vừa được người khác thay đổi');
    expect(api.calls[0].variables).toEqual({ input: { id: 'site-kb', version: 7, to: 'OPERATING', on: todayIso(), note: 'Theo kết luận giao ban' } });
    await user.click(within(conflict).getByTestId('conflict-alert-reload'));
    expect(onReload).toHaveBeenCalledTimes(1);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('lists the unmet readiness items when launching is refused, and reports them to the page', async () => {
    const api = fakeApi({
      SiteMove: () =>
        apiError('ILLEGAL_TRANSITION', 'Chưa hoàn thành danh mục sẵn sàng: Tập huấn nhân viên; Biển hiệu.', {
          from: 'PREPARING',
          to: 'LAUNCHED',
          allowed: ['LAUNCHED', 'SUSPENDED', 'WITHDRAWN'],
          unmetReadiness: ['staff_trained', 'signage'],
        }),
    });
    const onUnmet = jest.fn();
    renderInApp(<SiteMoveDialog site={site} to="LAUNCHED" onClose={() => undefined} onReload={() => undefined} onUnmet={onUnmet} />, { link: api.link });
    const user = userEvent.setup({ delay: null });

    await user.click(screen.getByTestId('site-move-confirm'));
    await user.click(screen.getByTestId('site-move-form-submit'));

    expect(await screen.findByTestId('problem-alert')).toHaveTextContent('Chưa hoàn thành danh mục sẵn sàng: Tập huấn nhân viên; Biển hiệu.');
    const unmet = screen.getByTestId('site-move-unmet');
    expect(
      within(unmet)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Tập huấn nhân viên', 'Biển hiệu']);
    expect(onUnmet).toHaveBeenCalledWith(['staff_trained', 'signage']);
  });
});
