import type { AdministrativeLevel, AgencyKind, PostOfficeKind } from '../../graphql/generated';

// The API's enums, in the order the UI lists them (labels: levels.*, agencyKinds.*, postOfficeKinds.*).
export const LEVELS: readonly AdministrativeLevel[] = ['PROVINCE', 'DISTRICT', 'COMMUNE'];
export const AGENCY_KINDS: readonly AgencyKind[] = [
  'PROVINCIAL_DEPARTMENT',
  'PUBLIC_ADMINISTRATION_CENTRE',
  'DISTRICT_PEOPLES_COMMITTEE',
  'COMMUNE_PEOPLES_COMMITTEE',
];
export const POST_OFFICE_KINDS: readonly PostOfficeKind[] = ['PROVINCIAL', 'DISTRICT', 'POST_OFFICE', 'COMMUNE_CULTURAL'];
