import { describe, expect, it } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SessionStore } from '../auth/session';
import { canManageProcedureFields } from '../auth/permissions';
import { apiError, fakeApi } from '../../test/fakeApi';
import { helperOf } from '../../test/help';
import { renderInApp } from '../../test/render';
import { ProcedureFieldsPage } from './ProcedureFieldsPage';

/** A session of the national administrator (admin: no scope unit). */
function nationalAdmin(): SessionStore {
  const store = new SessionStore();
  store.signedIn({
    token: 'access',
    expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
    refreshToken: 'refresh-token-1',
    user: { id: 'u-admin', username: 'admin', displayName: 'Quản trị hệ thống', roles: ['SYSTEM_ADMIN'], scope: null },
  });
  return store;
}

const field = (code: string, name: string, retiredOn: string | null = null) => ({ __typename: 'ProcedureField', id: `f-${code}`, code, name, retiredOn });
const FIELDS = [field('DAT_DAI', 'Đất đai'), field('HO_TICH', 'Hộ tịch'), field('TU_PHAP', 'Tư pháp')];

describe('Lĩnh vực thủ tục', () => {
  it('lists the fields by their Vietnamese names, with their status', async () => {
    const api = fakeApi({ ProcedureFieldsAdmin: () => ({ data: { procedureFields: FIELDS } }) });
    renderInApp(<ProcedureFieldsPage />, { link: api.link, session: nationalAdmin() });
    const row = await screen.findByTestId('procedure-field-HO_TICH');
    expect(row).toHaveTextContent('Hộ tịch');
    expect(row).toHaveTextContent('Đang dùng');
    expect(screen.getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell')[0].textContent)).toEqual(['Đất đai', 'Hộ tịch', 'Tư pháp']);
    expect(api.calls.find((c) => c.operationName === 'ProcedureFieldsAdmin')?.variables).toEqual({ includeRetired: false });
  });

  it('creates a field with the code and the name typed, and shows the API’s CONFLICT under the code', async () => {
    const api = fakeApi({
      ProcedureFieldsAdmin: () => ({ data: { procedureFields: FIELDS } }),
      CreateProcedureField: () =>
        apiError('CONFLICT', 'Mã lĩnh vực "HO_TICH" đã có.', { fields: [{ field: 'code', message: 'Đã được dùng.' }] }),
    });
    renderInApp(<ProcedureFieldsPage />, { link: api.link, session: nationalAdmin() });
    const user = userEvent.setup();
    await screen.findByTestId('procedure-field-HO_TICH');
    await user.click(screen.getByTestId('procedure-field-create'));
    await user.type(screen.getByTestId('procedure-field-code'), 'ho_tich');
    await user.type(screen.getByTestId('procedure-field-name'), '  Hộ tịch mới ');
    await user.click(screen.getByTestId('procedure-field-form-submit'));

    await waitFor(() => expect(helperOf(screen.getByTestId('procedure-field-code'))).toBe('Đã được dùng.'));
    expect(screen.getByTestId('procedure-field-code')).toHaveAttribute('aria-invalid', 'true');
    expect(api.calls.find((c) => c.operationName === 'CreateProcedureField')?.variables).toEqual({ input: { code: 'HO_TICH', name: 'Hộ tịch mới' } });
  });

  it('is offered to national administrators only', () => {
    expect(canManageProcedureFields(['SYSTEM_ADMIN'], true)).toBe(true);
    expect(canManageProcedureFields(['SYSTEM_ADMIN'], false)).toBe(false);
    expect(canManageProcedureFields(['STEERING_COMMITTEE'], true)).toBe(false);
  });
});
