import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from '../../i18n';
import { todayIso } from '../../dates';
import { apiError, badInput, fakeApi } from '../../test/fakeApi';
import { renderInApp } from '../../test/render';
import { HandoverEffectiveDialog, HandoverReverseDialog, HandoverSignDialog } from './HandoverStatusDialogs';
import { helperOf } from '../../test/help';

/** Types a whole value at once (as a paste would): the long forms stay fast under test. */
const fill = (input: HTMLElement, value: string) => fireEvent.change(input, { target: { value } });

const draft = { id: 'fh-1', version: 2, status: 'DRAFT' as const };
const signed = { id: 'ph-7', version: 5, status: 'SIGNED' as const, recordNumber: '12/BB-BĐHT', recordSignedOn: '2019-11-10', effectiveOn: '2019-11-18' };

describe('sign handover form', () => {
  it('puts errors of each signatory under the right field (signatories.1.position)', async () => {
    await i18n.changeLanguage('en');
    const api = fakeApi({
      HandoverSignFacility: (request) =>
        badInput(request.language, [
          { field: 'input.signatories.1.position', vi: 'Chức vụ không được để trống.', en: 'The position must not be empty.' },
          { field: 'input.recordNumber', vi: 'Số biên bản đã được dùng.', en: 'This record number is already used.' },
        ]),
    });
    renderInApp(
      <HandoverSignDialog
        kind="facility"
        handover={draft}
        defaultOrganisations={['UBND huyện Cẩm Xuyên', 'Bưu điện huyện Cẩm Xuyên']}
        onClose={() => undefined}
        onReload={() => undefined}
      />,
      { link: api.link },
    );
    const user = userEvent.setup({ delay: null });

    // Two signatory rows from the start (the handing and the receiving side), with their organisations suggested.
    expect(screen.getByTestId('signatories-0-organisation')).toHaveValue('UBND huyện Cẩm Xuyên');
    expect(screen.getByTestId('signatories-1-organisation')).toHaveValue('Bưu điện huyện Cẩm Xuyên');
    expect(screen.queryByTestId('signatories-0-remove')).not.toBeInTheDocument();
    fill(screen.getByTestId('sign-record-number'), '12/BB');
    fill(screen.getByTestId('signatories-0-fullName'), 'Phan Văn Dũng');
    fill(screen.getByTestId('signatories-0-position'), 'Phó Chủ tịch');
    fill(screen.getByTestId('signatories-1-fullName'), 'Võ Thị Em');
    fill(screen.getByTestId('signatories-1-position'), 'Giám đốc');
    await user.click(screen.getByTestId('sign-form-submit'));

    await waitFor(() => expect(helperOf(screen.getByTestId('signatories-1-position'))).toBe('The position must not be empty.'));
    expect(helperOf(screen.getByTestId('sign-record-number'))).toBe('This record number is already used.');
    expect(helperOf(screen.getByTestId('signatories-0-position'))).toBe('');
    expect(api.calls[0].variables).toEqual({
      input: {
        id: 'fh-1',
        version: 2,
        recordNumber: '12/BB',
        signedOn: todayIso(),
        signatories: [
          { fullName: 'Phan Văn Dũng', position: 'Phó Chủ tịch', organisation: 'UBND huyện Cẩm Xuyên' },
          { fullName: 'Võ Thị Em', position: 'Giám đốc', organisation: 'Bưu điện huyện Cẩm Xuyên' },
        ],
      },
    });
  });

  it('requires the record number and every signatory field before calling the API', async () => {
    const api = fakeApi({});
    renderInApp(<HandoverSignDialog kind="personnel" handover={draft} onClose={() => undefined} onReload={() => undefined} />, { link: api.link });
    const user = userEvent.setup({ delay: null });

    await user.click(screen.getByTestId('signatories-add'));
    await user.click(screen.getByTestId('sign-form-submit'));

    expect(helperOf(screen.getByTestId('sign-record-number'))).toBe('Vui lòng nhập thông tin này.');
    for (const row of [0, 1, 2]) {
      for (const key of ['fullName', 'position', 'organisation'])
        expect(helperOf(screen.getByTestId(`signatories-${row}-${key}`))).toBe('Vui lòng nhập thông tin này.');
    }
    expect(api.calls).toHaveLength(0);
  });

  it('shows the ILLEGAL_TRANSITION message of a personnel record without postal staff', async () => {
    const api = fakeApi({
      HandoverSignPersonnel: () =>
        apiError('ILLEGAL_TRANSITION', 'Biên bản cần ít nhất một nhân viên bưu điện tiếp nhận nhiệm vụ.', {
          from: 'DRAFT',
          to: 'SIGNED',
          allowed: ['SIGNED', 'REVERSED'],
        }),
    });
    renderInApp(<HandoverSignDialog kind="personnel" handover={draft} onClose={() => undefined} onReload={() => undefined} />, { link: api.link });
    const user = userEvent.setup({ delay: null });
    fill(screen.getByTestId('sign-record-number'), '1/BB');
    for (const row of [0, 1]) {
      fill(screen.getByTestId(`signatories-${row}-fullName`), 'A');
      fill(screen.getByTestId(`signatories-${row}-position`), 'B');
      fill(screen.getByTestId(`signatories-${row}-organisation`), 'C');
    }
    await user.click(screen.getByTestId('sign-form-submit'));

    expect(await screen.findByTestId('problem-alert')).toHaveTextContent('Biên bản cần ít nhất một nhân viên bưu điện tiếp nhận nhiệm vụ.');
  });
});

describe('make effective form', () => {
  it('defaults to the planned date when it has come, and sends the version', async () => {
    const api = fakeApi({
      HandoverEffectivePersonnel: (request) =>
        badInput(request.language, [{ field: 'input.effectiveOn', vi: 'Ngày hiệu lực phải từ ngày ký.', en: 'Too early.' }]),
    });
    renderInApp(<HandoverEffectiveDialog kind="personnel" handover={signed} onClose={() => undefined} onReload={() => undefined} />, { link: api.link });

    await userEvent.setup({ delay: null }).click(screen.getByTestId('effective-form-submit'));

    expect(await screen.findByText('Ngày hiệu lực phải từ ngày ký.')).toBeInTheDocument();
    expect(api.calls[0].variables).toEqual({ input: { id: 'ph-7', version: 5, effectiveOn: '2019-11-18' } });
  });
});

describe('reverse handover form', () => {
  it('needs a reason and the confirmation, then sends them with the version', async () => {
    const api = fakeApi({ HandoverReversePersonnel: () => apiError('CONFLICT', 'Đã thay đổi.') });
    const onReload = jest.fn();
    renderInApp(<HandoverReverseDialog kind="personnel" handover={signed} onClose={() => undefined} onReload={onReload} />, { link: api.link });
    const user = userEvent.setup({ delay: null });

    await user.click(screen.getByTestId('reverse-form-submit'));
    expect(helperOf(screen.getByTestId('reverse-reason'))).toBe('Vui lòng nhập thông tin này.');
    expect(screen.getByTestId('reverse-form')).toHaveTextContent('Vui lòng đánh dấu ô xác nhận.');
    expect(api.calls).toHaveLength(0);

    fill(screen.getByTestId('reverse-reason'), 'Ký nhầm đơn vị');
    await user.click(screen.getByTestId('reverse-confirm'));
    await user.click(screen.getByTestId('reverse-form-submit'));

    expect(await screen.findByTestId('conflict-alert')).toBeInTheDocument();
    expect(api.calls[0].variables).toEqual({ input: { id: 'ph-7', version: 5, reason: 'Ký nhầm đơn vị' } });
  });
});
