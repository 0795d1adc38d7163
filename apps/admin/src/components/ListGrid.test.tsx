import { describe, expect, it } from '@jest/globals';
import { render, screen, within } from '@testing-library/react';
import { ThemeProvider } from '@mui/material/styles';
import type { GridColDef } from '@mui/x-data-grid';
import { createAppTheme } from '../theme';
import { ListGrid } from './ListGrid';

interface Row {
  id: string;
  name: string;
  code: string;
  unit: string;
}

const LONG = 'Bộ phận Tiếp nhận và Trả kết quả huyện Cẩm Xuyên';
const rows: Row[] = [
  { id: '1', name: LONG, code: '42-UBND-CX-MC', unit: 'Huyện Cẩm Xuyên' },
  { id: '2', name: 'Bộ phận Tiếp nhận và Trả kết quả huyện Kỳ Anh', code: '42-UBND-KA-MC', unit: 'Huyện Kỳ Anh' },
];
const columns: GridColDef<Row>[] = [
  { field: 'name', headerName: 'Tên', flex: 2, minWidth: 220 },
  { field: 'code', headerName: 'Mã', minWidth: 150 },
  { field: 'unit', headerName: 'Đơn vị hành chính', minWidth: 140 },
];

function Grid() {
  return (
    <ThemeProvider theme={createAppTheme('vi')}>
      <div style={{ width: 390 }}>
        <ListGrid<Row>
          label="Bộ phận Một cửa"
          testId="grid"
          rows={rows}
          columns={columns}
          rowCount={2}
          loading={false}
          problem={null}
          pagination={{ page: 0, pageSize: 25 }}
          onPaginationModelChange={() => undefined}
        />
      </div>
    </ThemeProvider>
  );
}

describe('a list’s grid', () => {
  it('wraps a long desk name onto more lines instead of cutting it with an ellipsis', async () => {
    render(<Grid />);
    const cell = await screen.findByRole('gridcell', { name: LONG });
    // The whole name is in the cell, its distinguishing end included.
    expect(cell).toHaveTextContent(/huyện Cẩm Xuyên$/);
    const style = getComputedStyle(cell);
    expect(style.whiteSpace).toBe('normal');
    expect(style.textOverflow).not.toBe('ellipsis');
    // Rows grow with their text (no fixed row height that would clip a second line).
    const row = cell.closest('[role="row"]') as HTMLElement;
    expect(row.style.maxHeight).toBe('none');
    expect(row.style.minHeight).toBe('auto');
  });

  it('keeps every column, also on a phone (the grid scrolls sideways)', async () => {
    render(<Grid />);
    const grid = within(screen.getByTestId('grid'));
    for (const name of ['Tên', 'Mã', 'Đơn vị hành chính']) expect(await grid.findByRole('columnheader', { name })).toBeInTheDocument();
    expect(await grid.findByRole('gridcell', { name: 'Huyện Cẩm Xuyên' })).toBeInTheDocument();
    // Nothing else shows that a grid scrolls sideways: a line above it says so (on narrow screens only).
    expect(screen.getByText('Vuốt ngang bảng để xem các cột khác.')).toHaveClass('ListGrid-scrollHint');
  });
});
