import QRCode from 'qrcode';
import type { Content, TableCell } from 'pdfmake/interfaces';
import { vietnamDateTime, vietnamDay, vnd } from './format';
import { type FormHeader, field, heading, pageFurniture, paragraph, renderPdf, type Signatory, signatures, table, title } from './layout';

/**
 * The forms of Circular 01/2018/TT-VPCP (the one-stop mechanism of Decree 61/2018/NĐ-CP) as PDF: 01 the
 * receipt and appointment, 02 the request to supplement, 03 the refusal, 04 the apology with a new
 * date, 05 the control sheet. Plain data in, the PDF's bytes out: no database, no GraphQL.
 */

export type { FormHeader, Signatory } from './layout';

/** The applicant as the forms print them (personal data: the caller decides who may get the document). */
export interface FormApplicant {
  fullName: string;
  address?: string;
  phone?: string;
  email?: string;
}

/** One component (giấy tờ) of the dossier as received. */
export interface ReceivedComponent {
  name: string;
  /** Bản chính, bản sao, bản sao chứng thực. */
  form: 'ORIGINAL' | 'COPY' | 'CERTIFIED_COPY';
  /** How many of it (sheets or copies). */
  count: number;
  /** Scanned into the electronic dossier at reception. */
  digitised: boolean;
}

/** Where the result goes: collected at the desk, or posted (BCCI) to an address. */
export type ResultDelivery = { kind: 'AT_DESK'; deskName?: string } | { kind: 'BY_POST'; address: string };

/** Form 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả. */
export interface ReceiptForm extends FormHeader {
  dossierCode: string;
  procedureName: string;
  /** The national catalogue code, printed beside the name when given. */
  procedureCode?: string;
  applicant: FormApplicant;
  components: ReceivedComponent[];
  /** The legal processing time as the procedure states it, e.g. "05 ngày làm việc"; optional. */
  processingTime?: string;
  /** VND: the procedure's fee or charge (phí, lệ phí). */
  procedureFee: number;
  /** VND: the postal fee of the BCCI service, 0 when none. */
  postalFee: number;
  receivedAt: Date;
  /** The appointment: when the result is due. */
  dueAt: Date;
  delivery: ResultDelivery;
  /** The receiving clerk (role defaults to "Người tiếp nhận hồ sơ"). */
  clerk: Signatory;
  /** The public tracking page of this dossier: the QR code encodes it, the line under it prints it. */
  trackingUrl: string;
}

/** Form 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. */
export interface SupplementRequestForm extends FormHeader {
  dossierCode: string;
  procedureName: string;
  applicant: FormApplicant;
  receivedAt?: Date;
  /** What the applicant must supplement or complete, one line each. */
  items: string[];
  reason: string;
  /** The clerk who guides the applicant (role defaults to "Người hướng dẫn"). */
  clerk: Signatory;
  /** The phone number to call with questions (the desk's or the clerk's). */
  contactPhone?: string;
}

/** Form 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ. */
export interface RefusalForm extends FormHeader {
  procedureName: string;
  applicant: FormApplicant;
  /** The code, when the dossier was registered before it was refused (online, say). */
  dossierCode?: string;
  /** The legal provision the refusal rests on, e.g. "khoản 2 Điều 9 Nghị định 61/2018/NĐ-CP"; optional. */
  legalBasis?: string;
  reason: string;
  /** Who refuses (role defaults to "Người tiếp nhận hồ sơ"). */
  clerk: Signatory;
}

/** Form 04: Phiếu xin lỗi và hẹn lại ngày trả kết quả. */
export interface ApologyForm extends FormHeader {
  dossierCode: string;
  procedureName: string;
  applicant: FormApplicant;
  /** The agency apologising, as the sentences name it; defaults to the issuer. */
  agencyName?: string;
  receivedAt: Date;
  /** The legal due date that was missed. */
  originalDueAt: Date;
  /** The new date the result will be returned on. */
  newDueAt: Date;
  /** Why the result is late. */
  reason: string;
  /** The head of the agency (role defaults to "Thủ trưởng cơ quan"). */
  signatory: Signatory;
}

/** One hand-off of the dossier, a row of the control sheet. */
export interface HandOff {
  fromName: string;
  fromUnit: string;
  toName: string;
  toUnit: string;
  at: Date;
  /** When the receiving side must be done with it. */
  dueAt?: Date;
  /** The step's result as the form asks it: "Trước hạn", "Đúng hạn", "Quá hạn" or a decision. */
  result?: string;
  notes?: string;
}

