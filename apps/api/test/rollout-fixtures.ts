/**
 * Rollout records made over HTTP, the way the steering committee's screens make them: fresh desks,
 * programmes, phases and pilot sites brought to any status. Every test makes its own records, so
 * nothing here depends on the demo rollout data (if any is loaded) beyond the organisation seed.
 */
import { addDays, todayInVietnam } from '../src/platform/graphql/scalars';
import { failure, ok, type GraphQLResult, type TestApp } from './harness';

export const today = todayInVietnam();
export const daysAgo = (n: number) => addDays(today, -n);
export const daysAhead = (n: number) => addDays(today, n);
export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** Units in force today: Hà Tĩnh and one of its communes (Kỳ Xuân), Đồng Nai and one of its communes. */
export const HT = '42';
export const HT_COMMUNE = '18766';
export const DN = '75';
export const DN_COMMUNE = '25390';

export const SITE_STATUSES = ['PLANNED', 'PREPARING', 'LAUNCHED', 'OPERATING', 'REVIEWED', 'SUSPENDED', 'WITHDRAWN'] as const;
export type SiteStatus = (typeof SITE_STATUSES)[number];

export const PROGRAMME = `id code name status version province { code } administrativeUnit { code }
  legalBasis { number signedOn issuer title } committee { fullName position committeeRole } readinessItems { key label }`;
export const PHASE = `id ordinal name status version plannedStart plannedEnd actualStart actualEnd goLiveGates
  targets { province district commune }
  planHistory { revision plannedStart plannedEnd targets { province district commune } reason actorLabel replacedAt }`;
export const SITE = `id version status statusSince suspendedFrom launchedOn plannedLaunch late level handoverModel note allowedMoves
  oneStopDesk { id code } postOffice { id code }
  readiness { key label done doneOn doneBy note }
  history { fromStatus toStatus on actorLabel note }`;

export const DECISION_2459 = { number: '2459/QĐ-UBND', signedOn: '2019-07-23', issuer: 'UBND tỉnh Hà Tĩnh', title: 'Phê duyệt Đề án thí điểm chuyển giao nhiệm vụ hành chính công qua dịch vụ bưu chính công ích' };
export const DECISION_45 = { number: '45/2016/QĐ-TTg', signedOn: '2016-10-19', issuer: 'Thủ tướng Chính phủ', title: 'Tiếp nhận hồ sơ, trả kết quả giải quyết thủ tục hành chính qua dịch vụ bưu chính công ích' };
export const COMMITTEE = [
  { fullName: 'Đặng Quốc Vinh', position: 'Phó Chủ tịch UBND tỉnh', committeeRole: 'HEAD' },
  { fullName: 'Nguyễn Văn Sơn', position: 'Giám đốc Bưu điện tỉnh', committeeRole: 'DEPUTY_HEAD' },
];
/** A one-item checklist, for tests about something other than readiness. */
export const ONE_ITEM = [{ key: 'ready', label: 'Sẵn sàng' }];
export const DEFAULT_KEYS = ['agreement_signed', 'staff_trained', 'equipment_installed', 'procedures_published', 'signage_installed'];

