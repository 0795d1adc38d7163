/**
 * Shapes of the reference data. Kept exactly as the API seed expects them.
 *
 * Identity of an administrative unit: the official statistical code is NOT unique over
 * time. The General Statistics Office gives every commune formed on 1 July 2025 the code of
 * one of the communes it replaced, and a unit that changes its type or name (xã → thị trấn,
 * thị xã → thành phố, huyện → thị xã) keeps its code. A record here is therefore one
 * *version* of a unit; `(code, validFrom)` is unique and two versions of one code never
 * overlap in time. Resolve a code on a date with `findUnit(code, date)`; use `unitKey(u)`
 * where a single-column key is needed. See README.md, "Identity and dates".
 */
export type AdministrativeLevel = 'PROVINCE' | 'DISTRICT' | 'COMMUNE';

export interface UnitRecord {
  /** official statistical code (mã đơn vị hành chính), digits only */
  code: string;
  /** full official name with its type, e.g. "Tỉnh Hà Tĩnh", "Huyện Kỳ Anh", "Xã Kỳ Bắc" */
  name: string;
  level: AdministrativeLevel;
  /** the unit it belonged to while in force (a 2025 commune's parent is the province) */
  parentCode: string | null;
  /** ISO date, first day in force ('2004-01-01' = in force before our data starts) */
  validFrom: string;
  /** ISO date, LAST day in force (inclusive); null = still in force */
  validTo: string | null;
  /** for retired units: the unit that took them over (resolve on the day after validTo) */
  successorCode: string | null;
}

export type AgencyKind =
  | 'PROVINCIAL_DEPARTMENT'
  | 'PUBLIC_ADMINISTRATION_CENTRE'
  | 'DISTRICT_PEOPLES_COMMITTEE'
  | 'COMMUNE_PEOPLES_COMMITTEE';

export interface AgencyRecord {
  code: string;
  name: string;
  kind: AgencyKind;
  unitCode: string;
}

export interface DeskRecord {
  code: string;
  name: string;
  level: AdministrativeLevel;
  agencyCode: string;
  unitCode: string;
  address: string | null;
}

export type PostOfficeKind = 'PROVINCIAL' | 'DISTRICT' | 'POST_OFFICE' | 'COMMUNE_CULTURAL';

export interface PostOfficeRecord {
  code: string;
  name: string;
  kind: PostOfficeKind;
  unitCode: string;
  parentCode: string | null;
  address: string | null;
}

export interface Source {
  id: string;
  title: string;
  publisher: string;
  url?: string;
  note?: string;
}

export type SiteStatusName = 'PLANNED' | 'PREPARING' | 'LAUNCHED' | 'OPERATING' | 'REVIEWED' | 'SUSPENDED' | 'WITHDRAWN';
export type HandoverStatusName = 'DRAFT' | 'SIGNED' | 'EFFECTIVE' | 'REVERSED';
export interface LevelTargetsRecord {
  province: number;
  district: number;
  commune: number;
}
export interface PersonRecord {
  fullName: string;
  position: string | null;
  employer: string;
}
export interface HandoverRecordBase {
  recordNumber: string | null;
  signedOn: string | null;
  effectiveOn: string | null;
  status: HandoverStatusName;
}
export interface PersonnelHandoverRecord extends HandoverRecordBase {
  tasks: Array<'ON_DUTY' | 'GUIDANCE' | 'RECEIVING' | 'DIGITISING' | 'RETURNING_RESULTS'>;
  relieved: PersonRecord[];
  deployed: PersonRecord[];
}
export interface FacilityHandoverRecord extends HandoverRecordBase {
  premisesBefore: { address: string; owner: string } | null;
  premisesAfter: { address: string; owner: string } | null;
  equipment: Array<{ type: string; quantity: number; value: number; fundedBy: string }>;
  constructionCost: number;
  relocationOn: string | null;
}
export interface PilotSiteRecord {
  deskCode: string;
  model: 'AT_AGENCY' | 'AT_POST_OFFICE';
  postOfficeCode: string | null;
  plannedLaunch: string;
  /** The enrolment (PLANNED) and every later move, in order. */
  moves: Array<{ status: SiteStatusName; on: string }>;
  notes?: Partial<Record<SiteStatusName, string>>;
  /** Checklist items ticked, for a site not launched (a launched site has all of them). */
  readinessDone?: string[];
  personnel?: PersonnelHandoverRecord[];
  facilities?: FacilityHandoverRecord[];
}
export interface RolloutPhaseRecord {
  name: string;
  firstPlan: { plannedStart: string; plannedEnd: string; targets: LevelTargetsRecord };
  replans: Array<{ plannedStart: string; plannedEnd: string; targets: LevelTargetsRecord; reason: string; on: string }>;
  goLiveGates: string[];
  actualStart: string | null;
  actualEnd: string | null;
  sites: PilotSiteRecord[];
}
export interface PilotProgrammeRecord {
  code: string;
  name: string;
  /** The province as it was (pre-2025 code). */
  provinceCode: string;
  status: 'DRAFT' | 'ACTIVE' | 'CLOSED';
  legalBasis: Array<{ number: string; signedOn: string; issuer: string; title: string }>;
  committee: Array<{ fullName: string; position: string; committeeRole: 'HEAD' | 'DEPUTY_HEAD' | 'MEMBER' | 'SECRETARY' }>;
  readinessItems: Array<{ key: string; label: string }>;
  phases: RolloutPhaseRecord[];
  meetings: Array<{
    kind: 'QUARTERLY_REVIEW' | 'PRELIMINARY_REVIEW' | 'INSPECTION' | 'OTHER';
    heldOn: string;
    title: string;
    location: string | null;
    decisions: string[];
    siteDeskCodes: string[];
    actionItems: Array<{ title: string; owner: string; dueOn: string; siteDeskCode: string | null; state: 'OPEN' | 'IN_PROGRESS' | 'DONE' | 'CANCELLED' }>;
  }>;
}
