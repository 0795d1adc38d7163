import { describe, expect, it } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi } from '../../test/fakeApi';
import { renderInApp } from '../../test/render';
import ReceptionPage from './ReceptionPage';
import { dossier, PROCEDURE, sessionAs } from './testData';

const QR = '042190012345|183456789|Nguyễn Thị Hường|15031990|Nữ|Thôn Yên Thượng, xã Cẩm Xuyên, tỉnh Hà Tĩnh|20042021';

function renderReception() {
  const api = fakeApi({
    ReceptionProcedures: () => ({ data: { procedures: { __typename: 'ProcedureConnection', edges: [{ __typename: 'ProcedureEdge', node: PROCEDURE }] } } }),
    // 08/12/2026 17:00 in Vietnam.
    ReceptionDueAt: () => ({ data: { dossierDueAt: '2026-12-08T10:00:00.000Z' } }),
    ReceptionReceive: () => ({ data: { receiveDossier: { __typename: 'DossierPayload', dossier: dossier({ status: 'RECEIVED', allowedActions: ['FORWARD'] }) } } }),
  });
  renderInApp(<ReceptionPage />, { link: api.link, route: '/dossiers/new', path: '/dossiers/new', session: sessionAs(['COUNTER_CLERK']) });
  return api;
}

describe('the reception', () => {
  it('takes the procedure by a few letters and Enter, fills the applicant from a scanned CCCD, shows the fees and sends the dossier on Enter', async () => {
    const api = renderReception();
    const user = userEvent.setup({ delay: null });
    const procedure = screen.getByTestId('reception-procedure');
    await waitFor(() => expect(procedure).toHaveFocus());
    await user.keyboard('khai');
    await screen.findByRole('option', { name: /Đăng ký khai sinh/ });
    await user.keyboard('{Enter}');
    // The applicant's name has the focus: the scanner's burst lands there and is read as the card.
    await waitFor(() => expect(screen.getByTestId('reception-full-name')).toHaveFocus());
    await user.keyboard(`${QR}{Enter}`);
    expect(screen.getByTestId('reception-full-name')).toHaveValue('Nguyễn Thị Hường');
    expect(screen.getByTestId('reception-national-id')).toHaveValue('042190012345');
    expect(screen.getByTestId('reception-address')).toHaveValue('Thôn Yên Thượng, xã Cẩm Xuyên, tỉnh Hà Tĩnh');
    expect(screen.getByTestId('reception-scanned')).toHaveTextContent('Nguyễn Thị Hường');
    // Required documents ticked (received and digitised), the optional one not.
    const list = screen.getByTestId('reception-components-list');
    expect(within(list).getAllByTestId('reception-component-received').map((c) => (c as HTMLInputElement).checked)).toEqual([true, true, false]);
    expect(within(list).getAllByTestId('reception-component-digitised').map((c) => (c as HTMLInputElement).checked)).toEqual([true, true, false]);
    expect(screen.getByTestId('reception-procedure-fee')).toHaveTextContent('50.000 đ');
    expect(screen.getByTestId('reception-postal-fee')).toHaveTextContent('0 đ');
    expect(screen.getByTestId('reception-processing-time')).toHaveTextContent('3 ngày làm việc');
    // The due moment before saving, as the server counts it for this procedure now.
    await waitFor(() => expect(screen.getByTestId('reception-due-at')).toHaveTextContent('08/12/2026 17:00'));
    expect(screen.getByTestId('reception-due-at').parentElement).toHaveTextContent('Hẹn trả08/12/2026 17:00');
    expect(api.calls.find((c) => c.operationName === 'ReceptionDueAt')?.variables).toEqual({ procedureId: 'proc-1' });

    await waitFor(() => expect(screen.getByTestId('reception-phone')).toHaveFocus());
    await user.keyboard('0912 345 678{Enter}');
    await screen.findByTestId('reception-done');
    expect(screen.getByTestId('reception-code')).toHaveTextContent('000.00.00.H27-261203-0001');
    expect(screen.getByTestId('reception-due')).toHaveTextContent('Hẹn trả kết quả: 08/12/2026');
    expect(api.calls.find((c) => c.operationName === 'ReceptionReceive')?.variables).toEqual({
      input: {
        procedureId: 'proc-1',
        deskId: null,
        channel: 'AT_DESK',
        postOfficeId: null,
        applicant: { fullName: 'Nguyễn Thị Hường', nationalId: '042190012345', phone: '0912 345 678', email: null, address: 'Thôn Yên Thượng, xã Cẩm Xuyên, tỉnh Hà Tĩnh' },
        components: [
          { name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0, digitised: true },
          { name: 'Giấy chứng sinh', originals: 1, copies: 0, digitised: true },
        ],
        resultDelivery: 'AT_DESK',
        deliveryAddress: null,
      },
    });
    // The scanner types a hundred keys into a whole form: slow in jsdom on this machine.
  }, 120_000);

  it('says what is wrong with a misread scan, in Vietnamese, and fills nothing', async () => {
    renderReception();
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByTestId('reception-scan'));
    await user.keyboard('042190012345|183456789|Nguyễn Thị Hường{Enter}');
    const scan = screen.getByTestId('reception-scan');
    await waitFor(() => expect(scan.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(scan.getAttribute('aria-describedby')!)?.textContent).toMatch(/7 phần/);
    expect(screen.getByTestId('reception-full-name')).toHaveValue('');
  });
});
