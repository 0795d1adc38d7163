import { describe, expect, it } from '@jest/globals';
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SessionStore } from '../auth/session';
import { fakeApi } from '../../test/fakeApi';
import { renderInApp } from '../../test/render';
import { ImportDialog, templateCsv } from './ImportDialog';

function provinceAdmin(): SessionStore {
  const store = new SessionStore();
  store.signedIn({
    token: 'access',
    expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
    refreshToken: 'refresh',
    user: { id: 'u1', username: 'hatinh.quantri', displayName: 'Quản trị Hà Tĩnh', roles: ['SYSTEM_ADMIN'], scope: { id: 'p-ht', code: '42', name: 'Tỉnh Hà Tĩnh', level: 'PROVINCE' } },
  });
  return store;
}

const report = (overrides: Record<string, unknown> = {}) => ({ __typename: 'ProcedureImportReport', applied: false, rows: 3, created: 1, updated: 1, unchanged: 0, rejected: [], ...overrides });
const problem = (row: number, column: string | null, reason: string) => ({ __typename: 'ImportProblem', row, column, reason });

const csv = (name = 'danh-muc.csv') => new File([templateCsv()], name, { type: 'text/csv' });

describe('Nhập danh mục thủ tục', () => {
  it('checks the file first (a dry run) and shows the refused rows as a table: dòng, cột, lý do; nothing to import', async () => {
    const api = fakeApi({
      ImportProcedures: () => ({
        data: {
          importProcedures: report({
            rejected: [problem(3, 'Thời hạn giải quyết', '"năm ngày" không phải thời hạn (ví dụ "5 ngày làm việc" hoặc "4 giờ làm việc", từ 1 đến 365).'), problem(4, null, 'Mã "1.001193" đã có ở dòng 2.')],
          }),
        },
      }),
    });
    renderInApp(<ImportDialog onClose={() => undefined} />, { link: api.link, session: provinceAdmin() });
    const user = userEvent.setup();
    fireEvent.change(screen.getByTestId('import-file'), { target: { files: [csv()] } });
    expect(screen.getByTestId('import-file-name')).toHaveTextContent('danh-muc.csv');
    await user.click(screen.getByTestId('import-check'));

    const table = await screen.findByTestId('import-rejected-table');
    const rows = within(table).getAllByRole('row').map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(rows[0]).toEqual(['Dòng', 'Cột', 'Lý do']);
    expect(rows[1]).toEqual(['3', 'Thời hạn giải quyết', '"năm ngày" không phải thời hạn (ví dụ "5 ngày làm việc" hoặc "4 giờ làm việc", từ 1 đến 365).']);
    expect(rows[2]).toEqual(['4', 'Cả dòng', 'Mã "1.001193" đã có ở dòng 2.']);
    expect(screen.getByTestId('import-rejected')).toHaveTextContent('2');
    expect(screen.getByTestId('import-report')).toHaveTextContent('2 dòng bị từ chối. Chưa nhập dòng nào');
    expect(screen.getByTestId('import-apply')).toBeDisabled();

    const call = api.calls[0];
    expect(call.variables).toMatchObject({ input: { format: 'CSV', dryRun: true } });
    const sent = Buffer.from((call.variables.input as { contentBase64: string }).contentBase64, 'base64').toString('utf8');
    expect(sent).toContain('Mã thủ tục,Tên thủ tục,Lĩnh vực');
  });

  it('after a clean check, "Nhập" applies it and reports what was written', async () => {
    const api = fakeApi({ ImportProcedures: ({ variables }) => ({ data: { importProcedures: report({ applied: !(variables.input as { dryRun: boolean }).dryRun }) } }) });
    renderInApp(<ImportDialog onClose={() => undefined} />, { link: api.link, session: provinceAdmin() });
    const user = userEvent.setup();
    fireEvent.change(screen.getByTestId('import-file'), { target: { files: [csv()] } });
    await user.click(screen.getByTestId('import-check'));
    await screen.findByText('Tệp hợp lệ. Bấm "Nhập" để ghi vào danh mục.');
    await user.click(screen.getByTestId('import-apply'));

    expect(await screen.findByTestId('import-applied')).toHaveTextContent('Đã nhập: 1 thêm mới, 1 cập nhật, 0 không đổi.');
    expect(api.calls.map((c) => (c.variables.input as { dryRun: boolean }).dryRun)).toEqual([true, false]);
  });

  it('refuses a file that is neither .csv nor .xlsx before sending it', async () => {
    const api = fakeApi({});
    renderInApp(<ImportDialog onClose={() => undefined} />, { link: api.link, session: provinceAdmin() });
    fireEvent.change(screen.getByTestId('import-file'), { target: { files: [csv('danh-muc.xls')] } });
    expect(screen.getByTestId('import-file-error')).toHaveTextContent('Chỉ nhận tệp .csv hoặc .xlsx.');
    expect(screen.getByTestId('import-check')).toBeDisabled();
    expect(api.calls).toHaveLength(0);
  });

  it('offers a sample whose headers the import recognises, in Vietnamese', () => {
    const [header] = templateCsv().replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toBe('Mã thủ tục,Tên thủ tục,Lĩnh vực,Cấp thực hiện,Mã cơ quan,"Phí, lệ phí",Cước bưu chính,Thời hạn giải quyết,Mức độ trực tuyến,BCCI,Thành phần hồ sơ,Căn cứ pháp lý');
  });
});
