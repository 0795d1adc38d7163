import { DataSource } from 'typeorm';
import { AppError, badInput, type Bilingual } from '../../platform/errors';
import { requireRole } from '../../platform/authz';
import { Injectable } from '../../platform/container';
import type { Actor } from '../../platform/graphql/context';
import { currentRequest } from '../../platform/request-context';
import { readTable } from '../../platform/spreadsheet';
import { foldVietnamese } from '../../platform/text';
import { AgencyService } from '../agencies/agency.service';
import { StaffService } from '../staff/staff.service';
import { BcciMode, OnlineLevel, ProcedureLevel, ProcessingTimeUnit } from './procedure.entity';
import { COMPONENTS_MAX, FEE_MAX, IMPORT_MAX_BYTES, type ImportProblem, type ImportProceduresInput, type ProcedureImportReport, type ProcedureInput } from './procedure.inputs';
import { CATALOGUE_WRITERS, ProcedureService, type ProcedureValues } from './procedure.service';

type Column = 'code' | 'name' | 'field' | 'level' | 'agency' | 'procedureFee' | 'postalFee' | 'processingTime' | 'onlineLevel' | 'bcciMode' | 'components' | 'legalBasis';

/**
 * The headers an import recognises, folded (no diacritics, lower case): the Vietnamese of a province's
 * published list first, then English. The README lists them.
 */
export const IMPORT_HEADERS: Record<Column, string[]> = {
  code: ['ma thu tuc', 'ma tthc', 'ma so', 'code'],
  name: ['ten thu tuc', 'ten tthc', 'ten', 'name'],
  field: ['linh vuc', 'ma linh vuc', 'field'],
  level: ['cap thuc hien', 'cap giai quyet', 'cap', 'level'],
  agency: ['ma co quan', 'co quan thuc hien', 'co quan giai quyet', 'agency'],
  procedureFee: ['phi, le phi', 'phi le phi', 'le phi', 'phi', 'procedure fee'],
  postalFee: ['cuoc buu chinh', 'cuoc dich vu buu chinh', 'postal fee'],
  processingTime: ['thoi han giai quyet', 'thoi gian giai quyet', 'thoi han', 'processing time'],
  onlineLevel: ['muc do truc tuyen', 'dich vu cong truc tuyen', 'truc tuyen', 'online level'],
  bcciMode: ['bcci', 'qua dich vu buu chinh cong ich', 'buu chinh cong ich', 'bcci mode'],
  components: ['thanh phan ho so', 'thanh phan', 'components'],
  legalBasis: ['can cu phap ly', 'quyet dinh cong bo', 'legal basis'],
};
/** Each column as the README and the error messages name it. */
const COLUMN_NAMES: Record<Column, Bilingual> = {
  code: { vi: 'Mã thủ tục', en: 'Code' },
  name: { vi: 'Tên thủ tục', en: 'Name' },
  field: { vi: 'Lĩnh vực', en: 'Field' },
  level: { vi: 'Cấp thực hiện', en: 'Level' },
  agency: { vi: 'Mã cơ quan', en: 'Agency' },
  procedureFee: { vi: 'Phí, lệ phí', en: 'Procedure fee' },
  postalFee: { vi: 'Cước bưu chính', en: 'Postal fee' },
  processingTime: { vi: 'Thời hạn giải quyết', en: 'Processing time' },
  onlineLevel: { vi: 'Mức độ trực tuyến', en: 'Online level' },
  bcciMode: { vi: 'BCCI', en: 'BCCI mode' },
  components: { vi: 'Thành phần hồ sơ', en: 'Components' },
  legalBasis: { vi: 'Căn cứ pháp lý', en: 'Legal basis' },
};
const REQUIRED: Column[] = ['code', 'name', 'field', 'level', 'processingTime', 'bcciMode'];

