import type { AdministrativeLevel, UnitRecord } from '../types';
import { DATA_START, REFORM_FIRST_DAY, REFORM_LAST_DAY } from './dates';

/** A unit retired on 30/6/2025 (validTo = REFORM_LAST_DAY). */
export function retired(
  code: string,
  name: string,
  level: AdministrativeLevel,
  parentCode: string | null,
  successorCode: string,
  validFrom: string = DATA_START,
): UnitRecord {
  return { code, name, level, parentCode, validFrom, validTo: REFORM_LAST_DAY, successorCode };
}

/** A commune or ward formed on 1/7/2025, directly under its province. */
export function newCommune(code: string, name: string, provinceCode: string): UnitRecord {
  return {
    code,
    name,
    level: 'COMMUNE',
    parentCode: provinceCode,
    validFrom: REFORM_FIRST_DAY,
    validTo: null,
    successorCode: null,
  };
}

/** A province that is still in force (possibly enlarged on 1/7/2025). */
export function continuingProvince(code: string, name: string): UnitRecord {
  return {
    code,
    name,
    level: 'PROVINCE',
    parentCode: null,
    validFrom: DATA_START,
    validTo: null,
    successorCode: null,
  };
}
