/**
 * The service-quality index of Decision 766/QĐ-TTg (23/6/2022, "Bộ chỉ số chỉ đạo, điều hành và đánh giá
 * chất lượng phục vụ người dân, doanh nghiệp"), as far as the data here allows (issue 13).
 *
 * The decision scores a unit out of 100 points in five groups: publicity and transparency (18), progress
 * and results of resolution (20), online service provision (22), satisfaction (18), digitised dossiers
 * (22). This product holds the dossiers that went through the one-stop desks and the post office, so it
 * can measure one figure in four of those groups, and none of publicity. The figures, in this one place:
 * - ON_TIME (progress, 20): results ready on time / results ready, in the period the result became ready
 *   (the rollup's resolved_on_time and resolved_late: on time when ready by the legal due moment).
 * - ONLINE (online provision, 22): dossiers received online / dossiers received (the rollup's online and
 *   received: online dossiers that came to the desks here, with postal pickup).
 * - DIGITISED (digitisation, 22): dossiers received with every component digitised / dossiers received.
 * - SATISFACTION (satisfaction, 18): ratings "satisfied" / ratings given, on the day of the rating (the
 *   rollup's rated_* counters, the same ratings dossierSatisfaction summarises).
 * Each figure's `share` is its numerator over its denominator, null when there is nothing to count. Its
 * reference `points` are share × its group's maximum: the decision scores sub-indicators against
 * thresholds that the data here cannot reproduce, so they are an indication, and a row's `points` are out
 * of the maximum of the groups it has a figure for (at most 82), never the 100-point index.
 *
 * How: one call of ReportService.dossierVolumes (dossiers only, the units' aggregate figures left out, as
 * they state neither resolutions, components nor ratings) with the report's periods and breakdown: the
 * same rollup, the same roll-up of units through the merges as of `asOf` (osp_unit_as_of), the same
 * readers and scope (a post office manager sees their tree's dossiers only, and the note says so). The
 * breakdown's rows add up to the unit's, period by period, so the unit's periods and each row's whole
 * are summed here in memory from that one answer.
 */
import { Injectable } from '../../platform/container';
import type { Bilingual } from '../../platform/errors';
import type { Actor } from '../../platform/graphql/context';
import { shownDay } from '../../platform/graphql/scalars';
import { currentRequest } from '../../platform/request-context';
import { QualityIndicator, type ServiceQualityFigure, type ServiceQualityFilter, type ServiceQualityGap, type ServiceQualityMethod, type ServiceQualityReport, type ServiceQualityRow } from './quality.inputs';
import { ReportGranularity, type DossierVolumeRow, type ReportPeriod, VolumeBreakdown, VolumeRowKind } from './report.inputs';
import { ReportService } from './report.service';

const COUNTS = ['received', 'online', 'digitised', 'resolvedOnTime', 'resolvedLate', 'ratedSatisfied', 'ratedNeutral', 'ratedDissatisfied'] as const;
type Counts = Record<(typeof COUNTS)[number], number>;

interface Method {
  indicator: QualityIndicator;
  maxPoints: number;
  numerator: (c: Counts) => number;
  denominator: (c: Counts) => number;
  name: Bilingual;
  counts: Bilingual;
  formula: Bilingual;
  decisionPart: Bilingual;
  notCovered: Bilingual;
}

