import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jsQR from 'jsqr';
import {
  type ApologyForm,
  type ControlSheetForm,
  type FormHeader,
  placeAndDate,
  type ReceiptForm,
  type ReceivedComponent,
  type RefusalForm,
  renderForm,
  renderReceipt,
  type SupplementRequestForm,
  vietnamDateTime,
  vnd,
} from '.';

/**
 * The forms are read back the way a citizen's PDF reader reads them: pdfjs extracts the text (every
 * diacritic must survive the font's encoding) and the embedded QR image, which jsQR decodes back to the
 * tracking URL. pdfjs is an ES module that jest's sandbox cannot import, so it runs in a child `node`
 * (only Node and the installed packages: no system tool).
 */

interface ReadImage {
  width: number;
  height: number;
  kind: number;
  data: string;
}
interface ReadPdf {
  title: string;
  pages: Array<{ text: string; images: ReadImage[] }>;
}

const READER = `
import { readFileSync } from 'node:fs';
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
const data = new Uint8Array(readFileSync(0));
const doc = await pdfjs.getDocument({ data, verbosity: 0, isEvalSupported: false }).promise;
const { info } = await doc.getMetadata();
const pages = [];
for (let n = 1; n <= doc.numPages; n++) {
  const page = await doc.getPage(n);
  const content = await page.getTextContent();
  const text = content.items.map((item) => item.str + (item.hasEOL ? '\\n' : '')).join('');
  const ops = await page.getOperatorList();
  const images = [];
  for (let i = 0; i < ops.fnArray.length; i++) {
    if (ops.fnArray[i] !== pdfjs.OPS.paintImageXObject) continue;
    const name = ops.argsArray[i][0];
    const objs = name.startsWith('g_') ? page.commonObjs : page.objs;
    const image = await new Promise((resolve) => objs.get(name, resolve));
    images.push({ width: image.width, height: image.height, kind: image.kind, data: Buffer.from(image.data).toString('base64') });
  }
  pages.push({ text, images });
}
process.stdout.write(JSON.stringify({ title: info.Title, pages }));
`;

function readPdf(pdf: Buffer): ReadPdf {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', READER], {
    input: pdf,
    cwd: join(__dirname, '..', '..', '..', '..'),
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out.toString('utf8')) as ReadPdf;
}

/** The page's text with runs of white space made single, as one reads it. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

/** pdfjs's image kinds (1: 1 bit grey, 2: RGB, 3: RGBA) to the RGBA jsQR reads. */
function rgba(image: ReadImage): Uint8ClampedArray {
  const src = Buffer.from(image.data, 'base64');
  const out = new Uint8ClampedArray(image.width * image.height * 4);
  const rowBytes = Math.ceil(image.width / 8);
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const p = y * image.width + x;
      let r: number, g: number, b: number;
      if (image.kind === 1) {
        r = g = b = src[y * rowBytes + (x >> 3)] & (0x80 >> (x & 7)) ? 255 : 0;
      } else {
        const step = image.kind === 2 ? 3 : 4;
        [r, g, b] = [src[p * step], src[p * step + 1], src[p * step + 2]];
      }
      out.set([r, g, b, 255], p * 4);
    }
  }
  return out;
}

// 09:15 on 4 December 2026 in Hà Tĩnh is 02:15 UTC: whatever the zone of the machine, the forms say 09:15.
const received = new Date('2026-12-04T02:15:00Z');
const due = new Date('2026-12-11T09:30:00Z');
const header: FormHeader = {
  parentName: 'UBND tỉnh Hà Tĩnh',
  issuerName: 'Trung tâm Phục vụ hành chính công tỉnh',
  placeName: 'Hà Tĩnh',
  issuedAt: received,
};
const applicant = { fullName: 'Nguyễn Thị Hường', address: 'Số 12, đường Phan Đình Phùng, phường Thành Sen, tỉnh Hà Tĩnh', phone: '0912 345 678', email: 'huong.nt@example.vn' };
const code = '000.00.00.H27-261204-0007';
const trackingUrl = `https://motcua.hatinh.example.vn/tra-cuu?ma=${code}`;

const components: ReceivedComponent[] = [
  { name: 'Tờ khai đăng ký khai sinh (theo mẫu)', form: 'ORIGINAL', count: 1, digitised: true },
  { name: 'Giấy chứng sinh do cơ sở y tế cấp', form: 'ORIGINAL', count: 1, digitised: true },
  { name: 'Giấy chứng nhận kết hôn của cha, mẹ', form: 'CERTIFIED_COPY', count: 1, digitised: false },
];