/** Form 05: Phiếu kiểm soát quá trình giải quyết hồ sơ. */
export interface ControlSheetForm extends FormHeader {
  dossierCode: string;
  procedureName: string;
  applicant: FormApplicant;
  /** The agency (unit) deciding the dossier. */
  decidingAgency: string;
  /** Agencies taking part in the decision, if any. */
  coordinatingAgencies?: string[];
  receivedAt: Date;
  dueAt: Date;
  handOffs: HandOff[];
}

export const FORM_NUMBERS = { RECEIPT: '01', SUPPLEMENT_REQUEST: '02', REFUSAL: '03', APOLOGY: '04', CONTROL_SHEET: '05' } as const;

export const FORM_TITLES = {
  RECEIPT: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
  SUPPLEMENT_REQUEST: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
  REFUSAL: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ',
  APOLOGY: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả',
  CONTROL_SHEET: 'Phiếu kiểm soát quá trình giải quyết hồ sơ',
} as const;

export interface FormData {
  RECEIPT: ReceiptForm;
  SUPPLEMENT_REQUEST: SupplementRequestForm;
  REFUSAL: RefusalForm;
  APOLOGY: ApologyForm;
  CONTROL_SHEET: ControlSheetForm;
}
export type FormKind = keyof FormData;

const COMPONENT_FORMS: Record<ReceivedComponent['form'], string> = { ORIGINAL: 'Bản chính', COPY: 'Bản sao', CERTIFIED_COPY: 'Bản sao chứng thực' };

const two = (n: number) => String(n).padStart(2, '0');

function metadata(kind: FormKind, h: FormHeader, code: string | undefined) {
  return {
    title: code ? `${FORM_TITLES[kind]} - ${code}` : FORM_TITLES[kind],
    subject: `Mẫu số ${FORM_NUMBERS[kind]}, Thông tư 01/2018/TT-VPCP`,
    author: h.issuerName,
    creator: 'One-Stop Post',
  };
}

const codeLine = (code: string): Content => ({ text: ['Mã hồ sơ: ', { text: code, bold: true }] });

const QR_SIZE = 92;

/** The QR code of the tracking page as a PNG data URL (pdfmake embeds it as an image). */
async function trackingQr(url: string): Promise<string> {
  const png = await QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 6 });
  return `data:image/png;base64,${png.toString('base64')}`;
}

/** Form 01, given to the applicant when the dossier is received. */
export async function renderReceipt(f: ReceiptForm): Promise<Buffer> {
  const a = f.applicant;
  const rows: TableCell[][] = f.components.map((c, i) => [
    { text: String(i + 1), alignment: 'center' },
    c.name,
    { text: COMPONENT_FORMS[c.form], alignment: 'center' },
    { text: two(c.count), alignment: 'center' },
    { text: c.digitised ? 'Có' : 'Không', alignment: 'center' },
  ]);
  const delivery =
    f.delivery.kind === 'AT_DESK'
      ? `Tại ${f.delivery.deskName ?? f.issuerName}`
      : `Qua dịch vụ bưu chính công ích, đến địa chỉ: ${f.delivery.address}`;
  const qr = await trackingQr(f.trackingUrl);
  const content: Content[] = [
    ...heading(f, FORM_NUMBERS.RECEIPT),
    ...title(FORM_TITLES.RECEIPT, codeLine(f.dossierCode)),
    paragraph(`${f.issuerName} tiếp nhận hồ sơ của:`),
    field('Ông/Bà', a.fullName, { bold: true }),
    field('Địa chỉ', a.address),
    { columns: [field('Số điện thoại', a.phone), field('Thư điện tử', a.email)], columnGap: 8 },
    field('Nội dung yêu cầu giải quyết', f.procedureCode ? `${f.procedureName} (mã thủ tục ${f.procedureCode})` : f.procedureName),
    paragraph({ text: `1. Thành phần hồ sơ nộp gồm (${f.components.length} thành phần):` }, [0, 6, 0, 2]),
    table(['STT', 'Tên giấy tờ', 'Hình thức', 'Số lượng', 'Đã số hóa'], rows, [24, '*', 92, 46, 50]),
    {
      // The QR code beside the appointment, so that a receipt of a usual dossier fits on one page.
      columnGap: 12,
      unbreakable: true,
      columns: [
        {
          width: '*',
          stack: [
            field('2. Thời gian giải quyết hồ sơ theo quy định', f.processingTime),
            field('3. Thời gian nhận hồ sơ', vietnamDateTime(f.receivedAt)),
            field('4. Thời gian trả kết quả giải quyết hồ sơ', vietnamDateTime(f.dueAt), { bold: true }),
            paragraph('5. Phí, lệ phí và cước dịch vụ đã thu:', [0, 0, 0, 1]),
            {
              margin: [14, 0, 0, 2],
              stack: [
                field('Phí, lệ phí giải quyết thủ tục', vnd(f.procedureFee)),
                field('Cước dịch vụ bưu chính công ích', vnd(f.postalFee)),
                field('Tổng cộng', vnd(f.procedureFee + f.postalFee), { bold: true }),
              ],
            },
            field('6. Đăng ký nhận kết quả', delivery),
          ],
        },
        {
          width: QR_SIZE,
          stack: [
            { image: qr, width: QR_SIZE, height: QR_SIZE },
            { text: 'Quét mã, nhập số điện thoại đã đăng ký để tra cứu', fontSize: 7.5, italics: true, alignment: 'center' },
          ],
        },
      ],
    },
    {
      fontSize: 9.5,
      margin: [0, 4, 0, 0],
      text: ['Tra cứu hồ sơ: ', { text: f.trackingUrl, link: f.trackingUrl, color: '#0b4f9c' }],
    },
    signatures([
      { signatory: { role: 'Người nộp hồ sơ', name: a.fullName }, defaultRole: 'Người nộp hồ sơ' },
      { signatory: f.clerk, defaultRole: 'Người tiếp nhận hồ sơ' },
    ]),
  ];
  return renderPdf({ info: metadata('RECEIPT', f, f.dossierCode), content, ...pageFurniture(f.dossierCode) });
}