/** The four figures, in the order they are shown. */
export const QUALITY_METHODS: Method[] = [
  {
    indicator: QualityIndicator.ON_TIME,
    maxPoints: 20,
    numerator: (c) => c.resolvedOnTime,
    denominator: (c) => c.resolvedOnTime + c.resolvedLate,
    name: { vi: 'Giải quyết đúng hạn', en: 'Resolved on time' },
    counts: {
      vi: 'Hồ sơ có kết quả giải quyết trong kỳ (tính theo ngày có kết quả), đúng hạn khi có kết quả không muộn hơn thời hạn theo quy định (đã tính thời gian tạm dừng; phiếu xin lỗi hẹn lại không làm hồ sơ trễ thành đúng hạn).',
      en: 'Dossiers whose result became ready in the period (on the day it did), on time when ready by the legal due moment (clock stops included; an apology’s new date does not make a late result on time).',
    },
    formula: { vi: 'Tỷ lệ = số hồ sơ có kết quả đúng hạn ÷ số hồ sơ có kết quả (đúng hạn + trễ hạn).', en: 'Share = results ready on time ÷ results ready (on time + late).' },
    decisionPart: { vi: 'Nhóm "Tiến độ, kết quả giải quyết" (tối đa 20 điểm).', en: 'Group "progress and results of resolution" (at most 20 points).' },
    notCovered: {
      vi: 'Chưa tính hồ sơ đang giải quyết đã quá hạn, hồ sơ giải quyết trước hạn và hồ sơ không qua bộ phận một cửa hoặc bưu điện ở đây.',
      en: 'Dossiers still in progress past their due date, results ahead of time, and dossiers that did not pass through the desks or post offices here are not counted.',
    },
  },
  {
    indicator: QualityIndicator.ONLINE,
    maxPoints: 22,
    numerator: (c) => c.online,
    denominator: (c) => c.received,
    name: { vi: 'Tiếp nhận trực tuyến', en: 'Received online' },
    counts: {
      vi: 'Hồ sơ được tiếp nhận trong kỳ (theo ngày tiếp nhận); trong đó hồ sơ nộp trực tuyến (nộp qua cổng dịch vụ công, bưu điện thu gom hồ sơ giấy).',
      en: 'Dossiers received in the period (on the day of reception); of those, dossiers filed online (through a public-service portal, the paper dossier collected by the post office).',
    },
    formula: { vi: 'Tỷ lệ = số hồ sơ tiếp nhận trực tuyến ÷ tổng số hồ sơ tiếp nhận.', en: 'Share = dossiers received online ÷ dossiers received.' },
    decisionPart: { vi: 'Nhóm "Cung cấp dịch vụ trực tuyến" (tối đa 22 điểm).', en: 'Group "online service provision" (at most 22 points).' },
    notCovered: {
      vi: 'Chưa tính thanh toán trực tuyến, số thủ tục cung cấp dịch vụ công trực tuyến toàn trình và hồ sơ trực tuyến không qua bộ phận một cửa ở đây.',
      en: 'Online payment, the number of procedures offered fully online and online dossiers that never came to the desks here are not counted.',
    },
  },
  {
    indicator: QualityIndicator.DIGITISED,
    maxPoints: 22,
    numerator: (c) => c.digitised,
    denominator: (c) => c.received,
    name: { vi: 'Số hóa hồ sơ', en: 'Dossiers digitised' },
    counts: {
      vi: 'Hồ sơ được tiếp nhận trong kỳ; trong đó hồ sơ có ít nhất một thành phần và mọi thành phần đều đã được số hóa khi tiếp nhận.',
      en: 'Dossiers received in the period; of those, dossiers with at least one component, every component digitised at reception.',
    },
    formula: { vi: 'Tỷ lệ = số hồ sơ được số hóa đầy đủ ÷ tổng số hồ sơ tiếp nhận.', en: 'Share = dossiers fully digitised ÷ dossiers received.' },
    decisionPart: { vi: 'Nhóm "Số hóa hồ sơ" (tối đa 22 điểm).', en: 'Group "digitised dossiers" (at most 22 points).' },
    notCovered: {
      vi: 'Chưa tính kết quả giải quyết được cấp bản điện tử và việc khai thác, sử dụng lại dữ liệu đã số hóa.',
      en: 'Results issued electronically and the reuse of digitised data are not counted.',
    },
  },
  {
    indicator: QualityIndicator.SATISFACTION,
    maxPoints: 18,
    numerator: (c) => c.ratedSatisfied,
    denominator: (c) => c.ratedSatisfied + c.ratedNeutral + c.ratedDissatisfied,
    name: { vi: 'Mức độ hài lòng', en: 'Satisfaction' },
    counts: {
      vi: 'Đánh giá của người dân, doanh nghiệp khi nhận kết quả (tại quầy hoặc khi tra cứu hồ sơ), theo ngày đánh giá: hài lòng, bình thường, không hài lòng.',
      en: 'The applicants’ ratings when the result is returned (at the counter or on public tracking), on the day of the rating: satisfied, neutral, dissatisfied.',
    },
    formula: { vi: 'Tỷ lệ = số đánh giá hài lòng ÷ tổng số đánh giá.', en: 'Share = satisfied ratings ÷ ratings given.' },
    decisionPart: { vi: 'Nhóm "Mức độ hài lòng" (tối đa 18 điểm).', en: 'Group "satisfaction" (at most 18 points).' },
    notCovered: {
      vi: 'Chưa tính việc tiếp nhận, xử lý phản ánh, kiến nghị và đánh giá trên Cổng Dịch vụ công quốc gia.',
      en: 'Handling of complaints and suggestions and ratings on the National Public Service Portal are not counted.',
    },
  },
];

const GAPS: Array<{ name: Bilingual; maxPoints: number; reason: Bilingual }> = [
  {
    name: { vi: 'Công khai, minh bạch', en: 'Publicity and transparency' },
    maxPoints: 18,
    reason: {
      vi: 'Việc công khai thủ tục hành chính, cập nhật tiến độ hồ sơ lên cổng dịch vụ công không được ghi nhận ở hệ thống này.',
      en: 'Publishing procedures and posting dossiers’ progress on the public-service portals are not recorded in this system.',
    },
  },
];

