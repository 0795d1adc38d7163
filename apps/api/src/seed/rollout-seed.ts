import * as reference from '@osp/reference-data';
import type { EntityManager } from 'typeorm';
import { AdministrativeLevel } from '../modules/administrative-units/administrative-unit.entity';
import { FacilityHandover, PersonnelHandover } from '../modules/handover/handover.entity';
import { HandoverStatus } from '../modules/handover/handover.types';
import { PilotProgramme } from '../modules/rollout/pilot-programme.entity';
import { PilotSite, SiteStatusChange } from '../modules/rollout/pilot-site.entity';
import { PhasePlanRevision, RolloutPhase } from '../modules/rollout/rollout-phase.entity';
import { notBeforeProgramme } from '../modules/rollout/rollout-access';
import { ActionItemState, PhaseStatus, ProgrammeStatus, SiteStatus } from '../modules/rollout/rollout.enums';
import type { ReadinessState } from '../modules/rollout/rollout.types';
import { ActionItem, SteeringMeeting } from '../modules/rollout/steering-meeting.entity';
import { DEMO_SEED_LABEL } from '../modules/audit/audit.service';

/** Who wrote the seed's histories: a system actor, shown as "Dữ liệu mẫu", never as a person. */
const SEED_ACTOR = DEMO_SEED_LABEL;

/**
 * Loads the pilot programmes of packages/reference-data (Hà Tĩnh, Bình Phước) with their phases,
 * sites and status histories, handovers and steering meetings. Runs inside the demo seed's
 * transaction, after the organisation data it refers to by code.
 */
