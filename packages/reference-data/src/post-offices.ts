import type { PostOfficeRecord } from './types';

/**
 * Post offices of the pilots. No official post-office identifier was found in a stored source,
 * so codes follow a documented scheme:
 *   BD-<province code>          Bưu điện tỉnh (PROVINCIAL)
 *   BD-<district code>          Bưu điện huyện / thị xã / thành phố (DISTRICT)
 *   BDVHX-<commune code>        Bưu điện văn hóa xã (COMMUNE_CULTURAL)
 * unitCode is the pre-2025 unit served. Area postcodes (VNPost 5-digit scheme) for the units are
 * listed in README.md where sourced; they identify delivery areas, not offices.
 */
function district(code: string, name: string, provincePo: string): PostOfficeRecord {
  return { code: `BD-${code}`, name, kind: 'DISTRICT', unitCode: code, parentCode: provincePo, address: null };
}
function bdvhx(code: string, name: string, districtPo: string): PostOfficeRecord {
  return { code: `BDVHX-${code}`, name, kind: 'COMMUNE_CULTURAL', unitCode: code, parentCode: districtPo, address: null };
}

export const postOffices: PostOfficeRecord[] = [
  // Hà Tĩnh: the provincial post office and the 9 pilot districts' post offices (seed 000).
  { code: 'BD-42', name: 'Bưu điện tỉnh Hà Tĩnh', kind: 'PROVINCIAL', unitCode: '42', parentCode: null, address: null },
  district('437', 'Bưu điện thị xã Hồng Lĩnh', 'BD-42'),
  district('448', 'Bưu điện huyện Lộc Hà', 'BD-42'),
  district('447', 'Bưu điện huyện Kỳ Anh', 'BD-42'),
  district('446', 'Bưu điện huyện Cẩm Xuyên', 'BD-42'),
  district('449', 'Bưu điện thị xã Kỳ Anh', 'BD-42'),
  district('440', 'Bưu điện huyện Đức Thọ', 'BD-42'),
  district('443', 'Bưu điện huyện Can Lộc', 'BD-42'),
  district('439', 'Bưu điện huyện Hương Sơn', 'BD-42'),
  district('445', 'Bưu điện huyện Thạch Hà', 'BD-42'),
  bdvhx('18760', 'Bưu điện văn hóa xã Kỳ Bắc', 'BD-447'), // seed 004

  // Bình Phước (seed 001). District offices of Đồng Phú, Bình Long and Bù Đăng are added as the
  // parents of the pilot communes' BĐVHX.
  { code: 'BD-70', name: 'Bưu điện tỉnh Bình Phước', kind: 'PROVINCIAL', unitCode: '70', parentCode: null, address: null },
  district('693', 'Bưu điện huyện Bù Đốp', 'BD-70'),
  district('695', 'Bưu điện huyện Đồng Phú', 'BD-70'),
  district('690', 'Bưu điện thị xã Bình Long', 'BD-70'),
  district('696', 'Bưu điện huyện Bù Đăng', 'BD-70'),
  bdvhx('25390', 'Bưu điện văn hóa xã Đồng Tiến', 'BD-695'),
  bdvhx('25333', 'Bưu điện văn hóa xã Thanh Lương', 'BD-690'),
  bdvhx('25417', 'Bưu điện văn hóa xã Đức Liễu', 'BD-696'),

  // Bắc Kạn (seed 002)
  { code: 'BD-06', name: 'Bưu điện tỉnh Bắc Kạn', kind: 'PROVINCIAL', unitCode: '06', parentCode: null, address: null },

  // Tánh Linh (seed 003: "Bưu điện Tánh Linh")
  { code: 'BD-60', name: 'Bưu điện tỉnh Bình Thuận', kind: 'PROVINCIAL', unitCode: '60', parentCode: null, address: null },
  district('599', 'Bưu điện huyện Tánh Linh', 'BD-60'),
];