const SCORING: Bilingual = {
  vi: 'Điểm tham khảo của mỗi chỉ số = tỷ lệ × điểm tối đa của nhóm tương ứng trong Quyết định 766/QĐ-TTg, làm tròn một chữ số thập phân; điểm của một dòng là tổng các chỉ số có số liệu, so với tổng điểm tối đa của các nhóm đó (nhiều nhất 82). Quyết định chấm từng chỉ số thành phần theo ngưỡng riêng và có cả nhóm công khai, minh bạch: đây không phải Chỉ số 100 điểm.',
  en: 'Each figure’s reference points = its share × the maximum points of its group in Decision 766/QĐ-TTg, to one decimal; a row’s points are the sum over the figures it has, out of those groups’ maxima (at most 82). The decision scores each sub-indicator against its own thresholds and has a publicity group too: this is not the 100-point index.',
};

const message = (m: Bilingual) => m[currentRequest()?.lang ?? 'vi'];
const round1 = (n: number) => Math.round(n * 10) / 10;
const zero = (): Counts => Object.fromEntries(COUNTS.map((c) => [c, 0])) as Counts;
const countsOf = (row: DossierVolumeRow): Counts => Object.fromEntries(COUNTS.map((c) => [c, row[c] ?? 0])) as Counts;
const add = (a: Counts, b: Counts): Counts => Object.fromEntries(COUNTS.map((c) => [c, a[c] + b[c]])) as Counts;

/** A row of the index from its counts: each figure's share and reference points, and the row's. */
export function qualityRow(base: { kind: VolumeRowKind; id: string | null; code: string | null; name: string; period: ReportPeriod }, counts: Counts): ServiceQualityRow {
  const figures: ServiceQualityFigure[] = QUALITY_METHODS.map((m) => {
    const numerator = m.numerator(counts);
    const denominator = m.denominator(counts);
    const share = denominator ? numerator / denominator : null;
    return { indicator: m.indicator, numerator, denominator, share, points: share === null ? null : round1(share * m.maxPoints), maxPoints: m.maxPoints };
  });
  const scored = figures.filter((f) => f.points !== null);
  return {
    ...base,
    ...counts,
    figures,
    points: scored.length ? round1(scored.reduce((s, f) => s + (f.points ?? 0), 0)) : null,
    maxPoints: scored.reduce((s, f) => s + f.maxPoints, 0),
  };
}

@Injectable()
export class ServiceQualityService {
  constructor(private readonly reports: ReportService) {}

  /** The index of a unit (see the module comment). Readers and scope: dossierVolumes'. */
  async index(actor: Actor, filter: ServiceQualityFilter): Promise<ServiceQualityReport> {
    const granularity = filter.granularity ?? ReportGranularity.MONTH;
    const breakdown = filter.breakdown ?? VolumeBreakdown.NONE;
    const volumes = await this.reports.dossierVolumes(actor, { unit: filter.unit, asOf: filter.asOf, from: filter.from, to: filter.to, granularity, breakdown }, { dossiersOnly: true });

    const whole: ReportPeriod = { start: volumes.from, end: volumes.to, label: volumes.totals.period.label || `${shownDay(volumes.from)} – ${shownDay(volumes.to)}` };
    const unitBase = { kind: VolumeRowKind.UNIT, id: volumes.unitId, code: null, name: volumes.unitName };
    const periods = new Map<string, { period: ReportPeriod; counts: Counts }>();
    const keyed = new Map<string, { row: DossierVolumeRow; counts: Counts }>();
    const cells: ServiceQualityRow[] = [];
    for (const row of volumes.rows) {
      const counts = countsOf(row);
      const p = periods.get(row.period.start) ?? { period: row.period, counts: zero() };
      p.counts = add(p.counts, counts);
      periods.set(row.period.start, p);
      if (breakdown === VolumeBreakdown.NONE) continue;
      cells.push(qualityRow(row, counts));
      const key = `${row.kind}|${row.id ?? ''}`;
      const k = keyed.get(key);
      if (k) k.counts = add(k.counts, counts);
      else keyed.set(key, { row, counts });
    }

    return {
      unitId: volumes.unitId,
      unitName: volumes.unitName,
      asOf: volumes.asOf,
      from: volumes.from,
      to: volumes.to,
      granularity,
      breakdown,
      methods: QUALITY_METHODS.map(
        (m): ServiceQualityMethod => ({ indicator: m.indicator, name: message(m.name), counts: message(m.counts), formula: message(m.formula), decisionPart: message(m.decisionPart), maxPoints: m.maxPoints, notCovered: message(m.notCovered) }),
      ),
      notCovered: GAPS.map((g): ServiceQualityGap => ({ name: message(g.name), maxPoints: g.maxPoints, reason: message(g.reason) })),
      scoring: message(SCORING),
      periods: [...periods.values()].sort((a, b) => a.period.start.localeCompare(b.period.start)).map((p) => qualityRow({ ...unitBase, period: p.period }, p.counts)),
      // In the order dossierVolumes gives its rows: the unit itself first, then Vietnamese order, the unattributed last.
      rows: [...keyed.values()].map((k) => qualityRow({ kind: k.row.kind, id: k.row.id, code: k.row.code, name: k.row.name, period: whole }, k.counts)),
      cells,
      totals: qualityRow({ ...unitBase, period: whole }, countsOf(volumes.totals)),
      note: volumes.note,
    };
  }
}
