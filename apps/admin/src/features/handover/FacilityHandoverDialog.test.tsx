import { describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { badInput, fakeApi } from '../../test/fakeApi';
import { renderInApp } from '../../test/render';
import { FacilityHandoverDialog } from './FacilityHandoverDialog';
import { helperOf } from '../../test/help';

/** Types a whole value at once (as a paste would): the long forms stay fast under test. */
const fill = (input: HTMLElement, value: string) => fireEvent.change(input, { target: { value } });

type User = ReturnType<typeof userEvent.setup>;

async function addLine(user: User, index: number, line: { type: string; quantity: string; value: string; fundedBy: string }) {
  await user.click(screen.getByTestId('equipment-add'));
  fill(screen.getByTestId(`equipment-${index}-type`), line.type);
  fill(screen.getByTestId(`equipment-${index}-quantity`), line.quantity);
  fill(screen.getByTestId(`equipment-${index}-value`), line.value);
  fill(screen.getByTestId(`equipment-${index}-fundedBy`), line.fundedBy);
}

describe('facility handover form', () => {
  it('puts the API’s errors under the equipment line they name (equipment.2.value) and the premises fields', async () => {
    const api = fakeApi({
      HandoverCreateFacility: (request) =>
        badInput(request.language, [
          { field: 'input.equipment.2.value', vi: 'Giá trị quá lớn.', en: 'Is too large.' },
          { field: 'input.premisesAfter.address', vi: 'Quá dài.', en: 'Too long.' },
        ]),
    });
    renderInApp(
      <FacilityHandoverDialog
        siteId="site-kb"
        defaults={{ before: { address: 'UBND xã Kỳ Bắc', owner: 'UBND xã Kỳ Bắc' }, after: { address: 'BĐVHX Kỳ Bắc', owner: 'Bưu điện huyện Kỳ Anh' } }}
        onClose={() => undefined}
        onReload={() => undefined}
      />,
      { link: api.link },
    );
    const user = userEvent.setup({ delay: null });

    await addLine(user, 0, { type: 'Máy tính', quantity: '2', value: '30000000', fundedBy: 'Bưu điện tỉnh' });
    await addLine(user, 1, { type: 'Máy quét', quantity: '1', value: '8000000', fundedBy: 'Ngân sách tỉnh' });
    await addLine(user, 2, { type: 'Hệ thống xếp hàng', quantity: '1', value: '99999999999999', fundedBy: 'Bưu điện tỉnh' });
    fill(screen.getByTestId('facility-construction-cost'), '1.500.000');
    // Digits only; the live total counts construction and every line.
    expect(screen.getByTestId('facility-construction-cost')).toHaveValue('1500000');
    await user.click(screen.getByTestId('facility-form-submit'));

    await waitFor(() => expect(helperOf(screen.getByTestId('equipment-2-value'))).toBe('Giá trị quá lớn.'));
    expect(helperOf(screen.getByTestId('premisesAfter-address'))).toBe('Quá dài.');
    expect(helperOf(screen.getByTestId('equipment-0-value'))).not.toBe('Giá trị quá lớn.');
    expect(screen.getByTestId('equipment-2-value')).toHaveAttribute('aria-invalid', 'true');
    expect(api.calls[0].variables).toEqual({
      input: {
        siteId: 'site-kb',
        premisesBefore: { address: 'UBND xã Kỳ Bắc', owner: 'UBND xã Kỳ Bắc' },
        premisesAfter: { address: 'BĐVHX Kỳ Bắc', owner: 'Bưu điện huyện Kỳ Anh' },
        equipment: [
          { type: 'Máy tính', quantity: 2, value: 30000000, fundedBy: 'Bưu điện tỉnh' },
          { type: 'Máy quét', quantity: 1, value: 8000000, fundedBy: 'Ngân sách tỉnh' },
          { type: 'Hệ thống xếp hàng', quantity: 1, value: 99999999999999, fundedBy: 'Bưu điện tỉnh' },
        ],
        constructionCost: 1500000,
        relocationOn: null,
        conditionNotes: null,
        effectiveOn: null,
        note: null,
      },
    });
  });

  it('shows the investment total as it is typed', async () => {
    renderInApp(<FacilityHandoverDialog siteId="site-kb" onClose={() => undefined} onReload={() => undefined} />, { link: fakeApi({}).link });
    const user = userEvent.setup({ delay: null });

    await addLine(user, 0, { type: 'Máy tính', quantity: '2', value: '30000000', fundedBy: 'Bưu điện tỉnh' });
    fill(screen.getByTestId('facility-construction-cost'), '1500000');

    expect(screen.getByTestId('facility-investment-total').textContent?.replace(/\s/g, ' ')).toContain('31.500.000');
  });

  it('checks premises halves and equipment lines itself', async () => {
    const api = fakeApi({});
    renderInApp(<FacilityHandoverDialog siteId="site-kb" onClose={() => undefined} onReload={() => undefined} />, { link: api.link });
    const user = userEvent.setup({ delay: null });

    fill(screen.getByTestId('premisesAfter-address'), 'BĐVHX Kỳ Bắc');
    await user.click(screen.getByTestId('equipment-add'));
    fill(screen.getByTestId('equipment-0-type'), 'Máy tính');
    fill(screen.getByTestId('equipment-0-quantity'), '0');
    await user.click(screen.getByTestId('facility-form-submit'));

    expect(helperOf(screen.getByTestId('premisesAfter-owner'))).toBe('Nhập cả địa chỉ và đơn vị quản lý, hoặc để trống cả hai.');
    expect(helperOf(screen.getByTestId('premisesBefore-owner'))).toBe('');
    expect(helperOf(screen.getByTestId('equipment-0-quantity'))).toBe('Số lượng phải từ 1 trở lên.');
    expect(helperOf(screen.getByTestId('equipment-0-value'))).toBe('Vui lòng nhập thông tin này.');
    expect(helperOf(screen.getByTestId('equipment-0-fundedBy'))).toBe('Vui lòng nhập thông tin này.');
    expect(api.calls).toHaveLength(0);
  });
});
