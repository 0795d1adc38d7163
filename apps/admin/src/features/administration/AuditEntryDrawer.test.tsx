import { afterEach, describe, expect, it } from '@jest/globals';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from '../../i18n';
import type { AuditEntryRowFragment } from '../../graphql/generated';
import { fakeApi } from '../../test/fakeApi';
import { renderInApp } from '../../test/render';
import { AuditEntryDrawer } from './AuditEntryDrawer';
import { diffSnapshots } from './auditDiff';

/** What an official must never read: a camelCase name or a uuid. */
const CAMEL_CASE = /\b[a-z]+[A-Z][a-zA-Z]*\b/;
const A_UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

const deskId = '4b75d0d7-dc17-4834-a105-0e841b1929c0';
const agencyId = '0c17a835-2355-4e76-b47b-3c52c13ac571';
const unitId = 'a95571e9-c956-47ed-924f-3d810a20091c';
const provinceId = '68aa7542-fd45-47fb-b114-eef1e17e3ce5';
const before = {
  id: deskId,
  code: '42-SCT-MC',
  name: 'Bộ phận Một cửa Sở Công Thương',
  level: 'PROVINCE',
  agencyId,
  administrativeUnitId: unitId,
  provinceId,
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
  entityName: 'Bộ phận Một cửa Sở Công Thương tỉnh Hà Tĩnh',
  actorId: 'u-bcd',
  actorKind: 'USER',
  actorLabel: 'hatinh.bcd',
  actorName: 'Ban Chỉ đạo Đề án tỉnh Hà Tĩnh',
  before,
  after: { ...before, name: 'Bộ phận Một cửa Sở Công Thương tỉnh Hà Tĩnh', updatedAt: '2026-01-06T03:04:00.000Z' },
  requestId: 'af5c992d-cfde-47e7-b10e-572061e39835',
  ip: '127.0.0.1',
  references: [
    { id: deskId, entityType: 'OneStopDesk', name: 'Bộ phận Một cửa Sở Công Thương tỉnh Hà Tĩnh' },
    { id: agencyId, entityType: 'Agency', name: 'Sở Công Thương' },
    { id: unitId, entityType: 'AdministrativeUnit', name: 'Phường Thành Sen' },
    { id: provinceId, entityType: 'AdministrativeUnit', name: 'Tỉnh Hà Tĩnh' },
  ],
};

const phaseId = '8b4a8eb8-a2eb-4e8a-92dc-ad38662354e2';
const programmeId = 'f762a553-0a1e-484f-8244-cbfbc5704178';
const phase = {
  id: phaseId,
  programmeId,
  provinceId,
  ordinal: 1,
  name: 'Giai đoạn 1',
  plannedStart: '2019-07-01',
  plannedEnd: '2019-12-31',
  actualStart: '2019-07-15',
  actualEnd: null,
  targetProvince: 2,
  targetDistrict: 3,
  targetCommune: 10,
  goLiveGates: ['Đã tập huấn nhân viên'],
  status: 'IN_PROGRESS',
  version: 2,
  createdAt: '2019-06-01T01:00:00.000Z',
  updatedAt: '2019-07-15T01:00:00.000Z',
};
const replan: AuditEntryRowFragment = {
  ...rename,
  id: 'e4',
  action: 'rolloutPhase.replan',
  entityType: 'RolloutPhase',
  entityId: phaseId,
  entityName: 'Giai đoạn 1',
  before: phase,
  after: { ...phase, plannedEnd: '2020-03-31', targetCommune: 12, version: 3 },
  references: [
    { id: phaseId, entityType: 'RolloutPhase', name: 'Giai đoạn 1' },
    { id: programmeId, entityType: 'PilotProgramme', name: 'Đề án thí điểm Hà Tĩnh 2019' },
    { id: provinceId, entityType: 'AdministrativeUnit', name: 'Tỉnh Hà Tĩnh' },
  ],
};