const LEVELS: Record<string, ProcedureLevel> = { tinh: ProcedureLevel.PROVINCE, 'cap tinh': ProcedureLevel.PROVINCE, province: ProcedureLevel.PROVINCE, huyen: ProcedureLevel.DISTRICT, 'cap huyen': ProcedureLevel.DISTRICT, district: ProcedureLevel.DISTRICT, xa: ProcedureLevel.COMMUNE, 'cap xa': ProcedureLevel.COMMUNE, commune: ProcedureLevel.COMMUNE };
const ONLINE: Record<string, OnlineLevel> = { '': OnlineLevel.NONE, khong: OnlineLevel.NONE, none: OnlineLevel.NONE, '1': OnlineLevel.NONE, '2': OnlineLevel.NONE, 'mot phan': OnlineLevel.PARTIAL, partial: OnlineLevel.PARTIAL, '3': OnlineLevel.PARTIAL, 'toan trinh': OnlineLevel.FULL, full: OnlineLevel.FULL, '4': OnlineLevel.FULL };
const BCCI: Record<string, BcciMode> = {
  'tiep nhan va tra ket qua': BcciMode.RECEIVE_AND_RETURN, 'tiep nhan, tra ket qua': BcciMode.RECEIVE_AND_RETURN, co: BcciMode.RECEIVE_AND_RETURN, x: BcciMode.RECEIVE_AND_RETURN, receive_and_return: BcciMode.RECEIVE_AND_RETURN,
  'chi tra ket qua': BcciMode.RETURN_ONLY, 'tra ket qua': BcciMode.RETURN_ONLY, return_only: BcciMode.RETURN_ONLY,
  khong: BcciMode.NOT_ELIGIBLE, '': BcciMode.NOT_ELIGIBLE, not_eligible: BcciMode.NOT_ELIGIBLE,
};

const say = (m: Bilingual) => (currentRequest()?.lang === 'en' ? m.en : m.vi);

class RowProblem extends Error {
  constructor(readonly column: Column | null, readonly message2: Bilingual) {
    super(message2.en);
  }
}

/** An amount in VND as provinces write it: "50.000", "50,000 đ", "Không", "Miễn phí". */
function amount(text: string, column: Column): number {
  const folded = foldVietnamese(text);
  if (folded === '' || folded === 'khong' || folded === 'mien phi' || folded === 'khong thu') return 0;
  const digits = folded.replace(/\s*(d|dong|vnd)$/, '').replace(/[.,\s]/g, '');
  if (!/^\d{1,12}$/.test(digits) || Number(digits) > FEE_MAX) throw new RowProblem(column, { vi: `"${text}" không phải số tiền (đồng) từ 0 đến 100.000.000.`, en: `"${text}" is not an amount in VND from 0 to 100,000,000.` });
  return Number(digits);
}

/** "5", "5 ngày", "05 ngày làm việc", "4 giờ làm việc". */
function processingTime(text: string): { processingTime: number; processingUnit: ProcessingTimeUnit } {
  const m = /^(\d{1,3})\s*(ngay|ngay lam viec|gio|gio lam viec|days?|working days?|hours?|working hours?)?$/.exec(foldVietnamese(text));
  const value = m ? Number(m[1]) : NaN;
  if (!m || value < 1 || value > 365) throw new RowProblem('processingTime', { vi: `"${text}" không phải thời hạn (ví dụ "5 ngày làm việc" hoặc "4 giờ làm việc", từ 1 đến 365).`, en: `"${text}" is not a processing time (e.g. "5 working days" or "4 working hours", 1 to 365).` });
  const hours = m[2]?.startsWith('gio') || m[2]?.includes('hour');
  return { processingTime: value, processingUnit: hours ? ProcessingTimeUnit.WORKING_HOURS : ProcessingTimeUnit.WORKING_DAYS };
}

function choice<T>(table: Record<string, T>, text: string, column: Column, allowed: string): T {
  const found = table[foldVietnamese(text)] ?? table[text.trim().toLowerCase()];
  if (found === undefined) throw new RowProblem(column, { vi: `"${text}" không phải một trong: ${allowed}.`, en: `"${text}" is not one of: ${allowed}.` });
  return found;
}

