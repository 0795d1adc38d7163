import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { en, vi } from '../../i18n';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, enumLabelsOf, humanise, isAuditEntityType, type AuditEntityType } from './labels';

/**
 * Every field the API's audited records write to the trail's before and after (the columns of their
 * entities, and the keys of the values they hold as JSON). A field the trail has no label for would
 * show humanised in English: add its label to i18n/audit.*.json (fields.shared, or fields.<EntityType>).
 */
const UNIT_OWNED = ['id', 'code', 'name', 'administrativeUnitId', 'provinceId', 'retiredOn', 'createdAt', 'updatedAt'];
const HANDOVER = ['id', 'siteId', 'phaseId', 'programmeId', 'provinceId', 'effectiveOn', 'recordNumber', 'recordSignedOn', 'signatories', 'status', 'statusSince', 'reversalReason', 'note', 'version', 'createdAt', 'updatedAt', 'seq'];
const AUDITED_FIELDS: Record<AuditEntityType, readonly string[]> = {
  Agency: [...UNIT_OWNED, 'kind', 'identifierCode'],
  OneStopDesk: [...UNIT_OWNED, 'level', 'agencyId', 'address', 'identifierCode',
    // openingHours.set: the week's intervals; shift.publishWeek and shift.copyWeek: the week and what was done
    'openingHours', 'deskId', 'weekday', 'opensAt', 'closesAt', 'demand', 'week', 'published', 'shiftIds', 'fromWeek', 'toWeek', 'copied', 'skipped',
    // shift.autoFill: the weeks filled and what was planned
    'from', 'to', 'planned', 'unfilled', 'demanded', 'demandFromForecast'],
  PostOffice: [...UNIT_OWNED, 'kind', 'parentId', 'address'],
  AdministrativeUnit: ['id', 'code', 'name', 'level', 'parentId', 'path', 'validFrom', 'validTo', 'successorId', 'createdAt', 'updatedAt'],
  User: ['id', 'username', 'displayName', 'roles', 'scopeUnitId', 'provinceId', 'postOfficeId', 'oneStopDeskId', 'agencyId', 'active', 'passwordChangedAt', 'createdAt', 'updatedAt'],
  PilotProgramme: ['id', 'code', 'name', 'administrativeUnitId', 'provinceId', 'status', 'legalBasis', 'committee', 'readinessItems', 'version', 'createdAt', 'updatedAt',
    // legalBasis, committee, readinessItems
    'number', 'signedOn', 'issuer', 'title', 'fullName', 'position', 'committeeRole', 'key', 'label'],
  RolloutPhase: ['id', 'programmeId', 'provinceId', 'ordinal', 'name', 'plannedStart', 'plannedEnd', 'actualStart', 'actualEnd', 'targetProvince', 'targetDistrict', 'targetCommune', 'goLiveGates', 'status', 'version', 'createdAt', 'updatedAt'],
  PilotSite: ['id', 'phaseId', 'programmeId', 'provinceId', 'oneStopDeskId', 'level', 'handoverModel', 'postOfficeId', 'plannedLaunch', 'status', 'statusSince', 'suspendedFrom', 'launchedOn', 'readiness', 'note', 'version', 'createdAt', 'updatedAt', 'seq',
    // readiness: item key → state
    'doneOn', 'doneBy'],
  SteeringMeeting: ['id', 'programmeId', 'provinceId', 'kind', 'heldOn', 'title', 'location', 'decisions', 'siteIds', 'createdAt', 'updatedAt', 'actionItems',
    // actionItems
    'owner', 'dueOn', 'state', 'closedOn', 'siteId', 'meetingId'],
  ActionItem: ['id', 'meetingId', 'programmeId', 'provinceId', 'siteId', 'title', 'owner', 'dueOn', 'state', 'closedOn', 'version', 'createdAt', 'updatedAt'],
  PersonnelHandover: [...HANDOVER, 'tasks', 'relieved', 'deployed',
    // signatories, relieved, deployed
    'fullName', 'position', 'organisation', 'employer'],
  FacilityHandover: [...HANDOVER, 'premisesBefore', 'premisesAfter', 'equipment', 'constructionCost', 'relocationOn', 'conditionNotes',
    // signatories, premises, equipment
    'fullName', 'position', 'organisation', 'address', 'owner', 'type', 'quantity', 'value', 'fundedBy'],
  Staff: ['id', 'seq', 'fullName', 'postOfficeId', 'agencyId', 'homeUnitId', 'homeDeskId', 'phone', 'email', 'nationalId', 'status', 'userId', 'provinceId', 'version', 'createdAt', 'updatedAt',
    // staff.calendarFeed and staff.calendarFeedRevoked
    'calendarFeed'],
  StaffAssignment: ['id', 'staffId', 'deskId', 'startsOn', 'endsOn', 'provinceId'],
  Qualification: ['id', 'staffId', 'fieldId', 'trainedOn', 'certificateNumber', 'expiresOn', 'trainingSessionId', 'provinceId'],
  Absence: ['id', 'staffId', 'kind', 'startsOn', 'endsOn', 'note', 'provinceId'],
  TrainingSession: ['id', 'seq', 'fieldId', 'heldOn', 'place', 'trainer', 'validMonths', 'note', 'provinceId', 'attendeeIds'],
  ProcedureField: ['id', 'code', 'name', 'retiredOn', 'createdAt', 'updatedAt'],
  Counter: ['id', 'deskId', 'number', 'name', 'fieldIds', 'status', 'provinceId', 'version', 'createdAt', 'updatedAt'],
  OpeningException: ['id', 'deskId', 'day', 'opensAt', 'closesAt', 'demand', 'note', 'provinceId'],
  Shift: ['id', 'seq', 'staffId', 'counterId', 'deskId', 'day', 'startsAt', 'endsAt', 'status', 'cancelReason', 'provinceId', 'version', 'createdAt', 'updatedAt'],
  CalendarAdjustment: ['id', 'date', 'kind', 'name', 'legalBasis', 'version', 'createdAt', 'updatedAt'],
  Procedure: ['id', 'provinceId', 'code', 'name', 'fieldId', 'level', 'agencyId', 'procedureFee', 'postalFee', 'processingTime', 'processingUnit', 'onlineLevel', 'bcciMode', 'legalBasis', 'retiredOn', 'version', 'createdAt', 'updatedAt',
    // components: the checklist
    'components', 'position', 'originals', 'copies', 'required'],
  // The applicant's e-mail and address, and the delivery address, never reach the trail (apps/api/src/modules/audit/audit.service.ts).
  Dossier: ['id', 'code', 'provinceId', 'procedureId', 'deskId', 'agencyId', 'postOfficeId', 'clerkId', 'channel', 'status', 'applicantName', 'applicantNationalId', 'applicantPhone',
    'receivedAt', 'dueAt', 'promisedOn', 'clockStoppedAt', 'procedureFee', 'postalFee', 'resultDelivery', 'resultReadyAt', 'resultReturnedAt', 'rating', 'ratingComment', 'ratedAt', 'portalReference', 'submittedByClientId', 'version', 'createdAt', 'updatedAt',
    // components received; a postal event's record
    'components', 'name', 'originals', 'copies', 'digitised', 'dossierId', 'at', 'kind', 'fromStatus', 'toStatus', 'actorId', 'actorLabel', 'unitName', 'place', 'postalItem', 'note'],
  PickupAppointment: ['id', 'dossierId', 'postOfficeId', 'provinceId', 'status', 'windowFrom', 'windowTo', 'postmanId', 'attempts', 'lastOutcomeNote', 'version', 'createdAt', 'updatedAt'],
  ApiClient: ['id', 'clientId', 'name', 'ownerOrganisation', 'contactName', 'contactEmail', 'contactPhone', 'provinceIds', 'agencyIds', 'scopes', 'rotatedAt', 'revokedAt', 'lastUsedAt', 'requestsPerHour', 'costPerHour', 'version', 'createdAt', 'updatedAt'],
  // Never the signing secret (apps/api/src/modules/webhooks/webhook.service.ts, trail).
  WebhookEndpoint: ['id', 'clientId', 'url', 'description', 'active', 'secretRotatedAt', 'createdAt', 'updatedAt'],
  AggregateFigure: ['id', 'provinceId', 'administrativeUnitId', 'deskId', 'periodStart', 'periodEnd', 'receivedViaBcci', 'resultsReturnedViaBcci', 'receivedAndReturnedViaBcci', 'totalViaBcci', 'online', 'atDesk', 'source', 'note', 'version', 'createdAt', 'updatedAt'],
  ReportTarget: ['id', 'provinceId', 'administrativeUnitId', 'metric', 'periodStart', 'periodEnd', 'targetPercent', 'basis', 'version', 'createdAt', 'updatedAt'],
  ImportJob: ['id', 'provinceId', 'kind', 'status', 'fileName', 'format', 'sizeBytes', 'sha256', 'totalRows', 'processedRows', 'acceptedRows', 'rejectedRows', 'skippedRows', 'lastRowNo', 'leaseUntil', 'error', 'createdById', 'createdByLabel', 'createdAt', 'startedAt', 'finishedAt', 'updatedAt'],
  OutreachActivity: ['id', 'provinceId', 'administrativeUnitId', 'periodStart', 'periodEnd', 'kind', 'quantity', 'peopleReached', 'source', 'note', 'version', 'createdAt', 'updatedAt'],
  // A replay writes the delivery's status before and after, and when the attempt is due.
  WebhookDelivery: ['id', 'seq', 'messageId', 'endpointId', 'clientId', 'dossierId', 'dossierCode', 'eventType', 'payload', 'status', 'attemptCount', 'scheduledAttempts', 'replayPending', 'nextAttemptAt', 'leaseUntil', 'leaseToken', 'createdAt', 'deliveredAt'],
};

