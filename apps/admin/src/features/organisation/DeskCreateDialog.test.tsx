import { describe, expect, it, jest } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from '../../i18n';
import { apiError, badInput, fakeApi } from '../../test/fakeApi';
import { renderInApp } from '../../test/render';
import { DeskCreateDialog } from './DeskCreateDialog';
import { helperOf } from '../../test/help';

const kyBac = {
  __typename: 'Agency',
  id: 'a-kybac',
  code: '42-UBND-18760',
  name: 'Ủy ban nhân dân xã Kỳ Bắc',
  administrativeUnit: { __typename: 'AdministrativeUnit', id: 'u-18760', code: '18760', name: 'Xã Kỳ Bắc' },
};

const agencyOptions = () => ({
  data: { agencies: { __typename: 'AgencyConnection', edges: [{ __typename: 'AgencyEdge', node: kyBac }] } },
});

async function fillAndSubmit() {
  const user = userEvent.setup();
  await user.click(screen.getByTestId('desk-agency'));
  await user.type(screen.getByTestId('desk-agency'), 'ky bac');
  await user.click(await screen.findByRole('option', { name: /Kỳ Bắc/ }));
  await user.type(screen.getByTestId('desk-code'), '42-UBND-18760-MC');
  await user.type(screen.getByTestId('desk-name'), 'Bộ phận Tiếp nhận và Trả kết quả xã Kỳ Bắc');
  await user.click(screen.getByTestId('desk-form-submit'));
}

describe('new desk form', () => {
  it('shows the API’s CONFLICT field error under the code field, in the current language', async () => {
    await i18n.changeLanguage('en');
    const api = fakeApi({
      AgencyOptions: agencyOptions,
      CreateDesk: (request) =>
        apiError('CONFLICT', request.language === 'en' ? 'A desk with this code exists.' : 'Đã có bộ phận với mã này.', {
          fields: [{ field: 'code', message: request.language === 'en' ? 'This code is already used.' : 'Mã đã được dùng.' }],
        }),
    });
    renderInApp(<DeskCreateDialog onClose={() => undefined} onCreated={() => undefined} />, { link: api.link });

    await fillAndSubmit();

    expect(await screen.findByText('This code is already used.')).toBeInTheDocument();
    expect(helperOf(screen.getByTestId('desk-code'))).toBe('This code is already used.');
    expect(helperOf(screen.getByTestId('desk-name'))).toBe('');
    expect(screen.getByTestId('problem-alert')).toHaveTextContent('Please check the highlighted fields.');
    const create = api.calls.find((c) => c.operationName === 'CreateDesk');
    expect(create?.variables).toEqual({
      input: { agencyId: 'a-kybac', code: '42-UBND-18760-MC', name: 'Bộ phận Tiếp nhận và Trả kết quả xã Kỳ Bắc', address: null, administrativeUnitCode: null },
    });
    // The picker asked the API with the text as typed (the API ignores diacritics).
    expect(api.calls.filter((c) => c.operationName === 'AgencyOptions').map((c) => c.variables.search)).toContain('ky bac');
  });

  it('puts each BAD_USER_INPUT field error under its own field', async () => {
    const api = fakeApi({
      AgencyOptions: agencyOptions,
      CreateDesk: (request) =>
        badInput(request.language, [
          { field: 'code', vi: 'Sai định dạng.', en: 'Has the wrong format.' },
          { field: 'agencyId', vi: 'Cơ quan đã ngừng hoạt động.', en: 'The agency is retired.' },
        ]),
    });
    renderInApp(<DeskCreateDialog onClose={() => undefined} onCreated={() => undefined} />, { link: api.link });

    await fillAndSubmit();

    await waitFor(() => expect(helperOf(screen.getByTestId('desk-code'))).toBe('Sai định dạng.'));
    expect(helperOf(screen.getByTestId('desk-agency'))).toBe('Cơ quan đã ngừng hoạt động.');
    expect(screen.getByTestId('problem-alert')).toHaveTextContent('Vui lòng kiểm tra lại các trường được đánh dấu.');
  });

  it('opens the new desk once created', async () => {
    const onCreated = jest.fn();
    const api = fakeApi({
      AgencyOptions: agencyOptions,
      CreateDesk: () => ({
        data: {
          createOneStopDesk: {
            __typename: 'OneStopDeskPayload',
            oneStopDesk: {
              __typename: 'OneStopDesk',
              id: 'new-desk',
              code: '42-UBND-18760-MC',
              name: 'Bộ phận Tiếp nhận và Trả kết quả xã Kỳ Bắc',
              level: 'COMMUNE',
              retiredOn: null,
              address: null,
              createdAt: '2026-01-01T00:00:00Z',
              updatedAt: '2026-01-01T00:00:00Z',
              agency: { ...kyBac, kind: 'COMMUNE_PEOPLES_COMMITTEE' },
              administrativeUnit: kyBac.administrativeUnit,
              province: { __typename: 'AdministrativeUnit', id: 'p-42', code: '42', name: 'Tỉnh Hà Tĩnh' },
            },
          },
        },
      }),
    });
    renderInApp(<DeskCreateDialog onClose={() => undefined} onCreated={onCreated} />, { link: api.link });

    await fillAndSubmit();

    await waitFor(() => expect(onCreated).toHaveBeenCalledWith('new-desk'));
  });
});