/** Form 02, when the dossier is incomplete or wrong: what to supplement and why. */
export async function renderSupplementRequest(f: SupplementRequestForm): Promise<Buffer> {
  const content: Content[] = [
    ...heading(f, FORM_NUMBERS.SUPPLEMENT_REQUEST),
    ...title(FORM_TITLES.SUPPLEMENT_REQUEST, codeLine(f.dossierCode)),
    field('Hồ sơ của Ông/Bà', f.applicant.fullName, { bold: true }),
    field('Nội dung yêu cầu giải quyết', f.procedureName),
    ...(f.receivedAt ? [field('Ngày tiếp nhận hồ sơ', vietnamDateTime(f.receivedAt))] : []),
    paragraph('Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:', [0, 6, 0, 2]),
    { ol: f.items.map((item) => ({ text: item, margin: [0, 0, 0, 2] })), margin: [14, 0, 0, 6] } as Content,
    field('Lý do', f.reason),
    paragraph(
      [
        'Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, Ông/Bà liên hệ với ',
        { text: f.clerk.name, bold: true },
        f.contactPhone ? `, số điện thoại ${f.contactPhone},` : '',
        ' để được hướng dẫn.',
      ],
      [0, 6, 0, 0],
    ),
    signatures([{ signatory: f.clerk, defaultRole: 'Người hướng dẫn' }]),
  ];
  return renderPdf({ info: metadata('SUPPLEMENT_REQUEST', f, f.dossierCode), content, ...pageFurniture(f.dossierCode) });
}

/** Form 03, when the dossier cannot be received and decided. */
export async function renderRefusal(f: RefusalForm): Promise<Buffer> {
  const a = f.applicant;
  const content: Content[] = [
    ...heading(f, FORM_NUMBERS.REFUSAL),
    ...title(FORM_TITLES.REFUSAL, f.dossierCode ? codeLine(f.dossierCode) : undefined),
    paragraph(`${f.issuerName} tiếp nhận hồ sơ của:`),
    field('Ông/Bà', a.fullName, { bold: true }),
    field('Địa chỉ', a.address),
    { columns: [field('Số điện thoại', a.phone), field('Thư điện tử', a.email)], columnGap: 8 },
    field('Nội dung yêu cầu giải quyết', f.procedureName),
    paragraph(
      [
        f.legalBasis ? `Căn cứ quy định tại ${f.legalBasis}, ` : '',
        `${f.issuerName} không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:`,
      ],
      [0, 6, 0, 2],
    ),
    { text: f.reason, margin: [14, 0, 0, 6], alignment: 'justify' },
    paragraph('Xin thông báo cho Ông/Bà được biết và thực hiện./.'),
    signatures([{ signatory: f.clerk, defaultRole: 'Người tiếp nhận hồ sơ' }]),
  ];
  return renderPdf({ info: metadata('REFUSAL', f, f.dossierCode), content, ...pageFurniture(f.dossierCode) });
}