/** The mutations, each answering with the full record. */
export const M = {
  createProgramme: `mutation($input: CreatePilotProgrammeInput!) { createPilotProgramme(input: $input) { pilotProgramme { ${PROGRAMME} } } }`,
  updateProgramme: `mutation($input: UpdatePilotProgrammeInput!) { updatePilotProgramme(input: $input) { pilotProgramme { ${PROGRAMME} } } }`,
  programmeStatus: `mutation($input: ChangePilotProgrammeStatusInput!) { changePilotProgrammeStatus(input: $input) { pilotProgramme { ${PROGRAMME} } } }`,
  addPhase: `mutation($input: AddRolloutPhaseInput!) { addRolloutPhase(input: $input) { rolloutPhase { ${PHASE} } } }`,
  replan: `mutation($input: ReplanRolloutPhaseInput!) { replanRolloutPhase(input: $input) { rolloutPhase { ${PHASE} } } }`,
  phaseStatus: `mutation($input: ChangeRolloutPhaseStatusInput!) { changeRolloutPhaseStatus(input: $input) { rolloutPhase { ${PHASE} } } }`,
  enrol: `mutation($input: EnrolPilotSitesInput!) { enrolPilotSites(input: $input) { pilotSites { ${SITE} } } }`,
  updateSite: `mutation($input: UpdatePilotSiteInput!) { updatePilotSite(input: $input) { pilotSite { ${SITE} } } }`,
  move: `mutation($input: MovePilotSiteInput!) { movePilotSite(input: $input) { pilotSite { ${SITE} } } }`,
  readiness: `mutation($input: SetReadinessInput!) { setPilotSiteReadiness(input: $input) { pilotSite { ${SITE} } } }`,
};
export const Q = {
  programme: `query($id: ID!) { pilotProgramme(id: $id) { ${PROGRAMME} } }`,
  phase: `query($id: ID!) { rolloutPhase(id: $id) { ${PHASE} } }`,
  site: `query($id: ID!) { pilotSite(id: $id) { ${SITE} } }`,
};

/** The error code and the fields an error names, for compact assertions. */
export const summary = (result: GraphQLResult) => {
  const error = failure(result);
  return { code: error.extensions.code, fields: (error.extensions.fields ?? []).map((f) => f.field) };
};

export interface Entry {
  oneStopDeskId: string;
  handoverModel?: 'AT_AGENCY' | 'AT_POST_OFFICE';
  postOfficeId?: string | null;
  plannedLaunch?: string | null;
}

/** The path from enrolment to each status a site can be in (SUSPENDED in its three flavours). */
export const PATHS: Record<string, SiteStatus[]> = {
  PLANNED: [],
  PREPARING: ['PREPARING'],
  LAUNCHED: ['PREPARING', 'LAUNCHED'],
  OPERATING: ['PREPARING', 'LAUNCHED', 'OPERATING'],
  REVIEWED: ['PREPARING', 'LAUNCHED', 'OPERATING', 'REVIEWED'],
  WITHDRAWN: ['WITHDRAWN'],
  'SUSPENDED from PREPARING': ['PREPARING', 'SUSPENDED'],
  'SUSPENDED from LAUNCHED': ['PREPARING', 'LAUNCHED', 'SUSPENDED'],
  'SUSPENDED from OPERATING': ['PREPARING', 'LAUNCHED', 'OPERATING', 'SUSPENDED'],
};

/** The machine as the users know it: from each status (and flavour of SUSPENDED), the moves allowed. */
export const LEGAL_MOVES: Record<string, SiteStatus[]> = {
  PLANNED: ['PREPARING', 'WITHDRAWN'],
  PREPARING: ['LAUNCHED', 'SUSPENDED', 'WITHDRAWN'],
  LAUNCHED: ['OPERATING', 'SUSPENDED'],
  OPERATING: ['REVIEWED', 'SUSPENDED'],
  REVIEWED: [],
  WITHDRAWN: [],
  'SUSPENDED from PREPARING': ['PREPARING', 'WITHDRAWN'],
  'SUSPENDED from LAUNCHED': ['LAUNCHED'],
  'SUSPENDED from OPERATING': ['OPERATING'],
};

/** Makes rollout records as `as` (the steering committee of Hà Tĩnh unless told). */
export class RolloutFixtures {
  readonly desks: Record<string, string> = {};
  readonly offices: Record<string, string> = {};
  readonly agencies: Record<string, string> = {};
  private counter = 0;
  private districtCode: Promise<string> | null = null;

  constructor(
    private readonly t: TestApp,
    readonly as = 'hatinh.bcd',
  ) {}