type Texts = typeof vi;
const fieldText = (texts: Texts, entityType: string, field: string): string | undefined => {
  const fields = texts.audit.fields as Record<string, Record<string, string> | undefined>;
  return fields[entityType]?.[field] ?? fields.shared?.[field];
};

/** The text at a dotted key, if any. */
const at = (texts: unknown, key: string): unknown => key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), texts);

/**
 * The columns of the API's audited entities, read from their source (apps/api/src/modules/**\/*.entity.ts
 * and the shared base classes): a column added there without a label here fails this test.
 */
function apiColumns(): Map<string, string[]> {
  const modules = join(__dirname, '../../../../api/src/modules');
  const files = readdirSync(modules, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.entity.ts') || f.endsWith('unit-owned-record.ts'));
  const columns = new Map<string, string[]>();
  for (const file of files) {
    const source = readFileSync(join(modules, file), 'utf8');
    const classes = source.split(/\nexport (?:abstract )?class /).slice(1);
    for (const body of classes) {
      const name = /^(\w+)/.exec(body)![1];
      const props = [...body.matchAll(/@(?:Column|PrimaryGeneratedColumn|CreateDateColumn|UpdateDateColumn)\b[\s\S]*?\b(\w+)[!?]:\s/g)].map((m) => m[1]);
      if (props.length) columns.set(name, props);
    }
  }
  return columns;
}

/** A balanced `{…}` (or `(…)`) starting at `start` in `source`, ignoring brackets in strings. */
function balanced(source: string, start: number): string {
  const open = source[start];
  const close = open === '{' ? '}' : ')';
  let depth = 0;
  let quote: string | null = null;
  for (let i = start; i < source.length; i++) {
    const c = source[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === open) depth++;
    else if (c === close && --depth === 0) return source.slice(start, i + 1);
  }
  throw new Error(`unbalanced ${open} at ${start}`);
}

/** The top-level keys of an object literal's source (`{ a: x, b, ...c }` → a, b). */
function keysOf(literal: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let part = '';
  const flush = () => {
    // `address: undefined` takes a field out of the snapshot: nothing to label.
    const m = /^\s*(\w+)\s*(?::|$)/.exec(part);
    if (m && !/:\s*undefined\s*$/.test(part)) keys.push(m[1]);
    part = '';
  };
  for (const c of literal.slice(1, -1)) {
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if ('{[('.includes(c)) depth++;
    else if ('}])'.includes(c)) depth--;
    else if (c === ',' && depth === 0) {
      flush();
      continue;
    }
    if (depth === 0 || '{[('.includes(c)) part += c;
  }
  flush();
  return keys;
}

interface RecordedAudit {
  file: string;
  /** The record type the trail files the entry under, when the call names it. */
  entityType: string | null;
  /** The action, when the call writes it as a literal ("aggregateFigure.submit"), else its literal prefix ("pilotSite."). */
  action: string | null;
  actionPrefix: string | null;
  /** Keys of the before/after object literals (`after: { from, to, planned }`). */
  snapshotKeys: string[];
}

/**
 * Every `audit.record(…)` call of the API's modules (apps/api/src/modules), read from their source: the
 * entity type, action and snapshot keys each writes. A module that records a new type, action or field
 * without a label here fails the tests below: add it to AUDIT_ENTITY_TYPES (labels.ts) and i18n/audit.*.json.
 */
function apiAuditCalls(): RecordedAudit[] {
  const modules = join(__dirname, '../../../../api/src/modules');
  const files = readdirSync(modules, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith('audit/'));
  const calls: RecordedAudit[] = [];
  for (const file of files) {
    const source = readFileSync(join(modules, file), 'utf8');
    for (const match of source.matchAll(/\baudit\.record\(/g)) {
      const args = balanced(source, match.index + match[0].length - 1);
      const literal = args.indexOf('{') >= 0 ? balanced(args, args.indexOf('{')) : '';
      const entityType = /\bentityType:\s*'(\w+)'/.exec(literal)?.[1] ?? null;
      const action = /\baction:\s*'(\w+\.\w+)'/.exec(literal)?.[1] ?? null;
      const actionPrefix = /\baction:\s*`(\w+)\.\$\{/.exec(literal)?.[1] ?? null;
      const snapshotKeys: string[] = [];
      for (const snapshot of literal.matchAll(/\b(?:before|after):\s*\{/g)) snapshotKeys.push(...keysOf(balanced(literal, snapshot.index + snapshot[0].length - 1)));
      calls.push({ file, entityType, action, actionPrefix, snapshotKeys });
    }
    // A shared base class that audits under its entity's class name (`entityType: this.entity.name`,
    // handovers and unit-owned records): each service names the entity it keeps.
    for (const match of source.matchAll(/\breadonly entity = (\w+);/g)) calls.push({ file, entityType: match[1], action: null, actionPrefix: null, snapshotKeys: [] });
  }
  return calls;
}

/**
 * The actions a file writes through a variable (`const action = deactivate ? 'user.deactivate' : …`):
 * its literals that read `<record>.<verb>` for a record type the file audits.
 */
function actionLiteralsOf(file: string, prefixes: ReadonlySet<string>): string[] {
  const source = readFileSync(join(__dirname, '../../../../api/src/modules', file), 'utf8');
  return [...source.matchAll(/'([a-z]\w*)\.([a-z]\w*)'/g)].filter((m) => prefixes.has(m[1])).map((m) => `${m[1]}.${m[2]}`);
}

const lowerFirst = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

describe('the audit trail’s labels', () => {
  const calls = apiAuditCalls();

  it('find the API’s audit calls in its source', () => {
    // The parse above still reads the calls: a sample of those known to exist.
    expect(calls.length).toBeGreaterThan(50);
    expect(calls).toContainEqual(expect.objectContaining({ entityType: 'PilotProgramme', action: 'pilotProgramme.create' }));
    expect(calls).toContainEqual(expect.objectContaining({ entityType: 'OneStopDesk', action: 'shift.copyWeek', snapshotKeys: ['fromWeek', 'toWeek', 'copied', 'skipped'] }));
    expect(calls).toContainEqual(expect.objectContaining({ entityType: 'PilotSite', actionPrefix: 'pilotSite' }));
    expect(calls).toContainEqual(expect.objectContaining({ entityType: 'FacilityHandover', file: expect.stringContaining('handover.service.ts') }));
  });

  it('list and label every record type the API audits (read from its source)', () => {
    const recorded = new Set(calls.map((c) => c.entityType).filter((t): t is string => t !== null));
    const unlisted = [...recorded].filter((type) => !isAuditEntityType(type) || !at(vi, `audit.entityTypes.${type}`) || !at(en, `audit.entityTypes.${type}`));
    expect(unlisted).toEqual([]);
  });

  it('list and label every action the API writes (read from its source)', () => {
    // An action's record type: the one its call names, else the one its prefix names ("user." → User).
    const typeOfAction = new Map<string, string>();
    for (const c of calls) if (c.action && c.entityType) typeOfAction.set(c.action, c.entityType);
    const prefixes = new Set([...calls.flatMap((c) => [c.action?.split('.')[0], c.actionPrefix]), ...calls.map((c) => c.entityType && lowerFirst(c.entityType))].filter((p): p is string => !!p));
    const actions = new Set(calls.flatMap((c) => [c.action ?? [], ...(c.action ? [] : actionLiteralsOf(c.file, prefixes))].flat()));
    const listed = new Set(AUDIT_ACTIONS.map((a) => a.action));
    const problems: string[] = [];
    for (const action of actions) {
      const [prefix, verb] = action.split('.');
      const type = typeOfAction.get(action) ?? [...Object.keys(AUDIT_ENTITY_TYPES)].find((t) => lowerFirst(t) === prefix);
      if (!type || !listed.has(action) || !AUDIT_ACTIONS.some((a) => a.action === action && a.entityType === type)) problems.push(`${action}: not in AUDIT_ENTITY_TYPES under ${type ?? '?'}`);
      for (const texts of [vi, en]) if (!at(texts, `audit.actionLabels.${action}`) && !at(texts, `audit.verbs.${verb}`)) problems.push(`${action}: no label`);
    }
    // An action written from a template (`pilotSite.${action}`) names a record type the trail knows.
    for (const c of calls) if (c.actionPrefix && !prefixes.has(c.actionPrefix)) problems.push(`${c.actionPrefix}.*: unknown record type`);
    expect(problems).toEqual([]);
    expect(actions.has('aggregateFigure.submit')).toBe(true);
  });

  it('list every field the API’s audit calls write by name (read from their source)', () => {
    const unlisted = calls
      .filter((c) => c.entityType)
      .flatMap((c) => c.snapshotKeys.filter((key) => !(AUDITED_FIELDS as Record<string, readonly string[] | undefined>)[c.entityType!]?.includes(key)).map((key) => `${c.entityType}.${key}`));
    expect([...new Set(unlisted)]).toEqual([]);
  });

  it.each(Object.keys(AUDITED_FIELDS) as AuditEntityType[])('label every field %s writes, in Vietnamese and English', (entityType) => {
    const missing = AUDITED_FIELDS[entityType].filter((field) => !fieldText(vi, entityType, field) || !fieldText(en, entityType, field));
    expect(missing).toEqual([]);
  });

  it('cover every column of the API’s audited entities (read from their source)', () => {
    const columns = apiColumns();
    const bases: Record<string, string> = { Agency: 'UnitOwnedRecord', OneStopDesk: 'UnitOwnedRecord', PostOffice: 'UnitOwnedRecord', PersonnelHandover: 'HandoverRecord', FacilityHandover: 'HandoverRecord' };
    // Never written to the trail (apps/api/src/modules/audit/audit.service.ts, PERSONAL).
    const hidden = new Set(['passwordHash', 'calendarSecretHash', 'secretHash', 'previousSecretHash', 'applicantEmail', 'applicantAddress', 'deliveryAddress', 'address', 'secretCiphertext', 'previousSecretCiphertext']);
    const unlisted: string[] = [];
    for (const entityType of Object.keys(AUDIT_ENTITY_TYPES) as AuditEntityType[]) {
      const own = columns.get(entityType);
      expect(own ?? columns.get(bases[entityType])).toBeDefined();
      const all = [...(columns.get(bases[entityType]) ?? []), ...(own ?? [])].filter((f) => !hidden.has(f));
      unlisted.push(...all.filter((field) => !AUDITED_FIELDS[entityType].includes(field)).map((field) => `${entityType}.${field}`));
    }
    expect(unlisted).toEqual([]);
  });

  it('label every entity type the trail records', () => {
    for (const entityType of Object.keys(AUDIT_ENTITY_TYPES)) {
      expect(at(vi, `audit.entityTypes.${entityType}`)).toEqual(expect.any(String));
      expect(at(en, `audit.entityTypes.${entityType}`)).toEqual(expect.any(String));
    }
  });

  it('take enum values from the labels the rest of the app uses', () => {
    const prefixes = (Object.keys(AUDITED_FIELDS) as AuditEntityType[]).flatMap((type) => AUDITED_FIELDS[type].map((field) => enumLabelsOf(type, field))).filter(Boolean) as string[];
    expect(new Set(prefixes)).toEqual(
      new Set(['levels', 'roles', 'agencyKinds', 'postOfficeKinds', 'rollout.labels.programmeStatus', 'rollout.labels.phaseStatus', 'rollout.labels.siteStatus', 'rollout.labels.handoverModel', 'rollout.labels.meetingKind', 'rollout.labels.actionItemState', 'rollout.labels.committeeRole', 'rollout.labels.handoverStatus', 'rollout.labels.handoverTask',
        'staff.labels.staffStatus', 'staff.labels.absenceKind', 'staff.labels.counterStatus', 'staff.labels.shiftStatus', 'staff.labels.weekday', 'calendar.kinds',
        'procedures.levels', 'procedures.bcciModes', 'procedures.onlineLevels', 'procedures.units', 'dossiers.status', 'dossiers.channel', 'dossiers.delivery', 'dossiers.postalKind', 'dossiers.pickupStatus', 'administration.apiClients.scopesShort', 'apiClient.deliveries.statuses', 'apiClient.deliveries.events', 'reports.targetMetric', 'reports.outreachKind', 'reports.imports.kinds', 'reports.imports.statuses']),
    );
    for (const prefix of prefixes) {
      expect(at(vi, prefix)).toEqual(expect.any(Object));
      expect(at(en, prefix)).toEqual(expect.any(Object));
    }
    expect(enumLabelsOf('PilotSite', 'status')).toBe('rollout.labels.siteStatus');
    expect(enumLabelsOf('PilotProgramme', 'status')).toBe('rollout.labels.programmeStatus');
    expect(enumLabelsOf('OneStopDesk', 'name')).toBeNull();
    expect(enumLabelsOf('Shift', 'status')).toBe('staff.labels.shiftStatus');
    expect(enumLabelsOf('OneStopDesk', 'weekday')).toBe('staff.labels.weekday');
  });

  it('humanise what has no label, never showing a camelCase or SNAKE_CASE name', () => {
    expect(humanise('plannedEnd')).toBe('Planned end');
    expect(humanise('IN_PROGRESS')).toBe('In progress');
    expect(humanise('rolloutPhase.replan')).toBe('Rollout phase replan');
    expect(humanise('agreement_signed')).toBe('Agreement signed');
  });
});
