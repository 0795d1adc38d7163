import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi } from '../../test/fakeApi';
import { renderInApp } from '../../test/render';
import { catchDownloads } from '../../test/downloads';
import { sessionAs } from '../dossiers/testData';
import { IMPORT_PATH, ImportsPage } from './ImportsPage';

const job = (over: Record<string, unknown> = {}) => ({
  __typename: 'ImportJob',
  id: 'job-1',
  kind: 'DOSSIERS',
  status: 'RUNNING',
  fileName: 'ho-so-quy-3.csv',
  format: 'CSV',
  totalRows: 2000,
  processedRows: 500,
  acceptedRows: 490,
  rejectedRows: 10,
  skippedRows: 0,
  progress: 0.25,
  error: null,
  createdByLabel: 'Ban Chỉ đạo tỉnh Hà Tĩnh',
  createdAt: '2026-12-05T02:30:00.000Z',
  finishedAt: null,
  ...over,
});

/** What fetch answers (jsdom has no Response): the status and the JSON body. */
const answer = (status: number, body: unknown) => ({ ok: status < 400, status, json: async () => body }) as unknown as Response;

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

describe('Nhập dữ liệu', () => {
  it('uploads the chosen file with the session’s token, follows the job’s progress each second until it is done, lists the imports and downloads the rejected rows', async () => {
    let polled = 0;
    const states = [job(), job({ processedRows: 1500, acceptedRows: 1480, rejectedRows: 20, progress: 0.75 }), job({ status: 'SUCCEEDED', processedRows: 2000, acceptedRows: 1975, rejectedRows: 25, progress: 1, finishedAt: '2026-12-05T02:31:00.000Z' })];
    const api = fakeApi({
      ImportJobs: () => ({ data: { importJobs: { __typename: 'ImportJobConnection', totalCount: 1, edges: [{ __typename: 'ImportJobEdge', node: states[Math.min(polled, 2)] }], pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null } } } }),
      ImportJob: () => {
        const state = states[Math.min(polled, 2)];
        polled += 1;
        return { data: { importJob: { ...state, rejections: [{ __typename: 'ImportRejection', rowNo: 12, column: 'Mã thủ tục', reason: 'Mã thủ tục không có trong danh mục thủ tục của tỉnh.' }] } } };
      },
      ImportRejectedRows: () => ({ data: { importJob: { __typename: 'ImportJob', id: 'job-1', rejectedRowsFile: { __typename: 'ExportedFile', fileName: 'dong-bi-tu-choi-ho-so-quy-3.xlsx', contentType: 'application/xlsx', contentBase64: btoa('xlsx'), rowCount: 25 } } } }),
    });
    const uploads: Array<{ url: string; init: RequestInit }> = [];
    globalThis.fetch = jest.fn(async (url: string | URL | Request, init?: RequestInit) => {
      uploads.push({ url: String(url), init: init! });
      return answer(202, { duplicate: false, job: { id: 'job-1' } });
    }) as typeof fetch;
    const user = userEvent.setup();
    renderInApp(<ImportsPage />, { link: api.link, route: '/reports/imports', path: '/reports/imports', session: sessionAs(['STEERING_COMMITTEE']) });

    expect(await screen.findByText('Nhập dữ liệu từ hệ thống một cửa khác')).toBeInTheDocument();
    expect(screen.getByTestId('import-upload')).toBeDisabled();
    const file = new File(['Mã hồ sơ;Mã thủ tục\n'], 'ho-so-quy-3.csv', { type: 'text/csv' });
    await user.upload(screen.getByTestId('import-file'), file);
    expect(screen.getByTestId('import-file-name')).toHaveTextContent('ho-so-quy-3.csv');
    await user.click(screen.getByTestId('import-upload'));

    await waitFor(() => expect(uploads).toHaveLength(1));
    expect(uploads[0].url).toBe(`${IMPORT_PATH}?kind=DOSSIERS&name=ho-so-quy-3.csv`);
    expect(uploads[0].init.method).toBe('POST');
    expect(uploads[0].init.headers).toMatchObject({ authorization: 'Bearer access', 'content-type': 'application/octet-stream' });
    expect(uploads[0].init.body).toBe(file);

    // The bar moves as the job commits its batches, then the download of the refused rows appears.
    await waitFor(() => expect(screen.getByTestId('import-processed')).toHaveTextContent('Đã xử lý 500 / 2.000 dòng (25 %)'));
    expect(screen.getByTestId('import-progress')).toHaveAttribute('aria-valuenow', '25');
    expect(screen.getByTestId('import-status')).toHaveTextContent('Đang nhập');
    await waitFor(() => expect(screen.getByTestId('import-processed')).toHaveTextContent('Đã xử lý 1.500 / 2.000 dòng (75 %)'), { timeout: 3000 });
    await waitFor(() => expect(screen.getByTestId('import-status')).toHaveTextContent('Đã xong'), { timeout: 3000 });
    expect(screen.getByTestId('import-accepted')).toHaveTextContent('Đã nhập: 1.975');
    expect(screen.getByTestId('import-rejected')).toHaveTextContent('Bị từ chối: 25');
    expect(screen.getByTestId('import-rejections')).toHaveTextContent('Dòng 12, cột Mã thủ tục: Mã thủ tục không có trong danh mục thủ tục của tỉnh.');
    const pollsWhenDone = polled;
    await act(() => new Promise((r) => setTimeout(r, 1500)));
    expect(polled).toBe(pollsWhenDone); // polling stops once done

    const row = (await screen.findAllByTestId('import-job-row'))[0];
    await waitFor(() => expect(row).toHaveTextContent('Đã xong'));
    expect(row).toHaveTextContent('ho-so-quy-3.csv');
    expect(row).toHaveTextContent('Hồ sơ');
    expect(row).toHaveTextContent('Ban Chỉ đạo tỉnh Hà Tĩnh');
    expect(row).toHaveTextContent('05/12/2026 09:30');

    const downloads = catchDownloads();
    try {
      await user.click(screen.getByTestId('import-download-rejected'));
      await waitFor(() => expect(downloads.saved.map((f) => f.fileName)).toEqual(['dong-bi-tu-choi-ho-so-quy-3.xlsx']));
    } finally {
      downloads.restore();
    }
    expect(within(document.body).queryByText(/importJob|DOSSIERS|SUCCEEDED/)).not.toBeInTheDocument();
  }, 60_000);

  it('shows the API’s reasons when the file is refused, and says when the same file was imported before', async () => {
    const api = fakeApi({
      ImportJobs: () => ({ data: { importJobs: { __typename: 'ImportJobConnection', totalCount: 0, edges: [], pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null } } } }),
      ImportJob: () => ({ data: { importJob: { ...job({ status: 'SUCCEEDED', progress: 1, processedRows: 2000, rejectedRows: 0 }), rejections: [] } } }),
    });
    const answers = [
      answer(400, { errors: [{ message: 'Dữ liệu nhập không hợp lệ.', extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'file', message: 'Tệp thiếu cột bắt buộc: Mã thủ tục.' }] } }] }),
      answer(200, { duplicate: true, job: { id: 'job-1' } }),
    ];
    globalThis.fetch = jest.fn(async () => answers.shift()!) as typeof fetch;
    const user = userEvent.setup();
    renderInApp(<ImportsPage />, { link: api.link, route: '/reports/imports', path: '/reports/imports', session: sessionAs(['SYSTEM_ADMIN']) });
    expect(await screen.findByText('Chưa có lần nhập dữ liệu nào.')).toBeInTheDocument();
    await user.upload(screen.getByTestId('import-file'), new File(['x'], 'thieu-cot.csv'));
    await user.click(screen.getByTestId('import-upload'));
    expect(await screen.findByTestId('import-problem')).toHaveTextContent('Tệp thiếu cột bắt buộc: Mã thủ tục.');
    await user.upload(screen.getByTestId('import-file'), new File(['x'], 'lan-hai.csv'));
    await user.click(screen.getByTestId('import-upload'));
    expect(await screen.findByTestId('import-notice')).toHaveTextContent('Tệp này đã được tải lên trước đây');
    expect(await screen.findByTestId('import-status')).toHaveTextContent('Đã xong');
  }, 60_000);
});
