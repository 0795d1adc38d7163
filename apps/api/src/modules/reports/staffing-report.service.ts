/**
 * Staffing over time (issue 13): how the desks' duties passed from civil servants to postal staff, and how
 * people were trained, period by period, for a unit — from the records the product keeps, never typed in:
 * - civil servants relieved: the personnel handovers (modules/handover) that took effect, by their
 *   effective day, each counting the people its `relieved` list names (a person relieved in two handovers
 *   counts twice, as the records do); a handover is located at its site's desk;
 * - postal staff deployed: the staff register's assignments to desks (modules/staff) of people employed
 *   by a post office: those at a desk of the unit on the period's last day (distinct people), and those
 *   newly deployed — starting at a desk of the unit within the period, not having been at one of its
 *   desks the day before (a move between two of its desks is not new); located at the desk;
 * - training: the classes (TrainingSession) held in the period and their attendances (one per person
 *   qualified by the class: "lượt người"), each attendee located at their home desk, else home unit, else
 *   employer (post office or agency), else province; a class counts for a unit when some attendee is in it.
 *
 * The map and the unit follow the volume report (report.service.ts): the unit is named by id or code,
 * in force on `asOf`, within the caller's province today; every record's place counts for the unit in
 * force on `asOf` it rolls up to (`osp_unit_as_of`), kept under the unit's path — so a merged unit's
 * staff roll up to its successor as its dossiers do. The periods are the volume report's (calendar
 * months, quarters or years cut to the report's days). Readers: as dossierVolumes; a post office manager
 * sees their post office tree's people and sites only. One statement.
 */
import { DataSource } from 'typeorm';
import { forbidden, requireRole, scopeProvince } from '../../platform/authz';
import { Injectable } from '../../platform/container';
import { badInput, type Bilingual } from '../../platform/errors';
import type { Actor } from '../../platform/graphql/context';
import type { ExportedFile } from '../../platform/graphql/exported-file';
import { isIsoDate, shownDay, todayInVietnam } from '../../platform/graphql/scalars';
import { boldCell, countCell, fileSlug, spreadsheet, type Cell } from '../../platform/spreadsheet';
import { currentRequest } from '../../platform/request-context';
import { POST_OFFICE_TREE } from '../post-offices/post-office.service';
import { ReportGranularity, type ReportPeriod } from './report.inputs';
import { MAX_PERIODS, REPORT_READERS, ReportService, reportPeriods, wholeLabel } from './report.service';
import type { StaffingReport, StaffingReportFilter, StaffingRow } from './staffing-report.inputs';

const message = (m: Bilingual) => m[currentRequest()?.lang ?? 'vi'];

/** The staffing grid's columns, in the order of the page's table (reports.vi.json's words). */
const COLUMNS: Array<{ header: string; width: number; cell: (row: StaffingRow) => Cell }> = [
  { header: 'Kỳ', width: 24, cell: (r) => r.period.label },
  { header: 'Công chức được thay thế', width: 14, cell: (r) => countCell(r.civilServantsRelieved) },
  { header: 'Biên bản chuyển giao có hiệu lực', width: 14, cell: (r) => countCell(r.handovers) },
  { header: 'Nhân viên bưu điện làm việc cuối kỳ', width: 16, cell: (r) => countCell(r.postalStaffDeployed) },
  { header: 'Nhân viên bưu điện mới bố trí', width: 14, cell: (r) => countCell(r.postalStaffNewlyDeployed) },
  { header: 'Lớp tập huấn', width: 12, cell: (r) => countCell(r.trainingClasses) },
  { header: 'Lượt người tập huấn', width: 14, cell: (r) => countCell(r.trainingAttendees) },
];

