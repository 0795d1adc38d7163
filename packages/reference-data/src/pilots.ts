/**
 * The pilot programmes of the seed articles, as demo data for the rollout and handover modules.
 *
 * From the articles (see README.md, "Pilot programmes"): Hà Tĩnh's programme under 2459/QĐ-UBND of
 * 23/7/2019 implementing 468/QĐ-TTg; phase 1 planned as 8 departments, 4 districts and 8 communes;
 * the first commune desk moved into the commune cultural post office of Kỳ Bắc and opened on 18/11
 * (2019); the departments and districts of the pilot; quarterly reviews and yearly inspections.
 * Bình Phước's roadmap: district Bù Đốp, communes Đồng Tiến, Thanh Lương, Đức Liễu, review on 1/1/2019.
 *
 * Illustrative, NOT from a source (marked `demo` in README.md): committee members' names, the phase
 * dates other than those above, the launch dates of sites other than Kỳ Bắc, the handover records'
 * numbers, people and amounts, the meetings' decisions and action items, and which sites are late.
 */
import type { PilotProgrammeRecord } from './types';

const HT_CHECKLIST = [
  { key: 'agreement_signed', label: 'Đã ký thỏa thuận hợp tác với Bưu điện tỉnh' },
  { key: 'staff_trained', label: 'Nhân viên bưu điện đã được tập huấn nghiệp vụ' },
  { key: 'equipment_installed', label: 'Trang thiết bị đã lắp đặt' },
  { key: 'procedures_published', label: 'Đã niêm yết danh mục thủ tục hành chính' },
  { key: 'signage_installed', label: 'Đã gắn biển hiệu, hướng dẫn' },
];

/** A site that went the whole way: enrolled, prepared, launched, operating. */
const operating = (enrolled: string, preparing: string, launched: string, operatingFrom: string) => [
  { status: 'PLANNED' as const, on: enrolled },
  { status: 'PREPARING' as const, on: preparing },
  { status: 'LAUNCHED' as const, on: launched },
  { status: 'OPERATING' as const, on: operatingFrom },
];

const deptSite = (abbr: string) => ({
  deskCode: `42-${abbr}-MC`,
  model: 'AT_AGENCY' as const,
  postOfficeCode: 'BD-42',
  plannedLaunch: '2019-10-01',
  moves: operating('2019-08-15', '2019-08-20', '2019-10-01', '2019-10-15'),
});