export async function loadPilotProgrammes(m: EntityManager): Promise<{ programmes: number; sites: number }> {
  const ids = async (table: string): Promise<Map<string, { id: string; name: string; level?: AdministrativeLevel }>> => {
    const rows = await m.query(`SELECT id, code, name${table === 'one_stop_desk' ? ', level' : ''} FROM ${table}`);
    return new Map(rows.map((r: { code: string }) => [r.code, r]));
  };
  const desks = await ids('one_stop_desk');
  const offices = await ids('post_office');
  const need = <T>(map: Map<string, T>, code: string, what: string): T => {
    const found = map.get(code);
    if (!found) throw new Error(`pilot data: unknown ${what} ${code}`);
    return found;
  };
  let siteCount = 0;

  for (const p of reference.pilotProgrammes) {
    const firstDay = p.legalBasis.map((d) => d.signedOn).sort()[0];
    const [province] = await m.query(
      `SELECT id, osp_province_of(osp_unit_as_of(id, CURRENT_DATE)) AS owner FROM administrative_unit
        WHERE code = $1 AND valid_from <= $2 AND (valid_to IS NULL OR valid_to >= $2)`,
      [p.provinceCode, firstDay],
    );
    if (!province) throw new Error(`pilot data: no province ${p.provinceCode} on ${firstDay}`);
    const provinceId: string = province.owner;
    const programme = m.getRepository(PilotProgramme).create({
      code: p.code,
      name: p.name,
      administrativeUnitId: province.id,
      provinceId,
      status: p.status as ProgrammeStatus,
      legalBasis: p.legalBasis,
      committee: p.committee as PilotProgramme['committee'],
      readinessItems: p.readinessItems,
      version: 1,
    });
    await m.getRepository(PilotProgramme).insert(programme);
    const siteIdByDesk = new Map<string, string>();

    for (const [index, ph] of p.phases.entries()) {
      const plan = ph.replans.at(-1) ?? ph.firstPlan;
      const phase = m.getRepository(RolloutPhase).create({
        programmeId: programme.id,
        provinceId,
        ordinal: index + 1,
        name: ph.name,
        plannedStart: plan.plannedStart,
        plannedEnd: plan.plannedEnd,
        actualStart: ph.actualStart,
        actualEnd: ph.actualEnd,
        targetProvince: plan.targets.province,
        targetDistrict: plan.targets.district,
        targetCommune: plan.targets.commune,
        goLiveGates: ph.goLiveGates,
        status: ph.actualEnd ? PhaseStatus.CLOSED : ph.actualStart ? PhaseStatus.IN_PROGRESS : PhaseStatus.PLANNED,
        version: 1 + ph.replans.length,
      });
      await m.getRepository(RolloutPhase).insert(phase);
      // Each re-plan replaced the plan before it.
      const plans = [ph.firstPlan, ...ph.replans];
      for (const [i, replan] of ph.replans.entries()) {
        const before = plans[i];
        await m.getRepository(PhasePlanRevision).insert({
          phaseId: phase.id,
          provinceId,
          revision: i + 1,
          plannedStart: before.plannedStart,
          plannedEnd: before.plannedEnd,
          targetProvince: before.targets.province,
          targetDistrict: before.targets.district,
          targetCommune: before.targets.commune,
          reason: replan.reason,
          actorId: null,
          actorLabel: SEED_ACTOR,
          replacedAt: new Date(`${replan.on}T09:00:00+07:00`),
        });
      }

      for (const s of ph.sites) {
        const desk = need(desks, s.deskCode, 'desk');
        // The demo data keeps the rule the API enforces: no day of a site or its handovers before the programme starts.
        const at = (field: string) => `pilot data ${p.code} ${s.deskCode}: ${field}`;
        notBeforeProgramme(p, s.plannedLaunch, at('plannedLaunch'), { vi: 'Ngày dự kiến khai trương không thể', en: 'The planned launch cannot be' });
        for (const h of [...(s.personnel ?? []), ...(s.facilities ?? [])]) {
          notBeforeProgramme(p, h.effectiveOn, at('effectiveOn'), { vi: 'Ngày có hiệu lực không thể', en: 'It cannot take effect' });
          notBeforeProgramme(p, h.signedOn, at('signedOn'), { vi: 'Ngày ký biên bản không thể', en: 'The record cannot be signed' });
        }
        const last = s.moves.at(-1)!;
        const launched = s.moves.find((mv) => mv.status === 'LAUNCHED');
        const readiness: ReadinessState = {};
        const done = launched ? p.readinessItems.map((item) => item.key) : (s.readinessDone ?? []);
        const tickedOn = s.moves.find((mv) => mv.status === 'PREPARING')?.on ?? s.moves[0].on;
        for (const key of done) readiness[key] = { doneOn: tickedOn, doneBy: SEED_ACTOR, note: null };
        const site = m.getRepository(PilotSite).create({
          phaseId: phase.id,
          programmeId: programme.id,
          provinceId,
          oneStopDeskId: desk.id,
          level: desk.level,
          handoverModel: s.model as PilotSite['handoverModel'],
          postOfficeId: s.postOfficeCode ? need(offices, s.postOfficeCode, 'post office').id : null,
          plannedLaunch: s.plannedLaunch,
          status: last.status as SiteStatus,
          statusSince: last.on,
          suspendedFrom: null,
          launchedOn: launched?.on ?? null,
          readiness,
          note: null,
          version: s.moves.length,
        });
        await m.getRepository(PilotSite).insert(site);
        siteIdByDesk.set(s.deskCode, site.id);
        siteCount += 1;
        await m.getRepository(SiteStatusChange).insert(
          s.moves.map((mv, i) => ({
            siteId: site.id,
            provinceId,
            fromStatus: i === 0 ? null : (s.moves[i - 1].status as SiteStatus),
            toStatus: mv.status as SiteStatus,
            on: mv.on,
            note: s.notes?.[mv.status] ?? null,
            actorId: null,
            actorLabel: SEED_ACTOR,
            recordedAt: new Date(`${mv.on}T09:00:00+07:00`),
          })),
        );
        const office = s.postOfficeCode ? need(offices, s.postOfficeCode, 'post office') : null;
        const common = (h: { effectiveOn: string | null; recordNumber: string | null; signedOn: string | null; status: string }) => ({
          siteId: site.id,
          phaseId: phase.id,
          programmeId: programme.id,
          provinceId,
          effectiveOn: h.effectiveOn,
          recordNumber: h.recordNumber,
          recordSignedOn: h.signedOn,
          signatories: h.recordNumber
            ? [
                { fullName: 'Đại diện cơ quan (demo)', position: 'Chánh Văn phòng', organisation: desk.name },
                { fullName: 'Đại diện bưu điện (demo)', position: 'Giám đốc', organisation: office?.name ?? 'Bưu điện tỉnh' },
              ]
            : [],
          status: h.status as HandoverStatus,
          statusSince: h.effectiveOn ?? h.signedOn ?? s.moves[0].on,
          reversalReason: null,
          note: null,
          version: h.status === 'EFFECTIVE' ? 3 : h.status === 'SIGNED' ? 2 : 1,
        });
        for (const h of s.personnel ?? []) {
          await m.getRepository(PersonnelHandover).insert({ ...common(h), tasks: h.tasks as PersonnelHandover['tasks'], relieved: h.relieved, deployed: h.deployed });
        }
        for (const h of s.facilities ?? []) {
          await m.getRepository(FacilityHandover).insert({
            ...common(h),
            premisesBefore: h.premisesBefore,
            premisesAfter: h.premisesAfter,
            equipment: h.equipment,
            constructionCost: h.constructionCost,
            relocationOn: h.relocationOn,
            conditionNotes: null,
          });
        }
      }
    }

    for (const mt of p.meetings) {
      const siteOf = (deskCode: string) => need(siteIdByDesk, deskCode, 'pilot site of desk');
      const meeting = m.getRepository(SteeringMeeting).create({
        programmeId: programme.id,
        provinceId,
        kind: mt.kind as SteeringMeeting['kind'],
        heldOn: mt.heldOn,
        title: mt.title,
        location: mt.location,
        decisions: mt.decisions,
        siteIds: mt.siteDeskCodes.map(siteOf),
      });
      await m.getRepository(SteeringMeeting).insert(meeting);
      for (const a of mt.actionItems) {
        const closed = a.state === 'DONE' || a.state === 'CANCELLED';
        await m.getRepository(ActionItem).insert({
          meetingId: meeting.id,
          programmeId: programme.id,
          provinceId,
          siteId: a.siteDeskCode ? siteOf(a.siteDeskCode) : null,
          title: a.title,
          owner: a.owner,
          dueOn: a.dueOn,
          state: a.state as ActionItemState,
          closedOn: closed ? a.dueOn : null,
          version: 1,
        });
      }
    }
  }
  return { programmes: reference.pilotProgrammes.length, sites: siteCount };
}
