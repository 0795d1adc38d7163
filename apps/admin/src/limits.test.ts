import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { LIMITS, type LimitKey } from './limits';

const MODULES = join(__dirname, '../../api/src/modules');

/** The longest text the API's validators let through for `field` of `className` in `file` (read from its source). */
function apiMax(file: string, className: string, field: string): number {
  const source = readFileSync(join(MODULES, file), 'utf8');
  const start = source.indexOf(`class ${className} `);
  if (start < 0) throw new Error(`no class ${className} in ${file}`);
  const end = source.indexOf('\nexport ', start + 1);
  const block = source.slice(start, end < 0 ? undefined : end);
  // A field's decorators sit on its line or the lines above it, back to the previous field.
  const at = block.search(new RegExp(`\\b${field}[!?]:`));
  if (at < 0) throw new Error(`no field ${field} in ${className}`);
  const before = block.slice(0, at);
  const own = before.slice(before.includes(';') ? before.lastIndexOf(';') + 1 : before.indexOf('{') + 1);
  const match = /@(?:Length\(\s*\d+\s*,|MaxLength\()\s*(\w+)/.exec(own);
  if (!match) throw new Error(`no length limit on ${className}.${field}`);
  if (/^\d+$/.test(match[1])) return Number(match[1]);
  const constant = new RegExp(`export const ${match[1]} = (\\d+)`).exec(readFileSync(join(MODULES, 'administrative-units/administrative-unit.inputs.ts'), 'utf8'));
  if (!constant) throw new Error(`unknown constant ${match[1]}`);
  return Number(constant[1]);
}

/** Each limit of the admin app and the API fields it states. */
const FIELDS: Array<[LimitKey, string, string, string]> = [
  ['name', 'administrative-units/administrative-unit.inputs.ts', 'CreateAdministrativeUnitInput', 'name'],
  ['name', 'agencies/agency.inputs.ts', 'CreateAgencyInput', 'name'],
  ['name', 'one-stop-desks/one-stop-desk.inputs.ts', 'CreateOneStopDeskInput', 'name'],
  ['name', 'post-offices/post-office.inputs.ts', 'CreatePostOfficeInput', 'name'],
  ['name', 'rollout/rollout.inputs.ts', 'CreatePilotProgrammeInput', 'name'],
  ['name', 'rollout/rollout.inputs.ts', 'AddRolloutPhaseInput', 'name'],
  ['address', 'one-stop-desks/one-stop-desk.inputs.ts', 'CreateOneStopDeskInput', 'address'],
  ['address', 'post-offices/post-office.inputs.ts', 'CreatePostOfficeInput', 'address'],
  ['address', 'handover/handover.types.ts', 'Premises', 'address'],
  ['note', 'rollout/rollout.inputs.ts', 'UpdatePilotSiteInput', 'note'],
  ['note', 'rollout/rollout.inputs.ts', 'MovePilotSiteInput', 'note'],
  ['note', 'handover/handover.inputs.ts', 'CreatePersonnelHandoverInput', 'note'],
  ['note', 'handover/handover.inputs.ts', 'UpdatePersonnelHandoverInput', 'note'],
  ['note', 'handover/handover.inputs.ts', 'CreateFacilityHandoverInput', 'note'],
  ['note', 'handover/handover.inputs.ts', 'UpdateFacilityHandoverInput', 'note'],
  ['replanReason', 'rollout/rollout.inputs.ts', 'ReplanRolloutPhaseInput', 'reason'],
  ['reverseReason', 'handover/handover.inputs.ts', 'ReverseHandoverInput', 'reason'],
  ['conditionNotes', 'handover/handover.inputs.ts', 'CreateFacilityHandoverInput', 'conditionNotes'],
  ['conditionNotes', 'handover/handover.inputs.ts', 'UpdateFacilityHandoverInput', 'conditionNotes'],
  ['short', 'handover/handover.types.ts', 'PersonRefInput', 'fullName'],
  ['short', 'handover/handover.types.ts', 'PersonRefInput', 'position'],
  ['short', 'handover/handover.types.ts', 'PersonRefInput', 'employer'],
  ['short', 'handover/handover.types.ts', 'Signatory', 'fullName'],
  ['short', 'handover/handover.types.ts', 'Signatory', 'position'],
  ['short', 'handover/handover.types.ts', 'Signatory', 'organisation'],
  ['short', 'handover/handover.types.ts', 'Premises', 'owner'],
  ['short', 'handover/handover.types.ts', 'EquipmentLine', 'type'],
  ['short', 'handover/handover.types.ts', 'EquipmentLine', 'fundedBy'],
  ['short', 'rollout/rollout.types.ts', 'LegalDocument', 'issuer'],
  ['short', 'rollout/rollout.types.ts', 'CommitteeMember', 'fullName'],
  ['short', 'rollout/rollout.types.ts', 'CommitteeMember', 'position'],
  ['short', 'rollout/rollout.types.ts', 'ReadinessItem', 'label'],
  ['short', 'rollout/rollout.inputs.ts', 'ActionItemInput', 'owner'],
  ['number', 'rollout/rollout.types.ts', 'LegalDocument', 'number'],
  ['number', 'handover/handover.inputs.ts', 'SignHandoverInput', 'recordNumber'],
  ['title', 'rollout/rollout.types.ts', 'LegalDocument', 'title'],
  ['title', 'rollout/rollout.inputs.ts', 'ActionItemInput', 'title'],
  ['meetingTitle', 'rollout/rollout.inputs.ts', 'RecordSteeringMeetingInput', 'title'],
  ['meetingTitle', 'rollout/rollout.inputs.ts', 'RecordSteeringMeetingInput', 'location'],
  ['meetingTitle', 'rollout/rollout.inputs.ts', 'AddRolloutPhaseInput', 'goLiveGates'],
  ['decision', 'rollout/rollout.inputs.ts', 'RecordSteeringMeetingInput', 'decisions'],
  ['displayName', 'identity/identity.inputs.ts', 'CreateUserInput', 'displayName'],
  ['username', 'identity/identity.inputs.ts', 'SignInInput', 'username'],
  ['name', 'staff/staff.inputs.ts', 'CreateStaffInput', 'fullName'],
  ['name', 'staff/staff.inputs.ts', 'UpdateStaffInput', 'fullName'],
  ['name', 'counters/counter.inputs.ts', 'CreateCounterInput', 'name'],
  ['name', 'counters/counter.inputs.ts', 'UpdateCounterInput', 'name'],
  ['number', 'staff/staff.inputs.ts', 'AddQualificationInput', 'certificateNumber'],
  ['note', 'staff/staff.inputs.ts', 'AddAbsenceInput', 'note'],
  ['note', 'staff/staff.inputs.ts', 'CreateTrainingSessionInput', 'note'],
  ['short', 'staff/staff.inputs.ts', 'CreateTrainingSessionInput', 'trainer'],
  ['trainingPlace', 'staff/staff.inputs.ts', 'CreateTrainingSessionInput', 'place'],
  ['exceptionReason', 'counters/counter.inputs.ts', 'AddOpeningExceptionInput', 'note'],
];

describe('the limits a form states', () => {
  it.each(FIELDS)('%s is what the API takes in %s %s.%s', (key, file, className, field) => {
    expect(LIMITS[key]).toBe(apiMax(file, className, field));
  });

  it('every limit states at least one API field', () => {
    expect(new Set(FIELDS.map(([key]) => key))).toEqual(new Set(Object.keys(LIMITS)));
  });
});