  /** Reads the ids of the demo organisation (desks, post offices, agencies) by code. */
  async init(): Promise<this> {
    const all = ok(
      await this.t.gql(
        `{
          agencies(first: 100) { edges { node { id code } } }
          oneStopDesks(first: 100) { edges { node { id code } } }
          postOffices(first: 100) { edges { node { id code } } }
        }`,
        {},
        { as: 'admin' },
      ),
    );
    for (const [target, connection] of [[this.agencies, all.agencies], [this.desks, all.oneStopDesks], [this.offices, all.postOffices]] as const) {
      for (const { node } of connection.edges) target[node.code] = node.id;
    }
    return this;
  }

  unique(prefix: string): string {
    return `${prefix}-${++this.counter}`;
  }

  /** Runs an operation that must succeed and answers its data. */
  async run(query: string, variables: Record<string, unknown>, as = this.as): Promise<any> {
    return ok(await this.t.gql(query, variables, { as }));
  }

  /**
   * A new desk of its own (made by the national administrator), so a test never meets a desk
   * enrolled elsewhere. Level follows the unit: '42' province, a commune code commune, 'DISTRICT' a
   * district of Hà Tĩnh made for the tests (districts ended in 2025; the seed's are all in the pilot).
   */
  async desk(unitCode: string = HT_COMMUNE, agencyCode = '42-STTTT', name?: string): Promise<string> {
    const unit = unitCode === 'DISTRICT' ? await this.district() : unitCode;
    const code = this.unique('T-MC');
    const data = await this.run(
      `mutation($input: CreateOneStopDeskInput!) { createOneStopDesk(input: $input) { oneStopDesk { id } } }`,
      { input: { code, name: name ?? `Bộ phận Một cửa thử nghiệm ${code}`, agencyId: this.agencies[agencyCode], administrativeUnitCode: unit } },
      'admin',
    );
    return data.createOneStopDesk.oneStopDesk.id;
  }

  private district(): Promise<string> {
    this.districtCode ??= this.run(
      `mutation { createAdministrativeUnit(input: { code: "99901", name: "Huyện Thử Nghiệm", level: DISTRICT, parentCode: "42", validFrom: "2024-01-01" }) { administrativeUnit { code } } }`,
      {},
      'admin',
    ).then((d) => d.createAdministrativeUnit.administrativeUnit.code);
    return this.districtCode;
  }

  async programme(input: Record<string, unknown> = {}, as = this.as): Promise<any> {
    const data = await this.run(
      M.createProgramme,
      { input: { code: this.unique('T-HT'), name: 'Đề án thí điểm chuyển giao qua bưu chính công ích', provinceCode: HT, legalBasis: [DECISION_2459, DECISION_45], committee: COMMITTEE, ...input } },
      as,
    );
    return data.createPilotProgramme.pilotProgramme;
  }

  async programmeTo(programme: any, status: 'ACTIVE' | 'CLOSED', as = this.as): Promise<any> {
    const data = await this.run(M.programmeStatus, { input: { id: programme.id, version: programme.version, status } }, as);
    return data.changePilotProgrammeStatus.pilotProgramme;
  }

  async phase(programmeId: string, input: Record<string, unknown> = {}, as = this.as): Promise<any> {
    const data = await this.run(
      M.addPhase,
      { input: { programmeId, name: this.unique('Giai đoạn'), plannedStart: daysAgo(60), plannedEnd: daysAhead(60), targets: { province: 8, district: 4, commune: 8 }, goLiveGates: [], ...input } },
      as,
    );
    return data.addRolloutPhase.rolloutPhase;
  }

  async phaseTo(phase: any, status: 'IN_PROGRESS' | 'CLOSED', on?: string, as = this.as): Promise<any> {
    const data = await this.run(M.phaseStatus, { input: { id: phase.id, version: phase.version, status, on } }, as);
    return data.changeRolloutPhaseStatus.rolloutPhase;
  }