/** The staffing grid as the page shows it (a download, README "Reports"): its periods, then the totals in bold, then the note. */
export function staffingSpreadsheet(report: StaffingReport): Promise<ExportedFile> {
  const rows: Cell[][] = report.rows.map((row) => COLUMNS.map((c) => c.cell(row)));
  const totals = COLUMNS.map((c) => boldCell(c.cell(report.totals)));
  totals[0] = boldCell('Tổng cộng');
  rows.push(totals);
  rows.push([], ['Nhân viên bưu điện làm việc tính tại ngày cuối kỳ; dòng Tổng cộng tính tại ngày cuối cùng của báo cáo, mỗi người mới bố trí chỉ tính một lần.']);
  if (report.note) rows.push([`Ghi chú: ${report.note}`]);
  return spreadsheet(
    'Nhân sự',
    COLUMNS.map((c) => c.header),
    rows,
    COLUMNS.map((c) => c.width),
    fileSlug(`nhan su ${report.unitName} ${shownDay(report.from)} ${shownDay(report.to)}`),
    { title: [`Nhân sự và tập huấn – ${report.unitName}, từ ${shownDay(report.from)} đến ${shownDay(report.to)}`] },
  );
}

interface RawRow {
  n: number;
  handovers: number;
  relieved: number;
  deployed: number;
  newly: number;
  classes: number;
  attendees: number;
}

