import type { UnitRecord } from '../types';
import { bacKanThaiNguyenUnits } from './bac-kan-thai-nguyen';
import { binhPhuocDongNaiUnits } from './binh-phuoc-dong-nai';
import { binhThuanLamDongUnits } from './binh-thuan-lam-dong';
import { haTinhUnits } from './ha-tinh';

export { DATA_START, REFORM_FIRST_DAY, REFORM_LAST_DAY } from './dates';

export const administrativeUnits: UnitRecord[] = [
  ...haTinhUnits,
  ...binhPhuocDongNaiUnits,
  ...bacKanThaiNguyenUnits,
  ...binhThuanLamDongUnits,
];