  /** An active programme (one-item checklist unless told) with a phase under way. */
  async startedPhase(programmeInput: Record<string, unknown> = { readinessItems: ONE_ITEM }, phaseInput: Record<string, unknown> = {}, as = this.as) {
    const programme = await this.programmeTo(await this.programme(programmeInput, as), 'ACTIVE', as);
    const phase = await this.phaseTo(await this.phase(programme.id, phaseInput, as), 'IN_PROGRESS', daysAgo(30), as);
    return { programme, phase };
  }

  async enrol(phaseId: string, entries: Entry[], on?: string, as = this.as): Promise<any[]> {
    const sites = entries.map((e) => ({ handoverModel: 'AT_AGENCY', ...e }));
    return (await this.run(M.enrol, { input: { phaseId, sites, on } }, as)).enrolPilotSites.pilotSites;
  }

  /** One new desk enrolled in the phase. */
  async site(phaseId: string, entry: Partial<Entry> = {}, on?: string, unitCode?: string): Promise<any> {
    const [site] = await this.enrol(phaseId, [{ oneStopDeskId: entry.oneStopDeskId ?? (await this.desk(unitCode)), ...entry }], on);
    return site;
  }

  async move(site: any, to: SiteStatus, extra: { on?: string; note?: string } = {}, as = this.as): Promise<any> {
    return (await this.run(M.move, { input: { id: site.id, version: site.version, to, ...extra } }, as)).movePilotSite.pilotSite;
  }

  async tick(site: any, key: string, done = true, extra: { on?: string; note?: string } = {}, as = this.as): Promise<any> {
    return (await this.run(M.readiness, { input: { id: site.id, version: site.version, key, done, ...extra } }, as)).setPilotSiteReadiness.pilotSite;
  }

  /** Ticks every item of the site's checklist not done yet. */
  async tickAll(site: any, as = this.as): Promise<any> {
    let current = site;
    for (const item of site.readiness) if (!item.done) current = await this.tick(current, item.key, true, {}, as);
    return current;
  }

  /** Walks a site along a path of moves (ticking the checklist before launch), one day apart, ending today. */
  async walk(site: any, path: SiteStatus[]): Promise<any> {
    let current = site;
    for (const [i, to] of path.entries()) {
      if (to === 'LAUNCHED' && current.status === 'PREPARING') current = await this.tickAll(current);
      current = await this.move(current, to, { on: daysAgo(path.length - 1 - i) });
    }
    return current;
  }

  /** A new site in the phase, brought to a status of PATHS (enrolled some days ago so every move has its own day). */
  async siteIn(phaseId: string, state: keyof typeof PATHS | string, entry: Partial<Entry> = {}, unitCode?: string): Promise<any> {
    const path = PATHS[state];
    const site = await this.site(phaseId, entry, daysAgo(path.length + 1), unitCode);
    return this.walk(site, path);
  }

  async readSite(id: string): Promise<any> {
    return (await this.run(Q.site, { id }, 'admin')).pilotSite;
  }
}

/** Tables of the rollout and handover modules, and the audit trail. */
const ROLLOUT_TABLES = [
  'pilot_programme', 'rollout_phase', 'phase_plan_revision', 'pilot_site', 'site_status_change',
  'steering_meeting', 'action_item', 'personnel_handover', 'facility_handover', 'audit_entry',
];

/** A fingerprint of every rollout and handover table and the audit trail: equal before and after = nothing changed. */
export async function rolloutState(t: TestApp): Promise<Record<string, string>> {
  const state: Record<string, string> = {};
  for (const table of ROLLOUT_TABLES) {
    const [row] = await t.sql(`SELECT count(*)::int AS n, coalesce(md5(string_agg(x::text, '|' ORDER BY x.id)), '') AS h FROM ${table} x`);
    state[table] = `${row.n}:${row.h}`;
  }
  return state;
}

/** Signs the users in once, so that later requests write no sign-in entry to the audit trail. */
export async function warmUp(t: TestApp, users: string[]): Promise<void> {
  for (const as of users) ok(await t.gql('{ me { id } }', {}, { as }));
}
