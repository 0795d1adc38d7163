import type { AgencyRecord } from './types';

/**
 * Agencies of the pilots described in the seed articles.
 * Code scheme (stable, readable, not official):
 *   <province code>-<department abbreviation>   provincial departments, e.g. 42-STTTT
 *   <province code>-TTPVHCC                     the provincial public administration centre
 *   <province code>-UBND-<unit code>            People's Committee of a district or commune
 * The province prefix is the pre-2025 province code. `unitCode` is the unit the agency served
 * during the pilots (2017–2023); for a commune code reused in 2025, resolve it with
 * findUnit(code, '2019-01-01'). Departments sit at the province (unitCode = province code).
 */
const HT = '42';

const haTinhDepartments: Array<[string, string]> = [
  ['STTTT', 'Sở Thông tin và Truyền thông tỉnh Hà Tĩnh'],
  ['SNGV', 'Sở Ngoại vụ tỉnh Hà Tĩnh'],
  ['SNV', 'Sở Nội vụ tỉnh Hà Tĩnh'],
  ['SVHTTDL', 'Sở Văn hóa, Thể thao và Du lịch tỉnh Hà Tĩnh'],
  ['SGDDT', 'Sở Giáo dục và Đào tạo tỉnh Hà Tĩnh'],
  ['SKHCN', 'Sở Khoa học và Công nghệ tỉnh Hà Tĩnh'],
  ['SCT', 'Sở Công Thương tỉnh Hà Tĩnh'],
  ['STC', 'Sở Tài chính tỉnh Hà Tĩnh'],
  ['SLDTBXH', 'Sở Lao động - Thương binh và Xã hội tỉnh Hà Tĩnh'],
];

/** The 9 pilot districts/towns of Hà Tĩnh (seed 000), in the article's order. */
const haTinhPilotDistricts: Array<[string, string]> = [
  ['437', 'Ủy ban nhân dân thị xã Hồng Lĩnh'],
  ['448', 'Ủy ban nhân dân huyện Lộc Hà'],
  ['447', 'Ủy ban nhân dân huyện Kỳ Anh'],
  ['446', 'Ủy ban nhân dân huyện Cẩm Xuyên'],
  ['449', 'Ủy ban nhân dân thị xã Kỳ Anh'],
  ['440', 'Ủy ban nhân dân huyện Đức Thọ'],
  ['443', 'Ủy ban nhân dân huyện Can Lộc'],
  ['439', 'Ủy ban nhân dân huyện Hương Sơn'],
  ['445', 'Ủy ban nhân dân huyện Thạch Hà'],
];

export const haTinhPilotDistrictCodes: string[] = haTinhPilotDistricts.map(([code]) => code);

export const agencies: AgencyRecord[] = [
  // Hà Tĩnh (seed 000, 004)
  ...haTinhDepartments.map(([abbr, name]): AgencyRecord => ({
    code: `${HT}-${abbr}`,
    name,
    kind: 'PROVINCIAL_DEPARTMENT',
    unitCode: HT,
  })),
  {
    code: `${HT}-TTPVHCC`,
    name: 'Trung tâm Phục vụ Hành chính công tỉnh Hà Tĩnh',
    kind: 'PUBLIC_ADMINISTRATION_CENTRE',
    unitCode: HT,
  },
  ...haTinhPilotDistricts.map(([unitCode, name]): AgencyRecord => ({
    code: `${HT}-UBND-${unitCode}`,
    name,
    kind: 'DISTRICT_PEOPLES_COMMITTEE',
    unitCode,
  })),
  { code: `${HT}-UBND-18760`, name: 'Ủy ban nhân dân xã Kỳ Bắc', kind: 'COMMUNE_PEOPLES_COMMITTEE', unitCode: '18760' },

  // Bình Phước (seed 001): the article calls it "Trung tâm Hành chính công" of the province.
  { code: '70-TTPVHCC', name: 'Trung tâm Hành chính công tỉnh Bình Phước', kind: 'PUBLIC_ADMINISTRATION_CENTRE', unitCode: '70' },
  { code: '70-UBND-693', name: 'Ủy ban nhân dân huyện Bù Đốp', kind: 'DISTRICT_PEOPLES_COMMITTEE', unitCode: '693' },
  { code: '70-UBND-25390', name: 'Ủy ban nhân dân xã Đồng Tiến', kind: 'COMMUNE_PEOPLES_COMMITTEE', unitCode: '25390' },
  { code: '70-UBND-25333', name: 'Ủy ban nhân dân xã Thanh Lương', kind: 'COMMUNE_PEOPLES_COMMITTEE', unitCode: '25333' },
  { code: '70-UBND-25417', name: 'Ủy ban nhân dân xã Đức Liễu', kind: 'COMMUNE_PEOPLES_COMMITTEE', unitCode: '25417' },

  // Bắc Kạn (seed 002): the agreements were signed with departments and with "UBND một số
  // huyện, thành phố"; the provincial centre's name follows NĐ 61/2018/NĐ-CP (not verified).
  { code: '06-TTPVHCC', name: 'Trung tâm Phục vụ hành chính công tỉnh Bắc Kạn', kind: 'PUBLIC_ADMINISTRATION_CENTRE', unitCode: '06' },
  { code: '06-UBND-058', name: 'Ủy ban nhân dân thành phố Bắc Kạn', kind: 'DISTRICT_PEOPLES_COMMITTEE', unitCode: '058' },

  // Tánh Linh, Bình Thuận (seed 003)
  { code: '60-UBND-599', name: 'Ủy ban nhân dân huyện Tánh Linh', kind: 'DISTRICT_PEOPLES_COMMITTEE', unitCode: '599' },
  { code: '60-UBND-23149', name: 'Ủy ban nhân dân thị trấn Lạc Tánh', kind: 'COMMUNE_PEOPLES_COMMITTEE', unitCode: '23149' },
];
