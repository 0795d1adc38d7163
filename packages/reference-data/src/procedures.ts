/**
 * A sample procedure catalogue (danh mục thủ tục hành chính) in the shape a province publishes it,
 * after Bắc Kạn's list under Decision 591/QĐ-UBND of 3/5/2017 (which procedures go through the public
 * postal service, BCCI, and how). The demo seed loads it for every province that has demo desks.
 *
 * What is real and what is illustrative: the names, fields, levels and the usual legal processing times
 * follow the national catalogue as provinces publish it; the codes of birth, marriage and death
 * registration (1.001193, 1.000894, 1.000656) are the national catalogue's; the other codes have the
 * national format but are ILLUSTRATIVE (not checked against the national database). Fees are typical
 * amounts, postal fees an illustrative flat rate per leg; the BCCI modes are a plausible split, not a
 * province's decision.
 */
export type ProcedureLevelCode = 'PROVINCE' | 'DISTRICT' | 'COMMUNE';
export type BcciModeCode = 'RECEIVE_AND_RETURN' | 'RETURN_ONLY' | 'NOT_ELIGIBLE';

export interface ProcedureRecord {
  code: string;
  name: string;
  /** A procedure field code (the staff module's list). */
  field: string;
  level: ProcedureLevelCode;
  procedureFee: number;
  postalFee: number;
  processingTime: number;
  processingUnit: 'WORKING_DAYS' | 'WORKING_HOURS';
  onlineLevel: 'NONE' | 'PARTIAL' | 'FULL';
  bcciMode: BcciModeCode;
  /** Name, then originals and copies (1/0 default: one original); "?" at the end = only if it applies. */
  components: string[];
  /** True for the three codes checked against the national catalogue. */
  verifiedCode: boolean;
}

type Row = [code: string, name: string, field: string, level: 'T' | 'H' | 'X', fee: number, time: number, unit: 'D' | 'H', online: 'N' | 'P' | 'F', bcci: 'RR' | 'RO' | 'NE', components: string[]];