/** Form 04, for an overdue dossier: the apology and the new date, kept beside the legal one. */
export async function renderApology(f: ApologyForm): Promise<Buffer> {
  const agency = f.agencyName ?? f.issuerName;
  const [day, month, year] = vietnamDay(f.newDueAt).split('/');
  const content: Content[] = [
    ...heading(f, FORM_NUMBERS.APOLOGY),
    ...title(FORM_TITLES.APOLOGY),
    { text: ['Kính gửi: Ông/Bà ', { text: f.applicant.fullName, bold: true }], alignment: 'center', margin: [0, 0, 0, 8] },
    paragraph(`Ngày ${vietnamDay(f.receivedAt)}, ${agency} tiếp nhận giải quyết hồ sơ của Ông/Bà:`),
    field('Nội dung yêu cầu giải quyết', f.procedureName),
    field('Mã hồ sơ', f.dossierCode, { bold: true }),
    field('Thời hạn trả kết quả giải quyết hồ sơ', vietnamDateTime(f.originalDueAt)),
    paragraph(`Tuy nhiên đến nay, ${agency} chưa trả kết quả giải quyết hồ sơ của Ông/Bà.`, [0, 6, 0, 2]),
    field('Lý do', f.reason),
    paragraph(
      [
        `Sự chậm trễ này đã gây phiền hà, tốn kém chi phí đi lại của Ông/Bà. ${agency} xin lỗi Ông/Bà và sẽ trả kết quả giải quyết hồ sơ cho Ông/Bà vào `,
        { text: `ngày ${day} tháng ${month} năm ${year}`, bold: true },
        '.',
      ],
      [0, 6, 0, 4],
    ),
    paragraph('Xin trân trọng cảm ơn sự hợp tác của Ông/Bà./.'),
    signatures([{ signatory: f.signatory, defaultRole: 'Thủ trưởng cơ quan', note: '(Ký, ghi rõ họ tên, đóng dấu)' }]),
  ];
  return renderPdf({ info: metadata('APOLOGY', f, f.dossierCode), content, ...pageFurniture(f.dossierCode) });
}

/** Form 05, travelling with the dossier: every hand-off from reception to the return of the result. */
export async function renderControlSheet(f: ControlSheetForm): Promise<Buffer> {
  const rows: TableCell[][] = f.handOffs.map((h, i) => [
    { text: String(i + 1), alignment: 'center' },
    { stack: [{ text: h.fromName, bold: true }, h.fromUnit] },
    { stack: [{ text: h.toName, bold: true }, h.toUnit] },
    { text: vietnamDateTime(h.at), alignment: 'center' },
    { text: h.dueAt ? vietnamDateTime(h.dueAt) : '', alignment: 'center' },
    { stack: [h.result ?? '', ...(h.notes ? [{ text: h.notes, italics: true }] : [])] },
  ]);
  const coordinating = f.coordinatingAgencies?.length ? f.coordinatingAgencies.join('; ') : 'Không';
  const content: Content[] = [
    ...heading(f, FORM_NUMBERS.CONTROL_SHEET),
    ...title(FORM_TITLES.CONTROL_SHEET, { text: ['Kèm theo hồ sơ có mã số: ', { text: f.dossierCode, bold: true }] }),
    field('Người nộp hồ sơ', f.applicant.fullName, { bold: true }),
    field('Nội dung yêu cầu giải quyết', f.procedureName),
    field('Cơ quan (bộ phận) giải quyết hồ sơ', f.decidingAgency),
    field('Cơ quan phối hợp giải quyết hồ sơ', coordinating),
    { columns: [field('Ngày nhận hồ sơ', vietnamDateTime(f.receivedAt)), field('Hạn trả kết quả', vietnamDateTime(f.dueAt), { bold: true })], columnGap: 8 },
    paragraph('Quá trình giao, nhận hồ sơ:', [0, 6, 0, 2]),
    table(['STT', 'Người giao, đơn vị', 'Người nhận, đơn vị', 'Thời gian giao, nhận', 'Hạn xử lý', 'Kết quả, ghi chú'], rows, [22, '*', '*', 64, 64, 78], 9),
  ];
  return renderPdf({ info: metadata('CONTROL_SHEET', f, f.dossierCode), content, ...pageFurniture(f.dossierCode) });
}

const RENDERERS: { [K in FormKind]: (data: FormData[K]) => Promise<Buffer> } = {
  RECEIPT: renderReceipt,
  SUPPLEMENT_REQUEST: renderSupplementRequest,
  REFUSAL: renderRefusal,
  APOLOGY: renderApology,
  CONTROL_SHEET: renderControlSheet,
};

/** Any of the five forms by its kind. */
export function renderForm<K extends FormKind>(kind: K, data: FormData[K]): Promise<Buffer> {
  return (RENDERERS[kind] as (data: FormData[K]) => Promise<Buffer>)(data);
}