@Injectable()
export class StaffingReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reports: ReportService,
  ) {}

  /** The staffing grid (staffingReport with the same filter: its scope, its figures) as .xlsx. */
  async exportStaffingReport(actor: Actor, filter: StaffingReportFilter): Promise<ExportedFile> {
    return staffingSpreadsheet(await this.staffingReport(actor, filter));
  }

  async staffingReport(actor: Actor, filter: StaffingReportFilter): Promise<StaffingReport> {
    requireRole(actor, REPORT_READERS);
    const scope = scopeProvince(actor);
    const managerOnly = actor.kind === 'user' && !actor.roles.some((r) => r === 'STEERING_COMMITTEE' || r === 'SYSTEM_ADMIN');
    const office = managerOnly && actor.kind === 'user' ? actor.postOfficeId : null;
    if (managerOnly && !office) throw forbidden();

    const today = todayInVietnam();
    const asOf = filter.asOf ?? today;
    const { from, to } = filter;
    const granularity = filter.granularity ?? ReportGranularity.MONTH;
    if (!isIsoDate(from)) throw badInput('from', { vi: 'Ngày không hợp lệ.', en: 'Not a valid day.' });
    if (!isIsoDate(to)) throw badInput('to', { vi: 'Ngày không hợp lệ.', en: 'Not a valid day.' });
    if (to < from) throw badInput('to', { vi: 'Ngày kết thúc phải từ ngày bắt đầu trở đi.', en: 'The end must not be before the start.' });
    const periods = reportPeriods(from, to, granularity);
    if (periods.length > MAX_PERIODS) {
      throw badInput('to', { vi: `Báo cáo có tối đa ${MAX_PERIODS} kỳ: hãy chọn kỳ dài hơn hoặc khoảng ngắn hơn.`, en: `A report has at most ${MAX_PERIODS} periods: choose longer periods or fewer days.` });
    }
    const unit = await this.reports.chosenUnit(scope, filter.unit?.trim() || null, asOf, today);
    const whole = wholeLabel(from, to);
    const all = [...periods, whole];
    const tree = POST_OFFICE_TREE.replace(':office', '$5::uuid');

    const raw: RawRow[] = await this.dataSource.query(
      `WITH periods AS (
         SELECT p.n::int AS n, p.s AS start, p.e AS finish FROM unnest($1::date[], $2::date[]) WITH ORDINALITY AS p(s, e, n)
       ), handovers AS (
         SELECT d.administrative_unit_id AS place, h.effective_on AS day, jsonb_array_length(h.relieved) AS relieved
           FROM personnel_handover h
           JOIN pilot_site s ON s.id = h.site_id
           JOIN one_stop_desk d ON d.id = s.one_stop_desk_id
          WHERE h.status = 'EFFECTIVE' AND h.effective_on BETWEEN $6::date AND $7::date
            AND ($5::uuid IS NULL OR s.post_office_id IN (${tree}))
       ), assignments AS (
         SELECT d.administrative_unit_id AS place, a.staff_id, a.starts_on, a.ends_on
           FROM staff_assignment a
           JOIN staff st ON st.id = a.staff_id
           JOIN one_stop_desk d ON d.id = a.desk_id
          WHERE st.post_office_id IS NOT NULL AND a.starts_on <= $7::date AND (a.ends_on IS NULL OR a.ends_on >= $6::date - 1)
            AND ($5::uuid IS NULL OR st.post_office_id IN (${tree}))
       ), attendances AS (
         SELECT coalesce(hd.administrative_unit_id, st.home_unit_id, po.administrative_unit_id, ag.administrative_unit_id, st.province_id) AS place,
                t.id AS session_id, t.held_on AS day
           FROM training_session t
           JOIN qualification q ON q.training_session_id = t.id
           JOIN staff st ON st.id = q.staff_id
           LEFT JOIN one_stop_desk hd ON hd.id = st.home_desk_id
           LEFT JOIN post_office po ON po.id = st.post_office_id
           LEFT JOIN agency ag ON ag.id = st.agency_id
          WHERE t.held_on BETWEEN $6::date AND $7::date
            AND ($5::uuid IS NULL OR st.post_office_id IN (${tree}))
       ), places AS (
         SELECT place FROM handovers UNION SELECT place FROM assignments UNION SELECT place FROM attendances
       ), mapped AS (
         SELECT p.place
           FROM places p JOIN administrative_unit u ON u.id = osp_unit_as_of(p.place, $3::date)
          WHERE u.valid_from <= $3::date AND ($4::ltree IS NULL OR u.path <@ $4::ltree)
       ), hx AS (SELECT x.* FROM handovers x JOIN mapped m ON m.place = x.place),
       ax AS (SELECT x.* FROM assignments x JOIN mapped m ON m.place = x.place),
       tx AS (SELECT x.* FROM attendances x JOIN mapped m ON m.place = x.place)
       SELECT p.n,
              (SELECT count(*) FROM hx WHERE hx.day BETWEEN p.start AND p.finish)::int AS handovers,
              (SELECT coalesce(sum(hx.relieved), 0) FROM hx WHERE hx.day BETWEEN p.start AND p.finish)::int AS relieved,
              (SELECT count(DISTINCT ax.staff_id) FROM ax WHERE ax.starts_on <= p.finish AND (ax.ends_on IS NULL OR ax.ends_on >= p.finish))::int AS deployed,
              (SELECT count(DISTINCT ax.staff_id) FROM ax
                WHERE ax.starts_on BETWEEN p.start AND p.finish
                  AND NOT EXISTS (SELECT 1 FROM ax b WHERE b.staff_id = ax.staff_id AND b.starts_on < ax.starts_on AND (b.ends_on IS NULL OR b.ends_on >= ax.starts_on - 1)))::int AS newly,
              (SELECT count(DISTINCT tx.session_id) FROM tx WHERE tx.day BETWEEN p.start AND p.finish)::int AS classes,
              (SELECT count(*) FROM tx WHERE tx.day BETWEEN p.start AND p.finish)::int AS attendees
         FROM periods p ORDER BY p.n`,
      [all.map((p) => p.start), all.map((p) => p.end), asOf, unit.path, office, from, to],
    );

    const rowOf = (r: RawRow, period: ReportPeriod): StaffingRow => ({
      period,
      handovers: Number(r.handovers),
      civilServantsRelieved: Number(r.relieved),
      postalStaffDeployed: Number(r.deployed),
      postalStaffNewlyDeployed: Number(r.newly),
      trainingClasses: Number(r.classes),
      trainingAttendees: Number(r.attendees),
    });
    const rows = raw.map((r) => rowOf(r, all[Number(r.n) - 1]));
    const totals = rows.pop() as StaffingRow;
    return {
      unitId: unit.id,
      unitCode: unit.id ? ((await this.dataSource.query('SELECT code FROM administrative_unit WHERE id = $1', [unit.id]))[0]?.code ?? null) : null,
      unitName: unit.name,
      asOf,
      from,
      to,
      granularity,
      rows,
      totals,
      note: office ? message({ vi: 'Chỉ gồm nhân viên và đơn vị thí điểm của bưu điện mình và các bưu cục trực thuộc.', en: 'Only the staff and sites of your post office and those under it.' }) : null,
    };
  }
}