const TK = 'Tờ khai theo mẫu';
const CCCD = 'Căn cước công dân hoặc giấy tờ tùy thân có ảnh (xuất trình)';
const ROWS: Row[] = [
  // Hộ tịch (cấp xã)
  ['1.001193', 'Đăng ký khai sinh', 'HO_TICH', 'X', 0, 1, 'D', 'F', 'RR', [`${TK}`, 'Giấy chứng sinh (bản chính)', 'Văn bản ủy quyền có chứng thực (nếu có)?']],
  ['1.000894', 'Đăng ký kết hôn', 'HO_TICH', 'X', 0, 1, 'D', 'P', 'RO', [`${TK}`, CCCD, 'Giấy xác nhận tình trạng hôn nhân (nếu đăng ký ở nơi khác nơi thường trú)?']],
  ['1.000656', 'Đăng ký khai tử', 'HO_TICH', 'X', 0, 1, 'D', 'F', 'RR', [`${TK}`, 'Giấy báo tử hoặc giấy tờ thay giấy báo tử (bản chính)']],
  ['1.004873', 'Cấp bản sao trích lục hộ tịch', 'HO_TICH', 'X', 8000, 1, 'D', 'F', 'RR', ['Tờ khai cấp bản sao trích lục hộ tịch', 'Văn bản ủy quyền (nếu người yêu cầu được ủy quyền)?']],
  ['1.004884', 'Đăng ký lại khai sinh', 'HO_TICH', 'X', 0, 5, 'D', 'P', 'RR', [`${TK}`, 'Bản sao giấy tờ chứng minh nội dung khai sinh (bản sao)', 'Văn bản cam đoan về việc đã đăng ký khai sinh']],
  ['1.004859', 'Thay đổi, cải chính, bổ sung thông tin hộ tịch', 'HO_TICH', 'X', 15000, 3, 'D', 'P', 'RR', [`${TK}`, 'Giấy tờ làm căn cứ thay đổi, cải chính (bản sao)']],
  ['1.004746', 'Cấp Giấy xác nhận tình trạng hôn nhân', 'HO_TICH', 'X', 0, 3, 'D', 'F', 'RR', [`${TK}`, 'Bản án, quyết định ly hôn hoặc giấy chứng tử của vợ/chồng (nếu có)?']],
  ['1.000689', 'Đăng ký nhận cha, mẹ, con', 'HO_TICH', 'X', 0, 3, 'D', 'P', 'RO', [`${TK}`, 'Văn bản, tài liệu chứng minh quan hệ cha, mẹ, con (bản sao)', CCCD]],
  // Chứng thực
  ['2.000815', 'Chứng thực bản sao từ bản chính giấy tờ, văn bản', 'CHUNG_THUC', 'X', 2000, 4, 'H', 'N', 'RO', ['Bản chính giấy tờ, văn bản cần chứng thực', 'Bản sao cần chứng thực (bản sao)']],
  ['2.000884', 'Chứng thực chữ ký trong các giấy tờ, văn bản', 'CHUNG_THUC', 'X', 10000, 4, 'H', 'N', 'NE', [CCCD, 'Giấy tờ, văn bản cần chứng thực chữ ký']],
  ['2.001035', 'Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản', 'CHUNG_THUC', 'X', 50000, 2, 'D', 'N', 'NE', ['Dự thảo hợp đồng, giao dịch', CCCD, 'Giấy tờ chứng minh quyền sở hữu tài sản (bản sao)']],
  // Tư pháp (cấp tỉnh)
  ['1.001417', 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam', 'TU_PHAP', 'T', 200000, 10, 'D', 'F', 'RR', ['Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', 'Bản chụp Căn cước công dân (bản sao)', 'Bản chụp giấy tờ chứng minh nơi cư trú (bản sao)']],
  ['2.000488', 'Đăng ký hành nghề luật sư với tư cách cá nhân', 'TU_PHAP', 'T', 100000, 7, 'D', 'P', 'RR', ['Giấy đề nghị đăng ký hành nghề', 'Chứng chỉ hành nghề luật sư (bản sao)', 'Giấy tờ chứng minh trụ sở (bản sao)']],
  // Đất đai
  ['1.004227', 'Đăng ký biến động quyền sử dụng đất do chuyển nhượng, tặng cho', 'DAT_DAI', 'H', 30000, 10, 'D', 'P', 'RR', ['Đơn đăng ký biến động đất đai, tài sản gắn liền với đất', 'Hợp đồng chuyển nhượng, tặng cho có công chứng, chứng thực', 'Giấy chứng nhận quyền sử dụng đất (bản chính)']],
  ['1.004238', 'Cấp đổi Giấy chứng nhận quyền sử dụng đất', 'DAT_DAI', 'H', 50000, 7, 'D', 'P', 'RR', ['Đơn đề nghị cấp đổi', 'Giấy chứng nhận đã cấp (bản chính)', 'Bản đo đạc chỉnh lý thửa đất (nếu có)?']],
  ['1.004269', 'Đăng ký đất đai, tài sản gắn liền với đất lần đầu', 'DAT_DAI', 'H', 100000, 20, 'D', 'P', 'RR', ['Đơn đăng ký, cấp Giấy chứng nhận', 'Giấy tờ về quyền sử dụng đất (bản sao)', 'Sơ đồ nhà ở, công trình (nếu có)?']],
  ['1.005398', 'Xóa đăng ký thế chấp quyền sử dụng đất', 'DAT_DAI', 'H', 20000, 3, 'D', 'F', 'RR', ['Phiếu yêu cầu xóa đăng ký', 'Văn bản đồng ý xóa thế chấp của bên nhận thế chấp', 'Giấy chứng nhận (bản chính)']],
  // Tài nguyên và môi trường
  ['1.010733', 'Đăng ký môi trường', 'TAI_NGUYEN_MOI_TRUONG', 'X', 0, 5, 'D', 'F', 'RR', ['Văn bản đăng ký môi trường theo mẫu']],
  ['1.004249', 'Cấp giấy phép khai thác, sử dụng nước dưới đất quy mô nhỏ', 'TAI_NGUYEN_MOI_TRUONG', 'T', 200000, 15, 'D', 'P', 'RR', ['Đơn đề nghị cấp giấy phép', 'Kết quả phân tích chất lượng nguồn nước', 'Sơ đồ khu vực và vị trí công trình']],
  // Xây dựng
  ['1.009794', 'Cấp giấy phép xây dựng nhà ở riêng lẻ', 'XAY_DUNG', 'H', 75000, 15, 'D', 'P', 'RR', ['Đơn đề nghị cấp giấy phép xây dựng', 'Giấy tờ chứng minh quyền sử dụng đất (bản sao)', 'Hai bộ bản vẽ thiết kế xây dựng']],
  ['1.009788', 'Cấp giấy phép sửa chữa, cải tạo công trình', 'XAY_DUNG', 'H', 75000, 15, 'D', 'P', 'RR', ['Đơn đề nghị cấp giấy phép', 'Giấy tờ chứng minh quyền sở hữu công trình (bản sao)', 'Ảnh chụp hiện trạng công trình']],
  // Lao động – Thương binh và Xã hội
  ['1.001776', 'Thực hiện trợ cấp xã hội hằng tháng đối với người cao tuổi', 'LAO_DONG_TBXH', 'X', 0, 12, 'D', 'P', 'RR', ['Tờ khai đề nghị trợ giúp xã hội', 'Căn cước công dân (bản sao)?']],
  ['1.001699', 'Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật', 'LAO_DONG_TBXH', 'X', 0, 25, 'D', 'P', 'RR', ['Đơn đề nghị xác định mức độ khuyết tật', 'Bản sao các giấy tờ y tế chứng minh khuyết tật (nếu có)?']],
  ['1.003337', 'Hưởng trợ cấp thất nghiệp', 'LAO_DONG_TBXH', 'T', 0, 20, 'D', 'P', 'RR', ['Đề nghị hưởng trợ cấp thất nghiệp', 'Quyết định thôi việc hoặc chấm dứt hợp đồng lao động (bản sao)', 'Sổ bảo hiểm xã hội (bản chính)']],
  ['1.000082', 'Cấp giấy phép lao động cho người lao động nước ngoài', 'LAO_DONG_TBXH', 'T', 600000, 5, 'D', 'F', 'RR', ['Văn bản đề nghị cấp giấy phép lao động', 'Giấy chứng nhận sức khỏe', 'Phiếu lý lịch tư pháp', 'Hộ chiếu (bản sao)']],
  // Giáo dục và Đào tạo
  ['1.005092', 'Cấp bản sao văn bằng, chứng chỉ từ sổ gốc', 'GIAO_DUC', 'T', 0, 2, 'D', 'F', 'RR', ['Đơn đề nghị cấp bản sao', 'Căn cước công dân (bản sao)']],
  ['1.005088', 'Chỉnh sửa nội dung văn bằng, chứng chỉ', 'GIAO_DUC', 'T', 0, 5, 'D', 'P', 'RR', ['Đơn đề nghị chỉnh sửa', 'Văn bằng, chứng chỉ đề nghị chỉnh sửa (bản chính)', 'Giấy tờ làm căn cứ chỉnh sửa (bản sao)']],
  // Y tế
  ['1.001907', 'Cấp chứng chỉ hành nghề khám bệnh, chữa bệnh', 'Y_TE', 'T', 360000, 20, 'D', 'P', 'RR', ['Đơn đề nghị cấp chứng chỉ hành nghề', 'Văn bằng chuyên môn (bản sao)', 'Giấy chứng nhận đủ sức khỏe', 'Phiếu lý lịch tư pháp']],
  ['1.002425', 'Cấp giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm', 'Y_TE', 'T', 500000, 20, 'D', 'P', 'RR', ['Đơn đề nghị cấp giấy chứng nhận', 'Bản thuyết minh về cơ sở vật chất, trang thiết bị', 'Giấy xác nhận đủ sức khỏe của chủ cơ sở']],
  // Đăng ký kinh doanh
  ['2.000575', 'Đăng ký thành lập hộ kinh doanh', 'KINH_DOANH', 'X', 100000, 3, 'D', 'F', 'RR', ['Giấy đề nghị đăng ký hộ kinh doanh', 'Căn cước công dân của chủ hộ (bản sao)', 'Biên bản họp thành viên hộ gia đình (nếu có)?']],
  ['2.000487', 'Đăng ký thay đổi nội dung đăng ký hộ kinh doanh', 'KINH_DOANH', 'X', 50000, 3, 'D', 'F', 'RR', ['Thông báo thay đổi nội dung đăng ký hộ kinh doanh', 'Giấy chứng nhận đăng ký hộ kinh doanh (bản chính)']],
  ['2.001610', 'Đăng ký thành lập doanh nghiệp tư nhân', 'KINH_DOANH', 'T', 50000, 3, 'D', 'F', 'RR', ['Giấy đề nghị đăng ký doanh nghiệp', 'Căn cước công dân của chủ doanh nghiệp (bản sao)']],
  // Giao thông vận tải
  ['1.002804', 'Đổi giấy phép lái xe do ngành Giao thông vận tải cấp', 'GIAO_THONG', 'T', 135000, 5, 'D', 'F', 'RR', ['Đơn đề nghị đổi giấy phép lái xe', 'Giấy khám sức khỏe của người lái xe', 'Giấy phép lái xe (bản sao)']],
  ['1.002820', 'Cấp lại giấy phép lái xe', 'GIAO_THONG', 'T', 135000, 10, 'D', 'P', 'RO', ['Đơn đề nghị cấp lại giấy phép lái xe', 'Giấy khám sức khỏe của người lái xe', CCCD]],
  // Nông nghiệp và Phát triển nông thôn
  ['1.003605', 'Cấp giấy chứng nhận đủ điều kiện buôn bán thuốc bảo vệ thực vật', 'NONG_NGHIEP', 'T', 500000, 15, 'D', 'P', 'RR', ['Đơn đề nghị cấp giấy chứng nhận', 'Bản thuyết minh điều kiện buôn bán', 'Giấy chứng nhận bồi dưỡng chuyên môn (bản sao)']],
  // Công thương
  ['2.000633', 'Cấp giấy phép bán lẻ sản phẩm rượu', 'CONG_THUONG', 'H', 400000, 10, 'D', 'P', 'RR', ['Đơn đề nghị cấp giấy phép', 'Hợp đồng với thương nhân sản xuất, phân phối rượu (bản sao)', 'Giấy tờ về quyền sử dụng địa điểm kinh doanh (bản sao)']],
  // Thông tin và Truyền thông (the Department of Information and Communications decides)
  ['1.003725', 'Cấp giấy phép hoạt động in', 'THONG_TIN_TRUYEN_THONG', 'T', 0, 7, 'D', 'F', 'RR', ['Đơn đề nghị cấp giấy phép hoạt động in', 'Giấy tờ chứng minh cơ sở in có đủ điều kiện (bản sao)', 'Bản sao văn bằng của người đứng đầu cơ sở in (bản sao)']],
  ['1.004540', 'Cấp giấy phép xuất bản bản tin', 'THONG_TIN_TRUYEN_THONG', 'T', 0, 15, 'D', 'F', 'RR', ['Tờ khai đề nghị cấp giấy phép xuất bản bản tin', 'Mẫu trình bày tên gọi bản tin', 'Sơ yếu lý lịch của người chịu trách nhiệm']],
  ['1.004416', 'Cấp giấy phép thiết lập trang thông tin điện tử tổng hợp', 'THONG_TIN_TRUYEN_THONG', 'T', 0, 10, 'D', 'F', 'RR', ['Đơn đề nghị cấp giấy phép', 'Đề án hoạt động của trang thông tin', 'Văn bản chấp thuận nguồn tin (bản sao)']],
  // Bảo hiểm xã hội
  ['1.000401', 'Cấp lại, đổi, điều chỉnh thông tin trên sổ bảo hiểm xã hội, thẻ bảo hiểm y tế', 'BAO_HIEM_XA_HOI', 'H', 0, 5, 'D', 'F', 'RR', ['Tờ khai tham gia, điều chỉnh thông tin bảo hiểm xã hội, bảo hiểm y tế', 'Sổ bảo hiểm xã hội hoặc thẻ bảo hiểm y tế (bản chính)?']],
  ['1.000043', 'Giải quyết hưởng chế độ thai sản', 'BAO_HIEM_XA_HOI', 'H', 0, 10, 'D', 'P', 'RR', ['Giấy khai sinh của con (bản sao)', 'Giấy ra viện (bản sao)?']],
];

const LEVEL = { T: 'PROVINCE', H: 'DISTRICT', X: 'COMMUNE' } as const;
const ONLINE = { N: 'NONE', P: 'PARTIAL', F: 'FULL' } as const;
const BCCI = { RR: 'RECEIVE_AND_RETURN', RO: 'RETURN_ONLY', NE: 'NOT_ELIGIBLE' } as const;
/** Illustrative postal fee per leg (pickup or delivery) by level: the post carries farther for a province's procedure. */
const POSTAL_FEE = { X: 22000, H: 26000, T: 32000 } as const;
const VERIFIED = new Set(['1.001193', '1.000894', '1.000656']);

export const procedureCatalogue: ProcedureRecord[] = ROWS.map(([code, name, field, level, fee, time, unit, online, bcci, components]) => ({
  code,
  name,
  field,
  level: LEVEL[level],
  procedureFee: fee,
  postalFee: bcci === 'NE' ? 0 : POSTAL_FEE[level],
  processingTime: time,
  processingUnit: unit === 'D' ? 'WORKING_DAYS' : 'WORKING_HOURS',
  onlineLevel: ONLINE[online],
  bcciMode: BCCI[bcci],
  components,
  verifiedCode: VERIFIED.has(code),
}));

/** A checklist line of the catalogue as the product stores it. */
export function parseComponent(line: string): { name: string; originals: number; copies: number; required: boolean } {
  const required = !line.endsWith('?');
  const text = required ? line : line.slice(0, -1);
  const copy = /\(bản sao\)/.test(text);
  return { name: text.replace(/\s*\((bản sao|bản chính)\)$/, ''), originals: copy ? 0 : 1, copies: copy ? 1 : 0, required };
}