const receipt: ReceiptForm = {
  ...header,
  dossierCode: code,
  procedureName: 'Đăng ký khai sinh',
  procedureCode: '1.001193',
  applicant,
  components,
  processingTime: '05 ngày làm việc',
  procedureFee: 50000,
  postalFee: 25000,
  receivedAt: received,
  dueAt: due,
  delivery: { kind: 'BY_POST', address: 'Thôn Yên Thượng, xã Cẩm Xuyên, tỉnh Hà Tĩnh' },
  clerk: { name: 'Trần Văn Đức' },
  trackingUrl,
};

const supplement: SupplementRequestForm = {
  ...header,
  dossierCode: code,
  procedureName: 'Đăng ký khai sinh',
  applicant,
  receivedAt: received,
  items: ['Bản sao chứng thực Giấy chứng nhận kết hôn của cha, mẹ', 'Tờ khai ghi đủ nơi cư trú của người mẹ'],
  reason: 'Giấy chứng nhận kết hôn nộp kèm là bản chụp, không có chứng thực.',
  clerk: { name: 'Trần Văn Đức' },
  contactPhone: '0239 3855 555',
};

const refusal: RefusalForm = {
  ...header,
  procedureName: 'Cấp giấy phép xây dựng nhà ở riêng lẻ',
  applicant,
  legalBasis: 'khoản 3 Điều 19 Nghị định 61/2018/NĐ-CP',
  reason: 'Thửa đất thuộc quy hoạch hành lang an toàn đường bộ; thủ tục không thuộc thẩm quyền giải quyết của cơ quan.',
  clerk: { name: 'Lê Thị Mỹ Hạnh' },
};

const apology: ApologyForm = {
  ...header,
  issuerName: 'Sở Tư pháp tỉnh Hà Tĩnh',
  issuedAt: new Date('2026-12-11T08:00:00Z'),
  dossierCode: code,
  procedureName: 'Cấp phiếu lý lịch tư pháp',
  applicant,
  receivedAt: received,
  originalDueAt: due,
  newDueAt: new Date('2026-12-17T17:00:00Z'), // 18/12 in Vietnam
  reason: 'Cơ quan phối hợp xác minh chưa gửi kết quả xác minh nhân thân.',
  signatory: { role: 'Giám đốc', name: 'Phạm Quốc Việt' },
};

const controlSheet: ControlSheetForm = {
  ...header,
  dossierCode: code,
  procedureName: 'Đăng ký khai sinh',
  applicant,
  decidingAgency: 'UBND xã Cẩm Xuyên',
  coordinatingAgencies: ['Công an xã Cẩm Xuyên'],
  receivedAt: received,
  dueAt: due,
  handOffs: [
    {
      fromName: 'Trần Văn Đức',
      fromUnit: 'Bộ phận Một cửa, Bưu điện huyện Cẩm Xuyên',
      toName: 'Hoàng Minh Tuấn',
      toUnit: 'Bưu cục Cẩm Xuyên (vận chuyển)',
      at: new Date('2026-12-04T08:40:00Z'),
      dueAt: new Date('2026-12-05T01:00:00Z'),
      result: 'Đúng hạn',
    },
    {
      fromName: 'Hoàng Minh Tuấn',
      fromUnit: 'Bưu cục Cẩm Xuyên',
      toName: 'Võ Thị Lan',
      toUnit: 'Công chức tư pháp - hộ tịch, UBND xã Cẩm Xuyên',
      at: new Date('2026-12-05T00:30:00Z'),
      dueAt: new Date('2026-12-10T09:30:00Z'),
      result: 'Trước hạn',
      notes: 'Đã ký Sổ theo dõi hồ sơ',
    },
  ],
};

