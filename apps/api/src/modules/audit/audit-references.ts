/**
 * The records an audit entry names by id: the entry's own record and the ids its before and after
 * hold (a desk's `agencyId`, a site's `phaseId`, a meeting's `siteIds`…). The trail answers them with
 * the record's name, so that a reader sees "Sở Thông tin và Truyền thông", not a uuid.
 *
 * A new module that audits a record adds its entity type to AUDIT_NAMES and, when its snapshots hold
 * ids of other records, their fields to REFERENCE_FIELDS.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/**
 * How to read the display name of each audited entity type: its table and an SQL expression on `t`.
 * `provinceOwned`: true for a `province_id` column, 'provinceIds' for a `province_ids` array (a record
 * of several provinces), false for national records.
 */
export const AUDIT_NAMES: Readonly<Record<string, { table: string; name: string; provinceOwned: boolean | 'provinceIds' }>> = {
  AdministrativeUnit: { table: 'administrative_unit', name: 't.name', provinceOwned: false },
  Agency: { table: 'agency', name: 't.name', provinceOwned: true },
  OneStopDesk: { table: 'one_stop_desk', name: 't.name', provinceOwned: true },
  PostOffice: { table: 'post_office', name: 't.name', provinceOwned: true },
  User: { table: 'app_user', name: 't.display_name', provinceOwned: true },
  PilotProgramme: { table: 'pilot_programme', name: 't.name', provinceOwned: true },
  RolloutPhase: { table: 'rollout_phase', name: 't.name', provinceOwned: true },
  // A site, and a handover of a site, are known by the desk they concern.
  PilotSite: { table: 'pilot_site', name: '(SELECT d.name FROM one_stop_desk d WHERE d.id = t.one_stop_desk_id)', provinceOwned: true },
  SteeringMeeting: { table: 'steering_meeting', name: 't.title', provinceOwned: true },
  ActionItem: { table: 'action_item', name: 't.title', provinceOwned: true },
  PersonnelHandover: {
    table: 'personnel_handover',
    name: '(SELECT d.name FROM pilot_site s JOIN one_stop_desk d ON d.id = s.one_stop_desk_id WHERE s.id = t.site_id)',
    provinceOwned: true,
  },
  FacilityHandover: {
    table: 'facility_handover',
    name: '(SELECT d.name FROM pilot_site s JOIN one_stop_desk d ON d.id = s.one_stop_desk_id WHERE s.id = t.site_id)',
    provinceOwned: true,
  },
  Staff: { table: 'staff', name: 't.full_name', provinceOwned: true },
  // An assignment, a qualification, an absence is known by its person; a shift by its person too.
  StaffAssignment: { table: 'staff_assignment', name: '(SELECT p.full_name FROM staff p WHERE p.id = t.staff_id)', provinceOwned: true },
  Qualification: { table: 'qualification', name: '(SELECT p.full_name FROM staff p WHERE p.id = t.staff_id)', provinceOwned: true },
  Absence: { table: 'absence', name: '(SELECT p.full_name FROM staff p WHERE p.id = t.staff_id)', provinceOwned: true },
  Shift: { table: 'shift', name: '(SELECT p.full_name FROM staff p WHERE p.id = t.staff_id)', provinceOwned: true },
  TrainingSession: { table: 'training_session', name: 't.place', provinceOwned: true },
  Counter: { table: 'counter', name: `'Quầy ' || t.number || ' – ' || t.name`, provinceOwned: true },
  OpeningException: { table: 'opening_exception', name: 't.note', provinceOwned: true },
  ProcedureField: { table: 'procedure_field', name: 't.name', provinceOwned: false },
  // An adjustment of the working calendar is known by its day (dd/MM/yyyy) and name.
  CalendarAdjustment: { table: 'calendar_adjustment', name: `to_char(t.day, 'DD/MM/YYYY') || ' – ' || t.name`, provinceOwned: false },
  Procedure: { table: 'procedure', name: `t.code || ' – ' || t.name`, provinceOwned: true },
  // A dossier is known by its code (never by the applicant: personal data stays out of the trail).
  Dossier: { table: 'dossier', name: 't.code', provinceOwned: true },
  PickupAppointment: { table: 'pickup_appointment', name: '(SELECT d.code FROM dossier d WHERE d.id = t.dossier_id)', provinceOwned: true },
  // A portal's client acts for one or more provinces (`province_ids`): named to a reader of any of them.
  ApiClient: { table: 'api_client', name: 't.name', provinceOwned: 'provinceIds' },
  // A client's notification endpoint is known by its address, a delivery by its webhook-id and dossier.
  // Neither has a province of its own: their ids appear only in their own entries, which the trail
  // already shows to readers of the client's province alone.
  WebhookEndpoint: { table: 'webhook_endpoint', name: 't.url', provinceOwned: false },
  WebhookDelivery: { table: 'webhook_delivery', name: `t.message_id || ' – ' || t.dossier_code`, provinceOwned: false },
  // A submission of aggregate figures is known by its unit and period.
  AggregateFigure: {
    table: 'aggregate_figure',
    name: `(SELECT u.name FROM administrative_unit u WHERE u.id = t.administrative_unit_id) || ' ' || to_char(t.period_start, 'DD/MM/YYYY') || '–' || to_char(t.period_end, 'DD/MM/YYYY')`,
    provinceOwned: true,
  },
  // A target is known by its unit, what it measures and its period.
  ReportTarget: {
    table: 'report_target',
    name: `(SELECT u.name FROM administrative_unit u WHERE u.id = t.administrative_unit_id) || ' ' || CASE t.metric WHEN 'ONLINE_SHARE' THEN 'tỷ lệ trực tuyến' ELSE 'tỷ lệ qua BCCI' END || ' ' || to_char(t.period_start, 'DD/MM/YYYY') || '–' || to_char(t.period_end, 'DD/MM/YYYY')`,
    provinceOwned: true,
  },
};

