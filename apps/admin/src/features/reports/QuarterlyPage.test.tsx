import { describe, expect, it, jest } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi, type FakeRequest } from '../../test/fakeApi';
import { catchDownloads } from '../../test/downloads';
import { renderInApp } from '../../test/render';
import { todayIso } from '../../dates';
import { sessionAs } from '../dossiers/testData';
import { QuarterlyPage, hasBegun, lastEndedQuarter } from './QuarterlyPage';

const FILES = {
  XLSX: { fileName: 'bao-cao-quy-3-2026-ha-tinh.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  PDF: { fileName: 'bao-cao-quy-3-2026-ha-tinh.pdf', contentType: 'application/pdf' },
};

function quarterlyApi() {
  return fakeApi({
    QuarterlyReport: ({ variables }: FakeRequest) => {
      const { format } = (variables as { input: { format: 'XLSX' | 'PDF' } }).input;
      return { data: { quarterlyReport: { __typename: 'ExportedFile', ...FILES[format], contentBase64: btoa(format === 'PDF' ? '%PDF-1.3' : 'PK'), rowCount: 3 } } };
    },
  });
}

describe('the quarterly report page', () => {
  it('the quarter a report is filed for is the last one ended; a period to come has not begun', () => {
    expect(lastEndedQuarter('2026-12-05')).toEqual({ year: 2026, quarter: 3 });
    expect(lastEndedQuarter('2026-02-10')).toEqual({ year: 2025, quarter: 4 });
    expect(hasBegun(2026, 4, '2026-12-05')).toBe(true);
    expect(hasBegun(2027, 1, '2026-12-05')).toBe(false);
    expect(hasBegun(2026, 0, '2026-12-05')).toBe(true);
  });

  it('downloads the report of the reader’s province for the last quarter ended, as Excel and as PDF; a whole year on request', async () => {
    const api = quarterlyApi();
    const downloads = catchDownloads();
    try {
      renderInApp(<QuarterlyPage />, { link: api.link, route: '/reports/quarterly', path: '/reports/quarterly', session: sessionAs(['STEERING_COMMITTEE']) });
      const last = lastEndedQuarter(todayIso());
      expect(screen.getByTestId('quarterly-unit')).toHaveValue('Tỉnh Hà Tĩnh');
      expect(screen.getByTestId('quarterly-title')).toHaveTextContent(`Báo cáo kết quả tiếp nhận hồ sơ và trả kết quả qua dịch vụ bưu chính công ích, Quý ${last.quarter} năm ${last.year}`);
      const user = userEvent.setup();
      await user.click(screen.getByTestId('quarterly-xlsx'));
      expect(await screen.findByTestId('quarterly-xlsx-note')).toHaveTextContent(`Đã tải về tệp ${FILES.XLSX.fileName}.`);
      await user.click(screen.getByTestId('quarterly-pdf'));
      await waitFor(() => expect(downloads.saved.map((f) => [f.fileName, f.type])).toEqual([
        [FILES.XLSX.fileName, FILES.XLSX.contentType],
        [FILES.PDF.fileName, FILES.PDF.contentType],
      ]));
      await user.click(screen.getByRole('combobox', { name: 'Kỳ báo cáo' }));
      await user.click(await screen.findByRole('option', { name: 'Cả năm' }));
      expect(screen.getByTestId('quarterly-title')).toHaveTextContent(`, năm ${last.year}`);
      await user.click(screen.getByTestId('quarterly-pdf'));
      await waitFor(() => expect(api.calls.filter((c) => c.operationName === 'QuarterlyReport')).toHaveLength(3));
      expect(api.calls.filter((c) => c.operationName === 'QuarterlyReport').map((c) => c.variables.input)).toEqual([
        { unit: '42', year: last.year, quarter: last.quarter, format: 'XLSX' },
        { unit: '42', year: last.year, quarter: last.quarter, format: 'PDF' },
        { unit: '42', year: last.year, quarter: null, format: 'PDF' },
      ]);
    } finally {
      downloads.restore();
    }
  }, 60_000);

  it('a quarter that has not begun cannot be downloaded, and says why (on 10/05/2026)', async () => {
    // Only the date is faked: timers run as they do.
    jest.useFakeTimers({ now: new Date('2026-05-10T03:00:00Z'), doNotFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate', 'queueMicrotask', 'nextTick', 'hrtime', 'performance', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback', 'cancelIdleCallback'] });
    try {
      const api = quarterlyApi();
      renderInApp(<QuarterlyPage />, { link: api.link, route: '/reports/quarterly', path: '/reports/quarterly', session: sessionAs(['SYSTEM_ADMIN']) });
      expect(screen.getByTestId('quarterly-title')).toHaveTextContent('Quý 1 năm 2026');
      expect(screen.queryByTestId('quarterly-not-begun')).not.toBeInTheDocument();
      const user = userEvent.setup();
      await user.click(screen.getByRole('combobox', { name: 'Kỳ báo cáo' }));
      await user.click(await screen.findByRole('option', { name: 'Quý 3' }));
      expect(screen.getByTestId('quarterly-not-begun')).toHaveTextContent('Quý 3 năm 2026 chưa bắt đầu: chưa có số liệu để báo cáo.');
      expect(screen.getByTestId('quarterly-xlsx')).toBeDisabled();
      expect(screen.getByTestId('quarterly-pdf')).toBeDisabled();
      await user.click(screen.getByRole('combobox', { name: 'Năm' }));
      await user.click(await screen.findByRole('option', { name: '2025' }));
      expect(screen.queryByTestId('quarterly-not-begun')).not.toBeInTheDocument();
      expect(screen.getByTestId('quarterly-pdf')).toBeEnabled();
    } finally {
      jest.useRealTimers();
    }
  }, 60_000);
});
