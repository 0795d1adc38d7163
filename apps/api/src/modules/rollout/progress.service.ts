import { DataSource } from 'typeorm';
import { Injectable } from '../../platform/container';
import type { Actor } from '../../platform/graphql/context';
import { todayInVietnam } from '../../platform/graphql/scalars';
import { currentRequest, type Lang } from '../../platform/request-context';
import { AdministrativeLevel } from '../administrative-units/administrative-unit.entity';
import { PilotProgramme } from './pilot-programme.entity';
import { PilotSite } from './pilot-site.entity';
import { RolloutPhase } from './rollout-phase.entity';
import { findOrNull } from './rollout-access';
import { LATE_SITE_SQL, isLate } from './pilot-site.service';
import type { ExportedFile, LevelProgress } from './rollout.types';
import { groupFor } from '../../platform/graphql/loaders';
import { dayCell, spreadsheet as sheetFile, type Cell } from '../../platform/spreadsheet';

const LEVELS = [AdministrativeLevel.PROVINCE, AdministrativeLevel.DISTRICT, AdministrativeLevel.COMMUNE];
const COUNTS = ['enrolled', 'preparing', 'launched', 'operating', 'suspended', 'late'] as const;

function targetOf(phase: RolloutPhase, level: AdministrativeLevel): number {
  return level === AdministrativeLevel.PROVINCE ? phase.targetProvince : level === AdministrativeLevel.DISTRICT ? phase.targetDistrict : phase.targetCommune;
}

/** Adds rows up into a total row (level null). */
export function totalOf(rows: readonly LevelProgress[]): LevelProgress {
  const total: LevelProgress = { level: null, target: 0, enrolled: 0, preparing: 0, launched: 0, operating: 0, suspended: 0, late: 0 };
  for (const row of rows) {
    total.target += row.target;
    for (const key of COUNTS) total[key] += row[key];
  }
  return total;
}

/** Words of the spreadsheets, in the language of the request. */
const WORDS: Record<Lang, Record<string, string>> = {
  vi: {
    no: 'STT', deskCode: 'Mã bộ phận', desk: 'Bộ phận một cửa', level: 'Cấp', model: 'Phương án', postOffice: 'Bưu điện đối tác',
    plannedLaunch: 'Khai trương dự kiến', status: 'Trạng thái', since: 'Từ ngày', launchedOn: 'Ngày khai trương', late: 'Trễ hạn',
    phase: 'Giai đoạn', target: 'Kế hoạch', enrolled: 'Đã đăng ký', preparing: 'Đang chuẩn bị', launched: 'Đã khai trương',
    operating: 'Đang vận hành', suspended: 'Tạm dừng', total: 'Tổng', yes: 'Có', sites: 'Đơn vị thí điểm', progress: 'Tiến độ',
    PROVINCE: 'Tỉnh', DISTRICT: 'Huyện', COMMUNE: 'Xã', AT_AGENCY: 'Tại cơ quan', AT_POST_OFFICE: 'Tại bưu điện',
    PLANNED: 'Đã đăng ký', PREPARING: 'Đang chuẩn bị', LAUNCHED: 'Đã khai trương', OPERATING: 'Đang vận hành', REVIEWED: 'Đã sơ kết',
    SUSPENDED: 'Tạm dừng', WITHDRAWN: 'Đã rút',
  },
  en: {
    no: 'No.', deskCode: 'Desk code', desk: 'One-stop desk', level: 'Level', model: 'Model', postOffice: 'Partner post office',
    plannedLaunch: 'Planned launch', status: 'Status', since: 'Since', launchedOn: 'Launched on', late: 'Late',
    phase: 'Phase', target: 'Target', enrolled: 'Enrolled', preparing: 'Preparing', launched: 'Launched',
    operating: 'Operating', suspended: 'Suspended', total: 'Total', yes: 'Yes', sites: 'Pilot sites', progress: 'Progress',
    PROVINCE: 'Province', DISTRICT: 'District', COMMUNE: 'Commune', AT_AGENCY: 'At the agency', AT_POST_OFFICE: 'At the post office',
    PLANNED: 'Planned', PREPARING: 'Preparing', LAUNCHED: 'Launched', OPERATING: 'Operating', REVIEWED: 'Reviewed',
    SUSPENDED: 'Suspended', WITHDRAWN: 'Withdrawn',
  },
};

/** Planned vs enrolled vs launched vs operating, per phase and level, and the spreadsheets of them. */
@Injectable()
export class ProgressService {
  constructor(private readonly dataSource: DataSource) {}

