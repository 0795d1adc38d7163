import { describe, expect, it } from '@jest/globals';
import i18n from '../../i18n';
import { phaseTitle } from './ProgrammeChips';
import { readinessKey } from './ProgrammeEditDialogs';

describe('readiness checklist keys', () => {
  it('makes a lower_snake_case key from a Vietnamese label', () => {
    expect(readinessKey('Đã có đường truyền Internet ổn định', new Set())).toBe('da_co_duong_truyen_internet_on_dinh');
  });

  it('keeps keys unique and starting with a letter', () => {
    const taken = new Set(['staff_trained']);
    expect(readinessKey('Staff trained', taken)).toBe('staff_trained_2');
    expect(readinessKey('5S tại quầy', new Set())).toBe('item_5s_tai_quay');
    expect(readinessKey('Một mục rất dài về việc chuẩn bị đầy đủ trang thiết bị', new Set())).toMatch(/^[a-z][a-z0-9_]{0,39}$/);
  });
});

describe('phase titles', () => {
  it('adds the ordinal unless the name already says it, in either language', async () => {
    const t = i18n.t.bind(i18n);
    expect(phaseTitle({ ordinal: 1, name: 'Thí điểm' }, t)).toBe('Giai đoạn 1: Thí điểm');
    expect(phaseTitle({ ordinal: 1, name: 'Giai đoạn 1: thí điểm' }, t)).toBe('Giai đoạn 1: thí điểm');
    expect(phaseTitle({ ordinal: 2, name: 'Giai đoạn 2' }, t)).toBe('Giai đoạn 2');
    await i18n.changeLanguage('en');
    expect(phaseTitle({ ordinal: 1, name: 'Giai đoạn 1: thí điểm' }, t)).toBe('Giai đoạn 1: thí điểm');
    expect(phaseTitle({ ordinal: 3, name: 'Mở rộng' }, t)).toBe('Phase 3: Mở rộng');
    // "Giai đoạn 10" is not phase 1.
    expect(phaseTitle({ ordinal: 1, name: 'Giai đoạn 10 kéo dài' }, t)).toBe('Phase 1: Giai đoạn 10 kéo dài');
  });
});
