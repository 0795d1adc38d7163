import type { AbsenceKind, CounterStatus, StaffStatus } from '../../graphql/generated';

// The API's staff and counter enums in the order the UI lists them (labels: staff.labels.*).
export const STAFF_STATUSES: readonly StaffStatus[] = ['ACTIVE', 'ON_LEAVE', 'LEFT'];
export const ABSENCE_KINDS: readonly AbsenceKind[] = ['LEAVE', 'SICK', 'TRAINING', 'OTHER'];
export const COUNTER_STATUSES: readonly CounterStatus[] = ['OPEN', 'CLOSED', 'RETIRED'];