/** One component a line (or separated by ";"): "Tờ khai (bản chính)", "Giấy khai sinh (bản sao)", "… (nếu có)". */
function components(text: string): ProcedureInput['components'] {
  const items = text.split(/\r?\n|;/).map((s) => s.replace(/^\s*(\d+[.)]|[-•+])\s*/, '').trim()).filter(Boolean);
  if (items.length > COMPONENTS_MAX) throw new RowProblem('components', { vi: `Tối đa ${COMPONENTS_MAX} thành phần.`, en: `At most ${COMPONENTS_MAX} components.` });
  return items.map((item) => {
    const folded = foldVietnamese(item);
    const original = folded.includes('ban chinh');
    const copy = folded.includes('ban sao');
    const name = item.replace(/\s*\((bản chính|bản sao|nếu có|bản chính hoặc bản sao)[^)]*\)\s*/giu, ' ').trim() || item;
    return { name, originals: original || !copy ? 1 : 0, copies: copy ? 1 : 0, required: !folded.includes('neu co') };
  });
}

@Injectable()
export class ProcedureImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly procedures: ProcedureService,
    private readonly staff: StaffService,
    private readonly agencies: AgencyService,
  ) {}

  /**
   * Imports a province's catalogue: every row is checked first and the report lists each refused row
   * (row, column, reason); only when none is refused (and it is not a dry run) are they written, all in
   * one transaction: a new code is created, a known one changed (its checklist replaced), an identical
   * one left alone. A code twice in the file is refused on its second row.
   */
  async import(actor: Actor, input: ImportProceduresInput): Promise<ProcedureImportReport> {
    requireRole(actor, CATALOGUE_WRITERS);
    const content = Buffer.from(input.contentBase64, 'base64');
    if (content.length === 0 || content.length > IMPORT_MAX_BYTES) throw badInput('contentBase64', { vi: 'Tệp trống hoặc lớn hơn 180 KB.', en: 'The file is empty or larger than 180 KB.' });
    let table: string[][];
    try {
      table = await readTable(input.format, content);
    } catch {
      throw badInput('contentBase64', { vi: `Không đọc được tệp ${input.format}.`, en: `The ${input.format} file cannot be read.` });
    }
    const [header = [], ...rows] = table;
    const columns = new Map<Column, number>();
    header.forEach((h, i) => {
      const folded = foldVietnamese(h);
      for (const [column, names] of Object.entries(IMPORT_HEADERS) as Array<[Column, string[]]>) if (!columns.has(column) && names.includes(folded)) columns.set(column, i);
    });
    const missing = REQUIRED.filter((c) => !columns.has(c));
    if (missing.length) {
      throw badInput('contentBase64', {
        vi: `Dòng tiêu đề thiếu cột: ${missing.map((c) => COLUMN_NAMES[c].vi).join(', ')}.`,
        en: `The header row lacks the columns: ${missing.map((c) => COLUMN_NAMES[c].en).join(', ')}.`,
      });
    }
    const headerOf = (column: Column | null) => (column === null ? null : header[columns.get(column)!]?.trim() || null);

    // Read before the transaction: the embedded database has one connection, which the transaction holds.
    const fields = await this.staff.fields(actor);
    return this.dataSource.transaction(async (m) => {
      const provinceId = await this.procedures.writableProvince(m, actor, input.provinceId);
      const fieldByKey = new Map<string, string>();
      for (const f of fields) {
        fieldByKey.set(foldVietnamese(f.code), f.id);
        fieldByKey.set(foldVietnamese(f.name), f.id);
      }
      const agencyCodes = rows.map((r) => (columns.has('agency') ? r[columns.get('agency')!]?.trim() : '')).filter((c): c is string => Boolean(c));
      const agencyByCode = new Map((await this.agencies.byCodes(m, provinceId, [...new Set(agencyCodes)])).map((a) => [a.code, a.id]));

      const rejected: ImportProblem[] = [];
      const accepted: Array<{ row: number; values: ProcedureValues }> = [];
      const seen = new Map<string, number>();
      for (const [i, cells] of rows.entries()) {
        const rowNumber = i + 2;
        if (cells.every((c) => !c?.trim())) continue;
        const cell = (c: Column) => (columns.has(c) ? (cells[columns.get(c)!] ?? '').trim() : '');
        try {
          for (const c of REQUIRED) if (!cell(c)) throw new RowProblem(c, { vi: 'Không được để trống.', en: 'Must not be empty.' });
          const fieldId = fieldByKey.get(foldVietnamese(cell('field')));
          if (!fieldId) throw new RowProblem('field', { vi: `Không có lĩnh vực "${cell('field')}" trong danh mục lĩnh vực.`, en: `No procedure field "${cell('field')}" is in the list.` });
          let agencyId: string | null = null;
          if (cell('agency')) {
            agencyId = agencyByCode.get(cell('agency')) ?? null;
            if (!agencyId) throw new RowProblem('agency', { vi: `Không có cơ quan mã "${cell('agency')}" trong tỉnh.`, en: `No agency with the code "${cell('agency')}" is in the province.` });
          }
          const input: ProcedureInput = {
            code: cell('code'),
            name: cell('name'),
            fieldId,
            level: choice(LEVELS, cell('level'), 'level', 'Tỉnh, Huyện, Xã'),
            agencyId,
            procedureFee: amount(cell('procedureFee'), 'procedureFee'),
            postalFee: amount(cell('postalFee'), 'postalFee'),
            ...processingTime(cell('processingTime')),
            onlineLevel: choice(ONLINE, cell('onlineLevel'), 'onlineLevel', 'Toàn trình, Một phần, Không'),
            bcciMode: choice(BCCI, cell('bcciMode'), 'bcciMode', 'Tiếp nhận và trả kết quả, Chỉ trả kết quả, Không'),
            legalBasis: cell('legalBasis') || null,
            components: components(cell('components')),
          };
          const values = await this.procedures.checked(m, actor, provinceId, input).catch((error) => {
            if (error instanceof AppError && error.fields[0]) {
              const field = error.fields[0].field;
              const column: Column = field.startsWith('components') ? 'components' : field === 'fieldId' ? 'field' : field === 'agencyId' ? 'agency' : (field as Column);
              throw new RowProblem(columns.has(column) ? column : null, error.fields[0].message);
            }
            throw error;
          });
          const first = seen.get(values.code);
          if (first) throw new RowProblem('code', { vi: `Mã "${values.code}" đã có ở dòng ${first}.`, en: `The code "${values.code}" is already on row ${first}.` });
          seen.set(values.code, rowNumber);
          accepted.push({ row: rowNumber, values });
        } catch (error) {
          if (!(error instanceof RowProblem)) throw error;
          rejected.push({ row: rowNumber, column: headerOf(error.column), reason: say(error.message2) });
        }
      }

      const existing = new Map((await this.procedures.byCode(m, provinceId, accepted.map((a) => a.values.code))).map((p) => [p.code, p]));
      const report: ProcedureImportReport = { applied: false, rows: accepted.length + rejected.length, created: 0, updated: 0, unchanged: 0, rejected };
      const write = !input.dryRun && rejected.length === 0;
      for (const { values } of accepted) {
        const stored = existing.get(values.code);
        if (!stored) {
          report.created++;
          if (write) await this.procedures.insert(m, actor, provinceId, values);
        } else if (await this.procedures.same(m, stored, values)) report.unchanged++;
        else {
          report.updated++;
          if (write) await this.procedures.change(m, actor, stored, stored.version, values, stored.retiredOn);
        }
      }
      report.applied = write;
      return report;
    });
  }
}