/** Fields of a snapshot that hold the id (or ids) of another record, and that record's type. */
const SHARED_REFERENCES: Readonly<Record<string, string>> = {
  provinceId: 'AdministrativeUnit',
  administrativeUnitId: 'AdministrativeUnit',
  scopeUnitId: 'AdministrativeUnit',
  successorId: 'AdministrativeUnit',
  agencyId: 'Agency',
  oneStopDeskId: 'OneStopDesk',
  postOfficeId: 'PostOffice',
  programmeId: 'PilotProgramme',
  phaseId: 'RolloutPhase',
  siteId: 'PilotSite',
  siteIds: 'PilotSite',
  meetingId: 'SteeringMeeting',
  staffId: 'Staff',
  attendeeIds: 'Staff',
  deskId: 'OneStopDesk',
  homeDeskId: 'OneStopDesk',
  homeUnitId: 'AdministrativeUnit',
  counterId: 'Counter',
  fieldId: 'ProcedureField',
  fieldIds: 'ProcedureField',
  trainingSessionId: 'TrainingSession',
  shiftIds: 'Shift',
  userId: 'User',
  procedureId: 'Procedure',
  dossierId: 'Dossier',
  clerkId: 'User',
  postmanId: 'Staff',
};

/** Fields whose target depends on the record (a unit's parent is a unit, a post office's a post office). */
const OWN_REFERENCES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  AdministrativeUnit: { parentId: 'AdministrativeUnit' },
  PostOffice: { parentId: 'PostOffice' },
  // An ApiClient's own clientId is its public osp_… id, not a uuid; an endpoint's is the client's record.
  WebhookEndpoint: { clientId: 'ApiClient' },
};

/** The entity type a field of `entityType`'s snapshot refers to, or null when it holds no id. */
export function referenceTypeOf(entityType: string, field: string): string | null {
  if (field === 'id') return entityType;
  return OWN_REFERENCES[entityType]?.[field] ?? SHARED_REFERENCES[field] ?? null;
}

export interface RecordKey {
  entityType: string;
  id: string;
}

export const keyOf = (key: RecordKey) => `${key.entityType}:${key.id}`;

/** Every record an entry names: its own, then those of its before and after, once each. */
export function referencedRecords(entry: {
  entityType: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}): RecordKey[] {
  const found = new Map<string, RecordKey>();
  const add = (entityType: string, id: unknown) => {
    if (!isUuid(id) || !Object.hasOwn(AUDIT_NAMES, entityType)) return;
    const key = { entityType, id: id.toLowerCase() };
    found.set(keyOf(key), key);
  };
  add(entry.entityType, entry.entityId);
  for (const snapshot of [entry.before, entry.after]) {
    for (const [field, value] of Object.entries(snapshot ?? {})) {
      const type = referenceTypeOf(entry.entityType, field);
      if (!type) continue;
      for (const id of Array.isArray(value) ? value : [value]) add(type, id);
    }
  }
  return [...found.values()];
}
