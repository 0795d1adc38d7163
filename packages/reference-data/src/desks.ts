import { agencies } from './agencies';
import type { AdministrativeLevel, AgencyKind, AgencyRecord, DeskRecord } from './types';

/**
 * One one-stop desk per agency. Code scheme: "<agency code>-MC" (MC = một cửa).
 * Names follow the seed articles: "Bộ phận Một cửa Sở …" for departments, the centre itself for
 * the provincial centre, "Bộ phận Tiếp nhận và Trả kết quả <huyện|thị xã|thành phố|xã|thị trấn> …"
 * below. Addresses are filled only where a seed article states them.
 */
const LEVEL: Record<AgencyKind, AdministrativeLevel> = {
  PROVINCIAL_DEPARTMENT: 'PROVINCE',
  PUBLIC_ADMINISTRATION_CENTRE: 'PROVINCE',
  DISTRICT_PEOPLES_COMMITTEE: 'DISTRICT',
  COMMUNE_PEOPLES_COMMITTEE: 'COMMUNE',
};

/** Known desk addresses (seed 004: the Kỳ Bắc desk opened on 18/11 inside the BĐVHX). */
const ADDRESSES: Record<string, string> = {
  '42-UBND-18760': 'Bưu điện văn hóa xã Kỳ Bắc, huyện Kỳ Anh, tỉnh Hà Tĩnh',
};

function deskName(agency: AgencyRecord): string {
  switch (agency.kind) {
    case 'PROVINCIAL_DEPARTMENT':
      // "Sở X tỉnh Y" → "Bộ phận Một cửa Sở X"
      return `Bộ phận Một cửa ${agency.name.replace(/ tỉnh .*$/, '')}`;
    case 'PUBLIC_ADMINISTRATION_CENTRE':
      return agency.name;
    default:
      // "Ủy ban nhân dân huyện X" → "Bộ phận Tiếp nhận và Trả kết quả huyện X"
      return `Bộ phận Tiếp nhận và Trả kết quả ${agency.name.replace(/^Ủy ban nhân dân /, '')}`;
  }
}

export const desks: DeskRecord[] = agencies.map((agency) => ({
  code: `${agency.code}-MC`,
  name: deskName(agency),
  level: LEVEL[agency.kind],
  agencyCode: agency.code,
  unitCode: agency.unitCode,
  address: ADDRESSES[agency.code] ?? null,
}));
