import { describe, expect, it } from '@jest/globals';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from '../../i18n';
import type { AuditEntryRowFragment } from '../../graphql/generated';
import { fakeApi } from '../../test/fakeApi';
import { renderInApp } from '../../test/render';
import { AuditEntryDrawer } from './AuditEntryDrawer';
import { diffSnapshots } from './auditDiff';

const deskId = '4b75d0d7-dc17-4834-a105-0e841b1929c0';
const before = {
  id: deskId,
  code: '42-SCT-MC',
  name: 'Bộ phận Một cửa Sở Công Thương',
  address: null,
  retiredOn: null,
  updatedAt: '2026-01-05T02:00:00.000Z',
};
const rename: AuditEntryRowFragment = {
  id: 'e1',
  occurredAt: '2026-01-06T03:04:00.000Z',
  action: 'oneStopDesk.rename',
  entityType: 'OneStopDesk',
  entityId: deskId,
  actorId: 'u-bcd',
  actorKind: 'USER',
  actorLabel: 'hatinh.bcd',
  references: [],
  before,
  after: { ...before, name: 'Bộ phận Một cửa Sở Công Thương tỉnh Hà Tĩnh', updatedAt: '2026-01-06T03:04:00.000Z' },
  requestId: 'af5c992d-cfde-47e7-b10e-572061e39835',
  ip: '127.0.0.1',
};

const rowOf = (field: string) => screen.getAllByTestId('diff-row').find((r) => r.getAttribute('data-field') === field)!;
const cell = (field: string, side: 'before' | 'after') => within(rowOf(field)).getByTestId(`diff-${side}`).textContent;

function renderDrawer(entry: AuditEntryRowFragment) {
  return renderInApp(<AuditEntryDrawer entry={entry} onClose={() => undefined} />, { link: fakeApi({}).link });
}

describe('audit entry drawer', () => {
  it('shows before and after side by side and highlights the changed fields', async () => {
    renderDrawer(rename);

    const drawer = screen.getByTestId('audit-drawer');
    expect(within(drawer).getByRole('heading', { name: 'Đổi tên · Bộ phận Một cửa' })).toBeInTheDocument();
    expect(within(drawer).getByText('af5c992d-cfde-47e7-b10e-572061e39835')).toBeInTheDocument();
    // The record links to its page.
    expect(within(drawer).getByRole('link', { name: new RegExp(deskId) })).toHaveAttribute('href', `/organisation/desks/${deskId}`);

    const headers = within(screen.getByTestId('audit-diff'))
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['Trường', 'Trước', 'Sau']);
    expect(screen.getAllByTestId('diff-row').map((r) => [r.getAttribute('data-field'), r.getAttribute('data-change')])).toEqual([
      ['id', 'same'],
      ['code', 'same'],
      ['name', 'changed'],
      ['address', 'same'],
      ['retiredOn', 'same'],
      ['updatedAt', 'changed'],
    ]);
    expect(cell('name', 'before')).toBe('Bộ phận Một cửa Sở Công Thương');
    expect(cell('name', 'after')).toBe('Bộ phận Một cửa Sở Công Thương tỉnh Hà Tĩnh');
    expect(within(rowOf('name')).getByText('đã đổi')).toBeInTheDocument();
    expect(within(rowOf('code')).queryByText('đã đổi')).not.toBeInTheDocument();
    expect(cell('address', 'before')).toBe('(trống)');
    expect(screen.getByTestId('diff-summary')).toHaveTextContent('2 trường thay đổi (tô màu).');
    // The changed rows are tinted; the others are not.
    expect(getComputedStyle(rowOf('name')).backgroundColor).not.toBe(getComputedStyle(rowOf('code')).backgroundColor);

    await userEvent.setup().click(screen.getByLabelText('Chỉ các trường thay đổi'));
    expect(screen.getAllByTestId('diff-row').map((r) => r.getAttribute('data-field'))).toEqual(['name', 'updatedAt']);
  });

  it('shows a new record as values after only', async () => {
    await i18n.changeLanguage('en');
    renderDrawer({ ...rename, id: 'e2', action: 'oneStopDesk.create', before: null });

    expect(screen.getByRole('heading', { name: 'Created · One-stop desk' })).toBeInTheDocument();
    expect(screen.getByTestId('diff-summary')).toHaveTextContent('New record: values after only.');
    expect(screen.getAllByTestId('diff-row').every((r) => r.getAttribute('data-change') === 'added')).toBe(true);
    expect(cell('name', 'before')).toBe('—');
    expect(cell('name', 'after')).toBe('Bộ phận Một cửa Sở Công Thương tỉnh Hà Tĩnh');
  });

  it('says so when the entry records no before and after (a sign-in)', () => {
    renderDrawer({ ...rename, id: 'e3', action: 'user.signIn', entityType: 'User', before: null, after: null });

    expect(screen.getByRole('heading', { name: 'Đăng nhập · Người dùng' })).toBeInTheDocument();
    expect(screen.getByTestId('diff-none')).toHaveTextContent('Mục nhật ký này không ghi dữ liệu trước và sau.');
    expect(screen.queryByTestId('audit-diff')).not.toBeInTheDocument();
    // No admin page for a user record: the id is shown without a link.
    expect(screen.queryByRole('link', { name: new RegExp(deskId) })).not.toBeInTheDocument();
  });
});

describe('diffSnapshots', () => {
  it('compares values, not key order, and marks fields that came or went', () => {
    const rows = diffSnapshots({ a: { x: 1, y: [1, 2] }, gone: 1, same: 'v' }, { a: { y: [1, 2], x: 1 }, same: 'v', fresh: true });
    expect(rows).toEqual([
      { field: 'a', before: { x: 1, y: [1, 2] }, after: { y: [1, 2], x: 1 }, change: null },
      { field: 'gone', before: 1, after: undefined, change: 'changed' },
      { field: 'same', before: 'v', after: 'v', change: null },
      { field: 'fresh', before: undefined, after: true, change: 'changed' },
    ]);
  });

  it('tells null from a value', () => {
    expect(diffSnapshots({ retiredOn: null }, { retiredOn: '2026-01-01' })[0]?.change).toBe('changed');
    expect(diffSnapshots({ retiredOn: null }, { retiredOn: null })[0]?.change).toBeNull();
  });
});