export const pilotProgrammes: PilotProgrammeRecord[] = [
  {
    code: 'HT-2459',
    name: 'Đề án thí điểm chuyển giao một số nhiệm vụ hành chính công thực hiện qua dịch vụ bưu chính công ích trên địa bàn tỉnh Hà Tĩnh',
    provinceCode: '42',
    status: 'ACTIVE',
    legalBasis: [
      {
        number: '2459/QĐ-UBND',
        signedOn: '2019-07-23',
        issuer: 'Ủy ban nhân dân tỉnh Hà Tĩnh',
        title: 'Phê duyệt Đề án thí điểm chuyển giao một số nhiệm vụ hành chính công thực hiện qua dịch vụ bưu chính công ích trên địa bàn tỉnh Hà Tĩnh',
      },
      {
        number: '468/QĐ-TTg',
        signedOn: '2019-03-27',
        issuer: 'Thủ tướng Chính phủ',
        title: 'Phê duyệt Đề án đổi mới việc thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính',
      },
    ],
    committee: [
      { fullName: 'Nguyễn Văn An (demo)', position: 'Phó Chủ tịch UBND tỉnh', committeeRole: 'HEAD' },
      { fullName: 'Trần Thị Bình (demo)', position: 'Giám đốc Sở Thông tin và Truyền thông', committeeRole: 'DEPUTY_HEAD' },
      { fullName: 'Lê Văn Cường (demo)', position: 'Giám đốc Bưu điện tỉnh Hà Tĩnh', committeeRole: 'DEPUTY_HEAD' },
      { fullName: 'Phạm Thị Dung (demo)', position: 'Phó Giám đốc Sở Nội vụ', committeeRole: 'MEMBER' },
      { fullName: 'Đặng Văn Đức', position: 'Trưởng phòng CNTT&BCVT, Sở Thông tin và Truyền thông', committeeRole: 'SECRETARY' },
    ],
    readinessItems: HT_CHECKLIST,
    phases: [
      {
        name: 'Giai đoạn 1: thí điểm',
        firstPlan: { plannedStart: '2019-08-01', plannedEnd: '2020-06-30', targets: { province: 8, district: 4, commune: 8 } },
        replans: [
          {
            plannedStart: '2019-08-01',
            plannedEnd: '2020-12-31',
            targets: { province: 8, district: 4, commune: 8 },
            reason: 'Kéo dài để hoàn thành chuyển giao tại cấp xã (demo)',
            on: '2020-06-15',
          },
        ],
        goLiveGates: ['Thỏa thuận hợp tác giữa UBND tỉnh và Bưu điện tỉnh đã ký', 'Danh mục TTHC thí điểm đã công bố'],
        actualStart: '2019-08-15',
        actualEnd: null,
        sites: [
          ...['STTTT', 'SNGV', 'SNV', 'SVHTTDL', 'SGDDT', 'SKHCN', 'SCT', 'STC'].map(deptSite),
          {
            deskCode: '42-UBND-446-MC',
            model: 'AT_AGENCY',
            postOfficeCode: 'BD-446',
            plannedLaunch: '2019-11-01',
            moves: operating('2019-08-15', '2019-09-01', '2019-11-01', '2019-11-15'),
            personnel: [
              {
                tasks: ['ON_DUTY', 'GUIDANCE', 'RECEIVING', 'RETURNING_RESULTS'],
                relieved: [
                  { fullName: 'Hoàng Văn Giang (demo)', position: 'Công chức Văn phòng HĐND-UBND huyện', employer: 'UBND huyện Cẩm Xuyên' },
                  { fullName: 'Võ Thị Hà (demo)', position: 'Công chức Phòng Tư pháp', employer: 'UBND huyện Cẩm Xuyên' },
                ],
                deployed: [
                  { fullName: 'Ngô Thị Hạnh (demo)', position: 'Nhân viên hành chính công', employer: 'Bưu điện huyện Cẩm Xuyên' },
                  { fullName: 'Bùi Văn Khánh (demo)', position: 'Nhân viên hành chính công', employer: 'Bưu điện huyện Cẩm Xuyên' },
                ],
                recordNumber: '15/BB-UBND-BĐ (demo)',
                signedOn: '2019-10-25',
                effectiveOn: '2019-11-01',
                status: 'EFFECTIVE',
              },
            ],
            facilities: [
              {
                premisesBefore: { address: 'Trụ sở UBND huyện Cẩm Xuyên', owner: 'UBND huyện Cẩm Xuyên' },
                premisesAfter: { address: 'Trụ sở UBND huyện Cẩm Xuyên (bộ phận một cửa được cải tạo)', owner: 'UBND huyện Cẩm Xuyên' },
                equipment: [
                  { type: 'Máy tính để bàn', quantity: 4, value: 60_000_000, fundedBy: 'Bưu điện tỉnh Hà Tĩnh' },
                  { type: 'Máy quét tài liệu', quantity: 2, value: 24_000_000, fundedBy: 'Bưu điện tỉnh Hà Tĩnh' },
                  { type: 'Hệ thống xếp hàng tự động', quantity: 1, value: 45_000_000, fundedBy: 'Ngân sách huyện' },
                ],
                constructionCost: 120_000_000,
                relocationOn: null,
                recordNumber: '16/BB-UBND-BĐ (demo)',
                signedOn: '2019-10-25',
                effectiveOn: null,
                status: 'SIGNED',
              },
            ],
          },
          {
            deskCode: '42-UBND-447-MC',
            model: 'AT_AGENCY',
            postOfficeCode: 'BD-447',
            plannedLaunch: '2019-11-01',
            moves: operating('2019-08-15', '2019-09-01', '2019-11-04', '2019-11-20'),
            personnel: [
              {
                tasks: ['ON_DUTY', 'GUIDANCE', 'RECEIVING', 'DIGITISING', 'RETURNING_RESULTS'],
                relieved: [{ fullName: 'Phan Văn Lâm (demo)', position: 'Công chức Văn phòng HĐND-UBND huyện', employer: 'UBND huyện Kỳ Anh' }],
                deployed: [{ fullName: 'Đinh Thị Mai (demo)', position: 'Nhân viên hành chính công', employer: 'Bưu điện huyện Kỳ Anh' }],
                recordNumber: '21/BB-UBND-BĐ (demo)',
                signedOn: '2019-10-30',
                effectiveOn: '2019-11-04',
                status: 'EFFECTIVE',
              },
            ],
          },
          {
            deskCode: '42-UBND-437-MC',
            model: 'AT_AGENCY',
            postOfficeCode: 'BD-437',
            plannedLaunch: '2019-12-01',
            moves: [
              { status: 'PLANNED', on: '2019-08-15' },
              { status: 'PREPARING', on: '2019-10-01' },
              { status: 'LAUNCHED', on: '2019-12-02' },
            ],
          },
          {
            deskCode: '42-UBND-448-MC',
            model: 'AT_AGENCY',
            postOfficeCode: 'BD-448',
            plannedLaunch: '2020-03-01',
            moves: [
              { status: 'PLANNED', on: '2019-08-15' },
              { status: 'PREPARING', on: '2019-11-01' },
            ],
            readinessDone: ['agreement_signed', 'staff_trained', 'procedures_published'],
          },
          {
            deskCode: '42-UBND-18760-MC',
            model: 'AT_POST_OFFICE',
            postOfficeCode: 'BDVHX-18760',
            plannedLaunch: '2019-11-18',
            moves: operating('2019-08-15', '2019-09-15', '2019-11-18', '2019-12-01'),
            notes: { LAUNCHED: 'Khai trương bộ phận tiếp nhận và trả kết quả tại Bưu điện văn hóa xã Kỳ Bắc' },
            facilities: [
              {
                premisesBefore: { address: 'Trụ sở UBND xã Kỳ Bắc, huyện Kỳ Anh', owner: 'UBND xã Kỳ Bắc' },
                premisesAfter: { address: 'Bưu điện văn hóa xã Kỳ Bắc, huyện Kỳ Anh, tỉnh Hà Tĩnh', owner: 'Bưu điện tỉnh Hà Tĩnh' },
                equipment: [
                  { type: 'Máy tính để bàn', quantity: 2, value: 30_000_000, fundedBy: 'Bưu điện tỉnh Hà Tĩnh' },
                  { type: 'Máy in, máy quét', quantity: 1, value: 12_000_000, fundedBy: 'Bưu điện tỉnh Hà Tĩnh' },
                ],
                constructionCost: 80_000_000,
                relocationOn: '2019-11-18',
                recordNumber: '03/BB-UBND-BĐ (demo)',
                signedOn: '2019-11-10',
                effectiveOn: '2019-11-18',
                status: 'EFFECTIVE',
              },
            ],
          },
        ],
      },
      {
        name: 'Giai đoạn 2: mở rộng',
        firstPlan: { plannedStart: '2021-01-01', plannedEnd: '2021-12-31', targets: { province: 1, district: 5, commune: 0 } },
        replans: [],
        goLiveGates: ['Sơ kết giai đoạn 1'],
        actualStart: '2021-01-15',
        actualEnd: null,
        sites: [
          { ...deptSite('SLDTBXH'), plannedLaunch: '2021-04-01', moves: operating('2021-01-15', '2021-02-01', '2021-04-01', '2021-04-15') },
          ...['449', '440', '443', '439'].map((code) => ({
            deskCode: `42-UBND-${code}-MC`,
            model: 'AT_AGENCY' as const,
            postOfficeCode: `BD-${code}`,
            plannedLaunch: '2021-06-01',
            moves: operating('2021-01-15', '2021-03-01', '2021-06-01', '2021-06-15'),
          })),
          {
            deskCode: '42-UBND-445-MC',
            model: 'AT_AGENCY',
            postOfficeCode: 'BD-445',
            plannedLaunch: '2021-09-01',
            moves: [
              { status: 'PLANNED', on: '2021-01-15' },
              { status: 'PREPARING', on: '2021-05-01' },
            ],
            readinessDone: ['agreement_signed', 'procedures_published'],
          },
        ],
      },
    ],
    meetings: [
      {
        kind: 'QUARTERLY_REVIEW',
        heldOn: '2023-12-20',
        title: 'Giao ban quý IV/2023 Ban Chỉ đạo Đề án',
        location: 'UBND tỉnh Hà Tĩnh',
        decisions: [
          'Năm 2023 tiếp nhận và trả kết quả khoảng 262.725 hồ sơ qua dịch vụ BCCI (45.757 tiếp nhận, 216.968 trả kết quả).',
          'Tiếp tục tuyên truyền qua tờ rơi, cổng thông tin điện tử, mạng xã hội.',
          'Hoàn thành chuyển giao tại các đơn vị còn chậm.',
        ],
        siteDeskCodes: ['42-UBND-448-MC', '42-UBND-445-MC'],
        actionItems: [
          { title: 'Hoàn thành chuẩn bị và khai trương bộ phận một cửa huyện Thạch Hà', owner: 'UBND huyện Thạch Hà', dueOn: '2024-03-31', siteDeskCode: '42-UBND-445-MC', state: 'OPEN' },
          { title: 'Lắp đặt trang thiết bị tại bộ phận một cửa huyện Lộc Hà', owner: 'Bưu điện tỉnh Hà Tĩnh', dueOn: '2024-03-31', siteDeskCode: '42-UBND-448-MC', state: 'IN_PROGRESS' },
          { title: 'Báo cáo số liệu hồ sơ qua dịch vụ BCCI hằng quý', owner: 'Sở Thông tin và Truyền thông', dueOn: '2027-01-15', siteDeskCode: null, state: 'OPEN' },
        ],
      },
      {
        kind: 'INSPECTION',
        heldOn: '2023-10-10',
        title: 'Kiểm tra thực hiện Đề án năm 2023',
        location: 'Bộ phận một cửa huyện Cẩm Xuyên',
        decisions: ['Nhân viên bưu điện đã cơ bản thành thạo nghiệp vụ hướng dẫn, tiếp nhận hồ sơ, trả kết quả.'],
        siteDeskCodes: ['42-UBND-446-MC'],
        actionItems: [{ title: 'Bổ sung máy quét tài liệu cho bộ phận một cửa huyện Cẩm Xuyên', owner: 'Bưu điện huyện Cẩm Xuyên', dueOn: '2023-12-31', siteDeskCode: '42-UBND-446-MC', state: 'DONE' }],
      },
    ],
  },
  {
    code: 'BP-2018',
    name: 'Đề án thí điểm chuyển giao các nhiệm vụ, dịch vụ hành chính công qua Bưu điện tỉnh Bình Phước',
    provinceCode: '70',
    status: 'ACTIVE',
    legalBasis: [
      {
        number: '45/2016/QĐ-TTg',
        signedOn: '2016-10-19',
        issuer: 'Thủ tướng Chính phủ',
        title: 'Về việc tiếp nhận hồ sơ, trả kết quả giải quyết thủ tục hành chính qua dịch vụ bưu chính công ích',
      },
    ],
    committee: [
      { fullName: 'Nguyễn Văn Phúc (demo)', position: 'Phó Chủ tịch UBND tỉnh Bình Phước', committeeRole: 'HEAD' },
      { fullName: 'Trương Thị Quỳnh (demo)', position: 'Giám đốc Bưu điện tỉnh Bình Phước', committeeRole: 'DEPUTY_HEAD' },
    ],
    readinessItems: HT_CHECKLIST.slice(0, 4),
    phases: [
      {
        name: 'Thí điểm: Bù Đốp, Đồng Tiến, Thanh Lương, Đức Liễu',
        firstPlan: { plannedStart: '2018-09-01', plannedEnd: '2018-12-31', targets: { province: 0, district: 1, commune: 3 } },
        replans: [],
        goLiveGates: ['Sơ kết vào ngày 1/1/2019 trước khi triển khai các địa bàn còn lại'],
        actualStart: '2018-09-01',
        actualEnd: null,
        sites: [
          { deskCode: '70-UBND-693-MC', model: 'AT_POST_OFFICE', postOfficeCode: 'BD-693', plannedLaunch: '2018-10-01', moves: operating('2018-09-01', '2018-09-05', '2018-10-01', '2018-10-15') },
          { deskCode: '70-UBND-25390-MC', model: 'AT_POST_OFFICE', postOfficeCode: 'BDVHX-25390', plannedLaunch: '2018-10-15', moves: operating('2018-09-01', '2018-09-10', '2018-10-15', '2018-11-01') },
          {
            deskCode: '70-UBND-25333-MC',
            model: 'AT_POST_OFFICE',
            postOfficeCode: 'BDVHX-25333',
            plannedLaunch: '2018-10-15',
            moves: [
              { status: 'PLANNED', on: '2018-09-01' },
              { status: 'PREPARING', on: '2018-09-10' },
              { status: 'LAUNCHED', on: '2018-11-05' },
            ],
          },
          {
            deskCode: '70-UBND-25417-MC',
            model: 'AT_POST_OFFICE',
            postOfficeCode: 'BDVHX-25417',
            plannedLaunch: '2018-11-15',
            moves: [
              { status: 'PLANNED', on: '2018-09-01' },
              { status: 'PREPARING', on: '2018-09-20' },
            ],
            readinessDone: ['agreement_signed'],
          },
        ],
      },
      {
        name: 'Triển khai trên các địa bàn còn lại',
        firstPlan: { plannedStart: '2019-01-01', plannedEnd: '2019-12-31', targets: { province: 1, district: 0, commune: 0 } },
        replans: [],
        goLiveGates: [],
        actualStart: null,
        actualEnd: null,
        sites: [],
      },
    ],
    meetings: [
      {
        kind: 'PRELIMINARY_REVIEW',
        heldOn: '2019-01-01',
        title: 'Sơ kết thí điểm chuyển giao qua Bưu điện',
        location: 'UBND tỉnh Bình Phước',
        decisions: ['Sơ kết đề án thí điểm và triển khai trên các địa bàn còn lại.'],
        siteDeskCodes: ['70-UBND-693-MC', '70-UBND-25390-MC', '70-UBND-25333-MC', '70-UBND-25417-MC'],
        actionItems: [
          { title: 'Đề xuất lộ trình chuyển Trung tâm Hành chính công tỉnh sang nhà làm việc của Bưu điện tỉnh', owner: 'Bưu điện tỉnh Bình Phước', dueOn: '2019-03-31', siteDeskCode: null, state: 'DONE' },
          { title: 'Đánh giá năng lực nhân viên bưu điện tại xã Đức Liễu', owner: 'Bưu điện tỉnh Bình Phước', dueOn: '2019-02-28', siteDeskCode: '70-UBND-25417-MC', state: 'OPEN' },
        ],
      },
    ],
  },
];