  /** Progress of many phases, by level (province, district, commune), in one statement. */
  async ofPhases(phases: readonly RolloutPhase[]): Promise<LevelProgress[][]> {
    const rows: Array<Record<string, string | number>> = await this.dataSource.query(
      `SELECT s.phase_id AS "phaseId", s.level,
              count(*) FILTER (WHERE s.status <> 'WITHDRAWN')::int AS enrolled,
              count(*) FILTER (WHERE s.launched_on IS NULL AND s.status IN ('PLANNED', 'PREPARING', 'SUSPENDED'))::int AS preparing,
              count(*) FILTER (WHERE s.launched_on IS NOT NULL AND s.status <> 'WITHDRAWN')::int AS launched,
              count(*) FILTER (WHERE s.status = 'OPERATING')::int AS operating,
              count(*) FILTER (WHERE s.status = 'SUSPENDED')::int AS suspended,
              count(*) FILTER (WHERE ${LATE_SITE_SQL.replace(':today', '$2')})::int AS late
         FROM pilot_site s WHERE s.phase_id = ANY($1::uuid[]) GROUP BY s.phase_id, s.level`,
      [phases.map((p) => p.id), todayInVietnam()],
    );
    return phases.map((phase) =>
      LEVELS.map((level) => {
        const row = rows.find((r) => r.phaseId === phase.id && r.level === level);
        const counts = Object.fromEntries(COUNTS.map((key) => [key, Number(row?.[key] ?? 0)])) as Record<(typeof COUNTS)[number], number>;
        return { level, target: targetOf(phase, level), ...counts };
      }),
    );
  }

  /** A programme's progress over its phases: one row per level, then the total. */
  static overPhases(perPhase: readonly LevelProgress[][]): LevelProgress[] {
    const rows = perPhase.flat();
    const byLevel = LEVELS.filter((level) => rows.some((r) => r.level === level)).map((level) => ({ ...totalOf(rows.filter((r) => r.level === level)), level }));
    return [...byLevel, totalOf(rows)];
  }

  /** Sites past their planned launch, for many programmes, most overdue first, in one statement. */
  async lateSitesOf(programmeIds: readonly string[]): Promise<PilotSite[][]> {
    const rows = await this.dataSource.getRepository(PilotSite).createQueryBuilder('s')
      .where('s.programme_id = ANY(:ids)', { ids: [...programmeIds] })
      .andWhere(LATE_SITE_SQL, { today: todayInVietnam() })
      .orderBy('s.planned_launch', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .getMany();
    return groupFor(programmeIds, rows, (r) => r.programmeId);
  }

  /** The phase's sites as a spreadsheet, one row per site, in the order of the site grid. */
  async exportPhaseSites(actor: Actor, phaseId: string): Promise<ExportedFile | null> {
    const phase = await findOrNull(this.dataSource.manager, actor, RolloutPhase, phaseId);
    if (!phase) return null;
    const w = WORDS[currentRequest()?.lang ?? 'vi'];
    const rows: Array<Record<string, string | null>> = await this.dataSource.query(
      `SELECT d.code AS "deskCode", d.name AS desk, s.level, s.handover_model AS model, po.name AS "postOffice",
              s.planned_launch AS "plannedLaunch", s.status, s.status_since AS since, s.launched_on AS "launchedOn"
         FROM pilot_site s JOIN one_stop_desk d ON d.id = s.one_stop_desk_id LEFT JOIN post_office po ON po.id = s.post_office_id
        WHERE s.phase_id = $1 ORDER BY s.seq`,
      [phase.id],
    );
    const header = ['no', 'deskCode', 'desk', 'level', 'model', 'postOffice', 'plannedLaunch', 'status', 'since', 'launchedOn', 'late'];
    const data: Cell[][] = rows.map((r, i) => [
      i + 1,
      r.deskCode,
      r.desk,
      w[r.level as string],
      w[r.model as string],
      r.postOffice,
      dayCell(r.plannedLaunch),
      w[r.status as string],
      dayCell(r.since),
      dayCell(r.launchedOn),
      isLate({ plannedLaunch: r.plannedLaunch, launchedOn: r.launchedOn, status: r.status } as PilotSite) ? w.yes : '',
    ]);
    const widths = [6, 22, 56, 10, 18, 34, 16, 16, 12, 16, 9];
    return spreadsheet(w.sites, header.map((key) => w[key]), data, widths, `${phase.name} ${w.sites}`);
  }

  /** The progress table of a programme: one row per phase and level, and a total per phase. */
  async exportProgress(actor: Actor, programmeId: string): Promise<ExportedFile | null> {
    const programme = await findOrNull(this.dataSource.manager, actor, PilotProgramme, programmeId);
    if (!programme) return null;
    const w = WORDS[currentRequest()?.lang ?? 'vi'];
    const phases = await this.dataSource.getRepository(RolloutPhase).find({ where: { programmeId: programme.id }, order: { ordinal: 'ASC' } });
    const progress = await this.ofPhases(phases);
    const keys = ['target', ...COUNTS] as const;
    const data: Cell[][] = [];
    phases.forEach((phase, i) => {
      for (const row of [...progress[i], totalOf(progress[i])]) {
        const bold = row.level === null;
        data.push([phase.name, row.level ? w[row.level] : w.total, ...keys.map((key) => row[key])].map((value) => (bold ? { value, fontWeight: 'bold' as const } : value)));
      }
    });
    const widths = [34, 10, ...keys.map(() => 15)];
    return spreadsheet(w.progress, [w.phase, w.level, ...keys.map((key) => w[key])], data, widths, `${programme.code} ${w.progress}`);
  }
}

/** One sheet with a bold, frozen header row, named after `name`. */
async function spreadsheet(sheet: string, header: string[], rows: Cell[][], widths: number[], name: string): Promise<ExportedFile> {
  return sheetFile(sheet, header, rows, widths, slug(name));
}

function slug(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();
}