const rowOf = (field: string) => screen.getAllByTestId('diff-row').find((r) => r.getAttribute('data-field') === field)!;
const cell = (field: string, side: 'before' | 'after') => within(rowOf(field)).getByTestId(`diff-${side}`).textContent;
const fieldLabelOf = (field: string) => within(rowOf(field)).getAllByRole('cell')[0].textContent?.replace('đã đổi', '');

function renderDrawer(entry: AuditEntryRowFragment) {
  return renderInApp(<AuditEntryDrawer entry={entry} onClose={() => undefined} />, { link: fakeApi({}).link });
}

/** Every text an official reads in the drawer (each text node: the page shows them apart), checked for camelCase names and uuids. */
function expectReadable(drawer: HTMLElement) {
  const walker = document.createTreeWalker(drawer, NodeFilter.SHOW_TEXT);
  const texts: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node.textContent ?? '');
  expect(texts.length).toBeGreaterThan(10);
  expect(texts.filter((text) => CAMEL_CASE.test(text) || A_UUID.test(text))).toEqual([]);
}

afterEach(async () => {
  await i18n.changeLanguage('vi');
});

describe('audit entry drawer', () => {
  it('reads as Vietnamese: labels of the action, fields and values, Vietnam time, names and links instead of ids', async () => {
    renderDrawer(rename);

    const drawer = screen.getByTestId('audit-drawer');
    expect(within(drawer).getByRole('heading', { name: 'Đổi tên · Bộ phận Một cửa' })).toBeInTheDocument();
    // 03:04 UTC is 10:04 in Vietnam, whatever the machine's time zone.
    expect(drawer).toHaveTextContent('06/01/2026 10:04 · Ban Chỉ đạo Đề án tỉnh Hà Tĩnh (hatinh.bcd)');
    // The record by name, linked to its page.
    expect(within(screen.getByTestId('audit-entity')).getByRole('link', { name: 'Bộ phận Một cửa Sở Công Thương tỉnh Hà Tĩnh' })).toHaveAttribute(
      'href',
      `/organisation/desks/${deskId}`,
    );

    const headers = within(screen.getByTestId('audit-diff'))
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['Trường', 'Trước', 'Sau']);
    expect(screen.getAllByTestId('diff-row').map((r) => [r.getAttribute('data-field'), r.getAttribute('data-change')])).toEqual([
      ['id', 'same'],
      ['code', 'same'],
      ['name', 'changed'],
      ['level', 'same'],
      ['agencyId', 'same'],
      ['administrativeUnitId', 'same'],
      ['provinceId', 'same'],
      ['address', 'same'],
      ['retiredOn', 'same'],
      ['updatedAt', 'changed'],
    ]);
    expect(['id', 'code', 'name', 'level', 'agencyId', 'administrativeUnitId', 'provinceId', 'retiredOn', 'updatedAt'].map(fieldLabelOf)).toEqual([
      'Bản ghi',
      'Mã',
      'Tên',
      'Cấp',
      'Cơ quan',
      'Đơn vị hành chính',
      'Tỉnh, thành phố',
      'Ngừng hoạt động từ ngày',
      'Cập nhật lúc',
    ]);
    expect(cell('name', 'before')).toBe('Bộ phận Một cửa Sở Công Thương');
    expect(cell('name', 'after')).toBe('Bộ phận Một cửa Sở Công Thương tỉnh Hà Tĩnh');
    // An enum value through the app's labels; a timestamp in Vietnam time.
    expect(cell('level', 'after')).toBe('Cấp tỉnh');
    expect(cell('updatedAt', 'before')).toBe('05/01/2026 09:00');
    // Ids as the names of their records, linked where the record has a page.
    expect(within(rowOf('agencyId')).getAllByRole('link', { name: 'Sở Công Thương' })[0]).toHaveAttribute('href', `/organisation/agencies/${agencyId}`);
    expect(cell('provinceId', 'after')).toBe('Tỉnh Hà Tĩnh');
    expect(within(rowOf('name')).getByText('đã đổi')).toBeInTheDocument();
    expect(within(rowOf('code')).queryByText('đã đổi')).not.toBeInTheDocument();
    expect(cell('address', 'before')).toBe('(trống)');
    expect(screen.getByTestId('diff-summary')).toHaveTextContent('2 trường thay đổi (tô màu).');
    // The changed rows are tinted; the others are not.
    expect(getComputedStyle(rowOf('name')).backgroundColor).not.toBe(getComputedStyle(rowOf('code')).backgroundColor);
    expectReadable(drawer);

    const user = userEvent.setup();
    await user.click(screen.getByLabelText('Chỉ các trường thay đổi'));
    expect(screen.getAllByTestId('diff-row').map((r) => r.getAttribute('data-field'))).toEqual(['name', 'updatedAt']);

    // The request id, for support staff, only once asked for.
    await user.click(screen.getByTestId('audit-technical'));
    expect(await within(drawer).findByText('af5c992d-cfde-47e7-b10e-572061e39835')).toBeInTheDocument();
  });

  it('shows a re-plan of a phase with its dates dd/MM/yyyy, its status label, and its programme by name', () => {
    renderDrawer(replan);

    const drawer = screen.getByTestId('audit-drawer');
    expect(within(drawer).getByRole('heading', { name: 'Điều chỉnh kế hoạch · Giai đoạn' })).toBeInTheDocument();
    expect(fieldLabelOf('plannedEnd')).toBe('Ngày kết thúc dự kiến');
    expect(cell('plannedEnd', 'before')).toBe('31/12/2019');
    expect(cell('plannedEnd', 'after')).toBe('31/03/2020');
    expect(fieldLabelOf('status')).toBe('Trạng thái');
    expect(cell('status', 'after')).toBe('Đang thực hiện');
    expect(fieldLabelOf('targetCommune')).toBe('Chỉ tiêu cấp xã');
    expect(fieldLabelOf('goLiveGates')).toBe('Điều kiện khai trương');
    expect(within(rowOf('programmeId')).getAllByRole('link', { name: 'Đề án thí điểm Hà Tĩnh 2019' })[0]).toHaveAttribute('href', `/rollout/programmes/${programmeId}`);
    expect(within(screen.getByTestId('audit-entity')).getByRole('link', { name: 'Giai đoạn 1' })).toHaveAttribute('href', `/rollout/phases/${phaseId}`);
    expectReadable(drawer);
  });

  it('names a record the reader cannot see without showing its id, and a field it has no label for humanised', () => {
    renderDrawer({
      ...rename,
      id: 'e5',
      entityName: null,
      references: [],
      before: null,
      after: { id: deskId, agencyId, someFutureField: 'x', status: 'SOMETHING_NEW' },
    });

    const drawer = screen.getByTestId('audit-drawer');
    expect(screen.getByTestId('audit-entity')).toHaveTextContent('Bộ phận Một cửa: Bản ghi không xem được');
    expect(cell('agencyId', 'after')).toBe('Bản ghi không xem được');
    expect(fieldLabelOf('someFutureField')).toBe('Some future field');
    expectReadable(drawer);
  });

  it('reads values kept as JSON (a committee, a legal basis, a checklist) through the same labels', () => {
    const siteId = '0cf856c0-c69f-4ae0-b471-b4ba3c3eb121';
    renderDrawer({
      ...rename,
      id: 'e7',
      action: 'pilotSite.readiness',
      entityType: 'PilotSite',
      entityId: siteId,
      entityName: 'Bộ phận Tiếp nhận và Trả kết quả huyện Kỳ Anh',
      before: { id: siteId, handoverModel: 'AT_AGENCY', suspendedFrom: null, readiness: {} },
      after: {
        id: siteId,
        handoverModel: 'AT_POST_OFFICE',
        suspendedFrom: 'PREPARING',
        readiness: { staff_trained: { doneOn: '2019-08-01', doneBy: 'seed', note: null } },
        committee: [{ fullName: 'Nguyễn Văn A', position: 'Phó Chủ tịch UBND tỉnh', committeeRole: 'HEAD' }],
        legalBasis: [{ number: '2459/QĐ-UBND', signedOn: '2019-07-23', issuer: 'UBND tỉnh Hà Tĩnh', title: 'Phê duyệt Đề án' }],
      },
      references: [{ id: siteId, entityType: 'PilotSite', name: 'Bộ phận Tiếp nhận và Trả kết quả huyện Kỳ Anh' }],
    });

    const drawer = screen.getByTestId('audit-drawer');
    expect(within(drawer).getByRole('heading', { name: 'Cập nhật danh mục sẵn sàng · Đơn vị thí điểm' })).toBeInTheDocument();
    expect(cell('handoverModel', 'after')).toBe('Tại bưu điện');
    expect(cell('suspendedFrom', 'after')).toBe('Đang chuẩn bị');
    expect(cell('readiness', 'before')).toBe('(trống)');
    expect(cell('readiness', 'after')).toBe('Nhân viên bưu điện đã được tập huấn: Ngày hoàn thành: 01/08/2019; Người xác nhận: Dữ liệu mẫu');
    expect(cell('committee', 'after')).toBe('Họ và tên: Nguyễn Văn A; Chức vụ: Phó Chủ tịch UBND tỉnh; Vai trò trong Ban Chỉ đạo: Trưởng ban');
    expect(cell('legalBasis', 'after')).toBe('Số hiệu: 2459/QĐ-UBND; Ngày ban hành: 23/07/2019; Cơ quan ban hành: UBND tỉnh Hà Tĩnh; Nội dung: Phê duyệt Đề án');
    expect(within(screen.getByTestId('audit-entity')).getByRole('link')).toHaveAttribute('href', `/rollout/sites/${siteId}`);
    expectReadable(drawer);
  });

  it('shows the demo seed as "Dữ liệu mẫu", never as a person called seed', () => {
    renderDrawer({ ...rename, id: 'e6', actorKind: 'DEMO_SEED', actorId: null, actorLabel: 'seed', actorName: null });

    const drawer = screen.getByTestId('audit-drawer');
    expect(drawer).toHaveTextContent('06/01/2026 10:04 · Dữ liệu mẫu');
    expect(drawer.textContent).not.toMatch(/\bseed\b/);
  });

  it('shows a new record as values after only', async () => {
    await i18n.changeLanguage('en');
    renderDrawer({ ...rename, id: 'e2', action: 'oneStopDesk.create', before: null });

    expect(screen.getByRole('heading', { name: 'Created · One-stop desk' })).toBeInTheDocument();
    expect(screen.getByTestId('diff-summary')).toHaveTextContent('New record: values after only.');
    expect(screen.getAllByTestId('diff-row').every((r) => r.getAttribute('data-change') === 'added')).toBe(true);
    expect(cell('name', 'before')).toBe('—');
    expect(cell('name', 'after')).toBe('Bộ phận Một cửa Sở Công Thương tỉnh Hà Tĩnh');
    expect(fieldLabelOf('agencyId')).toBe('Agency');
  });

  it('says so when the entry records no before and after (a sign-in)', () => {
    renderDrawer({
      ...rename,
      id: 'e3',
      action: 'user.signIn',
      entityType: 'User',
      entityId: 'u-quay',
      entityName: 'Nhân viên quầy',
      before: null,
      after: null,
      references: [{ id: 'u-quay', entityType: 'User', name: 'Nhân viên quầy' }],
    });

    expect(screen.getByRole('heading', { name: 'Đăng nhập · Người dùng' })).toBeInTheDocument();
    expect(screen.getByTestId('diff-none')).toHaveTextContent('Mục nhật ký này không ghi dữ liệu trước và sau.');
    expect(screen.queryByTestId('audit-diff')).not.toBeInTheDocument();
    // No admin page for a user record: the name without a link.
    expect(screen.getByTestId('audit-entity')).toHaveTextContent('Người dùng: Nhân viên quầy');
    expect(within(screen.getByTestId('audit-entity')).queryByRole('link')).not.toBeInTheDocument();
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
