import { describe, expect, it } from '@jest/globals';
import { parseCccdQr, type CccdQrResult } from './cccdQr';

// Numbers shaped like real ones: 042 = Hà Tĩnh, then the century-and-sex digit and the birth year.
const HUONG = '042190012345|183456789|Nguyễn Thị Hường|15031990|Nữ|Thôn Yên Thượng, xã Cẩm Xuyên, tỉnh Hà Tĩnh|20042021';

const errorOf = (result: CccdQrResult) => {
  if (result.ok) throw new Error(`accepted: ${JSON.stringify(result.card)}`);
  return result.error;
};

describe('the CCCD QR code as a handheld scanner types it', () => {
  it('reads the seven parts', () => {
    expect(parseCccdQr(HUONG)).toEqual({
      ok: true,
      card: {
        citizenId: '042190012345',
        oldId: '183456789',
        fullName: 'Nguyễn Thị Hường',
        birthDate: '1990-03-15',
        sex: 'FEMALE',
        address: 'Thôn Yên Thượng, xã Cẩm Xuyên, tỉnh Hà Tĩnh',
        issuedOn: '2021-04-20',
      },
    });
  });

  it('reads a man born in the 2000s without an old ID number', () => {
    const result = parseCccdQr('038205001122||Lê Văn Đức|01012005|Nam|Phường Thành Sen, tỉnh Hà Tĩnh|10022024');
    expect(result).toEqual({
      ok: true,
      card: {
        citizenId: '038205001122',
        oldId: null,
        fullName: 'Lê Văn Đức',
        birthDate: '2005-01-01',
        sex: 'MALE',
        address: 'Phường Thành Sen, tỉnh Hà Tĩnh',
        issuedOn: '2024-02-10',
      },
    });
  });

  it('accepts a 12-digit old ID (the CMND of 2012–2016)', () => {
    const result = parseCccdQr(HUONG.replace('|183456789|', '|042123456789|'));
    expect(result.ok && result.card.oldId).toBe('042123456789');
  });

  it('tolerates the Enter the scanner sends, stray spaces and letters typed decomposed', () => {
    expect(parseCccdQr(`${HUONG}\r\n`)).toEqual(parseCccdQr(HUONG));
    expect(parseCccdQr(`${HUONG}\n`)).toEqual(parseCccdQr(HUONG));
    expect(parseCccdQr(`${HUONG}\r`)).toEqual(parseCccdQr(HUONG));
    expect(parseCccdQr(HUONG.replace('|Nguyễn Thị Hường|', '| Nguyễn  Thị Hường |'))).toEqual(parseCccdQr(HUONG));
    const decomposed = HUONG.normalize('NFD');
    expect(decomposed).not.toBe(HUONG);
    const result = parseCccdQr(decomposed);
    expect(result.ok && result.card.fullName).toBe('Nguyễn Thị Hường');
    expect(result.ok && result.card.sex).toBe('FEMALE');
  });

  it('names a wrong number of parts', () => {
    expect(errorOf(parseCccdQr(''))).toMatchObject({ kind: 'PARTS', found: '1' });
    expect(errorOf(parseCccdQr('042190012345|183456789|Nguyễn Thị Hường|15031990|Nữ|Hà Tĩnh'))).toMatchObject({ kind: 'PARTS', found: '6' });
    expect(errorOf(parseCccdQr(`${HUONG}|extra`))).toMatchObject({ kind: 'PARTS', found: '8' });
    // Two scans run together (the clerk scanned twice before the field cleared).
    expect(errorOf(parseCccdQr(HUONG + HUONG))).toMatchObject({ kind: 'PARTS', found: '13' });
  });

  it('names a bad ID number', () => {
    expect(errorOf(parseCccdQr(HUONG.replace('042190012345', '04219001234')))).toMatchObject({ kind: 'CITIZEN_ID', part: 1 });
    expect(errorOf(parseCccdQr(HUONG.replace('042190012345', '04219001234X')))).toMatchObject({ kind: 'CITIZEN_ID', part: 1 });
    expect(errorOf(parseCccdQr(HUONG.replace('|183456789|', '|18345678|')))).toMatchObject({ kind: 'OLD_ID', part: 2, found: '18345678' });
  });

  it('names an ID number that disagrees with the birth year or the sex on the card', () => {
    // 4th digit 0 says a man, the card says Nữ.
    expect(errorOf(parseCccdQr(HUONG.replace('042190012345', '042090012345')))).toMatchObject({ kind: 'CITIZEN_ID_MISMATCH', part: 1 });
    // Born 1991 by the number, 1990 by the card.
    expect(errorOf(parseCccdQr(HUONG.replace('042190012345', '042191012345')))).toMatchObject({ kind: 'CITIZEN_ID_MISMATCH' });
    // Born in the 2000s by the number (3 = a woman born 2000–2099).
    expect(errorOf(parseCccdQr(HUONG.replace('042190012345', '042390012345')))).toMatchObject({ kind: 'CITIZEN_ID_MISMATCH' });
  });

  it('names an impossible date', () => {
    expect(errorOf(parseCccdQr(HUONG.replace('|15031990|', '|31021990|')))).toMatchObject({ kind: 'BIRTH_DATE', part: 4, found: '31021990' });
    expect(errorOf(parseCccdQr(HUONG.replace('|15031990|', '|15131990|')))).toMatchObject({ kind: 'BIRTH_DATE' });
    expect(errorOf(parseCccdQr(HUONG.replace('|15031990|', '|15/03/1990|')))).toMatchObject({ kind: 'BIRTH_DATE' });
    expect(errorOf(parseCccdQr(HUONG.replace('|15031990|', '|1503199|')))).toMatchObject({ kind: 'BIRTH_DATE' });
    expect(errorOf(parseCccdQr(HUONG.replace('|20042021', '|29022021')))).toMatchObject({ kind: 'ISSUED_ON', part: 7 });
    // Issued before the holder was born.
    expect(errorOf(parseCccdQr(HUONG.replace('|20042021', '|20041989')))).toMatchObject({ kind: 'ISSUED_ON' });
    // 29 February of a leap year is a day.
    expect(parseCccdQr(HUONG.replace('|20042021', '|29022024')).ok).toBe(true);
  });

  it('names a missing name or address and an unknown sex', () => {
    expect(errorOf(parseCccdQr(HUONG.replace('|Nguyễn Thị Hường|', '| |')))).toMatchObject({ kind: 'FULL_NAME', part: 3 });
    expect(errorOf(parseCccdQr(HUONG.replace('|Thôn Yên Thượng, xã Cẩm Xuyên, tỉnh Hà Tĩnh|', '||')))).toMatchObject({ kind: 'ADDRESS', part: 6 });
    expect(errorOf(parseCccdQr(HUONG.replace('|Nữ|', '|F|')))).toMatchObject({ kind: 'SEX', part: 5, found: 'F' });
    // A scanner typing through a non-Vietnamese keyboard layout loses the letter: "N?".
    expect(errorOf(parseCccdQr(HUONG.replace('|Nữ|', '|N?|')))).toMatchObject({ kind: 'SEX' });
    expect(errorOf(parseCccdQr(HUONG.replace('|Nữ|', '|Nu|'))).message.vi).toBe('Giới tính phải là "Nam" hoặc "Nữ".');
  });
});