// FORMS_OUT=/tmp/forms npx jest documents writes the PDFs there, to look at them.
function keep(name: string, pdf: Buffer) {
  const dir = process.env.FORMS_OUT;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.pdf`), pdf);
}

describe('the legal forms of Circular 01/2018/TT-VPCP', () => {
  it('formats days, times and money as Vietnamese documents write them, in Vietnam time', () => {
    expect(vietnamDateTime(new Date('2026-12-04T02:15:00Z'))).toBe('04/12/2026 09:15');
    // 17:30 UTC on 31/12 is already the new year in Hà Tĩnh.
    expect(vietnamDateTime(new Date('2026-12-31T17:30:00Z'))).toBe('01/01/2027 00:30');
    expect(placeAndDate('Hà Tĩnh', new Date('2026-12-03T20:00:00Z'))).toBe('Hà Tĩnh, ngày 04 tháng 12 năm 2026');
    expect(vnd(50000)).toBe('50.000 đ');
    expect(vnd(1250000)).toBe('1.250.000 đ');
    expect(vnd(0)).toBe('0 đ');
  });

  it('form 01: the receipt keeps every diacritic and its QR code opens the tracking page', async () => {
    const pdf = await renderReceipt(receipt);
    keep('01-receipt', pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const read = readPdf(pdf);
    expect(read.pages).toHaveLength(1);
    expect(read.title).toBe(`Giấy tiếp nhận hồ sơ và hẹn trả kết quả - ${code}`);
    const text = flat(read.pages[0].text);
    for (const expected of [
      'Mẫu số 01',
      'UBND TỈNH HÀ TĨNH',
      'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Hà Tĩnh, ngày 04 tháng 12 năm 2026',
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      `Mã hồ sơ: ${code}`,
      'Ông/Bà: Nguyễn Thị Hường',
      'Số 12, đường Phan Đình Phùng, phường Thành Sen, tỉnh Hà Tĩnh',
      '0912 345 678',
      'huong.nt@example.vn',
      'Đăng ký khai sinh (mã thủ tục 1.001193)',
      'Giấy chứng sinh do cơ sở y tế cấp',
      'Bản sao chứng thực',
      '05 ngày làm việc',
      'Thời gian nhận hồ sơ: 04/12/2026 09:15',
      'Thời gian trả kết quả giải quyết hồ sơ: 11/12/2026 16:30',
      'Phí, lệ phí giải quyết thủ tục: 50.000 đ',
      'Cước dịch vụ bưu chính công ích: 25.000 đ',
      'Tổng cộng: 75.000 đ',
      'Qua dịch vụ bưu chính công ích, đến địa chỉ: Thôn Yên Thượng, xã Cẩm Xuyên, tỉnh Hà Tĩnh',
      `Tra cứu hồ sơ: ${trackingUrl}`,
      'NGƯỜI TIẾP NHẬN HỒ SƠ',
      'Trần Văn Đức',
    ]) {
      expect(text).toContain(expected);
    }
    // The table: one numbered row per component, digitised or not.
    expect(text).toMatch(/1 Tờ khai đăng ký khai sinh \(theo mẫu\) Bản chính 01 Có/);
    expect(text).toMatch(/3 Giấy chứng nhận kết hôn của cha, mẹ Bản sao chứng thực 01 Không/);

    const images = read.pages[0].images;
    expect(images).toHaveLength(1);
    const qr = jsQR(rgba(images[0]), images[0].width, images[0].height);
    expect(qr?.data).toBe(trackingUrl);
  });

  it('form 01: a result collected at the desk names the desk', async () => {
    const text = flat(readPdf(await renderReceipt({ ...receipt, delivery: { kind: 'AT_DESK', deskName: 'Bộ phận Một cửa xã Cẩm Xuyên' }, postalFee: 0 })).pages[0].text);
    expect(text).toContain('Đăng ký nhận kết quả: Tại Bộ phận Một cửa xã Cẩm Xuyên');
    expect(text).toContain('Cước dịch vụ bưu chính công ích: 0 đ');
    expect(text).toContain('Tổng cộng: 50.000 đ');
  });

  it('form 01: the receipt of a usual dossier (eight components) fits on one page', async () => {
    const eight = Array.from({ length: 8 }, (_, i): ReceivedComponent => ({ name: `Giấy tờ số ${i + 1}: bản kê khai điều kiện kinh doanh`, form: 'COPY', count: 1, digitised: true }));
    const read = readPdf(await renderReceipt({ ...receipt, components: eight }));
    expect(read.pages).toHaveLength(1);
    expect(flat(read.pages[0].text)).toContain('8 Giấy tờ số 8: bản kê khai điều kiện kinh doanh Bản sao 01 Có');
  });

  it('form 01: a long list of components runs onto the next page with the table header repeated', async () => {
    const many = Array.from({ length: 45 }, (_, i): ReceivedComponent => ({ name: `Giấy tờ chứng minh điều kiện số ${i + 1} (bản kê khai)`, form: 'COPY', count: 2, digitised: i % 2 === 0 }));
    const pdf = await renderReceipt({ ...receipt, components: many });
    keep('01-receipt-long', pdf);
    const read = readPdf(pdf);
    expect(read.pages.length).toBeGreaterThanOrEqual(2);
    const [first, second] = read.pages.map((p) => flat(p.text));
    const tableHeader = 'STT Tên giấy tờ Hình thức Số lượng Đã số hóa';
    expect(first).toContain(tableHeader);
    expect(second).toContain(tableHeader);
    expect(second).toContain(`Mã hồ sơ: ${code} (tiếp theo)`);
    expect(second).toContain(`Trang 2/${read.pages.length}`);
    const all = read.pages.map((p) => flat(p.text)).join(' ');
    expect(all).toContain('45 Giấy tờ chứng minh điều kiện số 45 (bản kê khai) Bản sao 02 Có');
    // Everything after the table is there once, the QR included.
    expect(all.split('NGƯỜI TIẾP NHẬN HỒ SƠ')).toHaveLength(2);
    expect(read.pages.flatMap((p) => p.images)).toHaveLength(1);
  });

  it('form 02: the supplement request lists what to supplement, why, and whom to call', async () => {
    const pdf = await renderForm('SUPPLEMENT_REQUEST', supplement);
    keep('02-supplement-request', pdf);
    const read = readPdf(pdf);
    expect(read.title).toBe(`Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ - ${code}`);
    const text = flat(read.pages.map((p) => p.text).join('\n'));
    for (const expected of [
      'Mẫu số 02',
      'Độc lập - Tự do - Hạnh phúc',
      'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
      `Mã hồ sơ: ${code}`,
      'Hồ sơ của Ông/Bà: Nguyễn Thị Hường',
      'Bản sao chứng thực Giấy chứng nhận kết hôn của cha, mẹ',
      'Tờ khai ghi đủ nơi cư trú của người mẹ',
      'Lý do: Giấy chứng nhận kết hôn nộp kèm là bản chụp, không có chứng thực.',
      'số điện thoại 0239 3855 555',
      'NGƯỜI HƯỚNG DẪN',
      'Trần Văn Đức',
    ]) {
      expect(text).toContain(expected);
    }
    expect(read.pages.flatMap((p) => p.images)).toHaveLength(0);
  });

  it('form 03: the refusal gives its legal basis and reason', async () => {
    const pdf = await renderForm('REFUSAL', refusal);
    keep('03-refusal', pdf);
    const text = flat(readPdf(pdf).pages.map((p) => p.text).join('\n'));
    for (const expected of [
      'Mẫu số 03',
      'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
      'Ông/Bà: Nguyễn Thị Hường',
      'Cấp giấy phép xây dựng nhà ở riêng lẻ',
      'Căn cứ quy định tại khoản 3 Điều 19 Nghị định 61/2018/NĐ-CP',
      'Thửa đất thuộc quy hoạch hành lang an toàn đường bộ',
      'Xin thông báo cho Ông/Bà được biết và thực hiện./.',
      'NGƯỜI TIẾP NHẬN HỒ SƠ',
      'Lê Thị Mỹ Hạnh',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('Mã hồ sơ');
  });

  it('form 04: the apology gives the reason, the missed due date and the new date', async () => {
    const pdf = await renderForm('APOLOGY', apology);
    keep('04-apology', pdf);
    const text = flat(readPdf(pdf).pages.map((p) => p.text).join('\n'));
    for (const expected of [
      'Mẫu số 04',
      'Hà Tĩnh, ngày 11 tháng 12 năm 2026',
      'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
      'Kính gửi: Ông/Bà Nguyễn Thị Hường',
      'Ngày 04/12/2026, Sở Tư pháp tỉnh Hà Tĩnh tiếp nhận giải quyết hồ sơ của Ông/Bà',
      `Mã hồ sơ: ${code}`,
      'Thời hạn trả kết quả giải quyết hồ sơ: 11/12/2026 16:30',
      'Lý do: Cơ quan phối hợp xác minh chưa gửi kết quả xác minh nhân thân.',
      'ngày 18 tháng 12 năm 2026',
      'GIÁM ĐỐC',
      '(Ký, ghi rõ họ tên, đóng dấu)',
      'Phạm Quốc Việt',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('form 05: the control sheet has a row per hand-off', async () => {
    const pdf = await renderForm('CONTROL_SHEET', controlSheet);
    keep('05-control-sheet', pdf);
    const text = flat(readPdf(pdf).pages.map((p) => p.text).join('\n'));
    for (const expected of [
      'Mẫu số 05',
      'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
      `Kèm theo hồ sơ có mã số: ${code}`,
      'Cơ quan (bộ phận) giải quyết hồ sơ: UBND xã Cẩm Xuyên',
      'Cơ quan phối hợp giải quyết hồ sơ: Công an xã Cẩm Xuyên',
      'Người giao, đơn vị',
      'Hoàng Minh Tuấn',
      'Công chức tư pháp - hộ tịch, UBND xã Cẩm Xuyên',
      '04/12/2026 15:40',
      '05/12/2026 07:30',
      '10/12/2026 16:30',
      'Trước hạn',
      'Đã ký Sổ theo dõi hồ sơ',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('renderForm renders each kind with its own fields', async () => {
    const kinds = [
      ['RECEIPT', receipt, 'Mẫu số 01'],
      ['SUPPLEMENT_REQUEST', supplement, 'Mẫu số 02'],
      ['REFUSAL', refusal, 'Mẫu số 03'],
      ['APOLOGY', apology, 'Mẫu số 04'],
      ['CONTROL_SHEET', controlSheet, 'Mẫu số 05'],
    ] as const;
    for (const [kind, data, tag] of kinds) {
      const text = flat(readPdf(await renderForm(kind, data as never)).pages[0].text);
      expect(text).toContain(tag);
      for (const [other, , otherTag] of kinds) if (other !== kind) expect(text).not.toContain(otherTag);
    }
  });
});
