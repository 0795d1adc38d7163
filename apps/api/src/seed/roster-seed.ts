import type { EntityManager } from 'typeorm';
import { Counter, CounterStatus, OpeningHours, Shift, ShiftStatus } from '../modules/counters/counter.entity';
import { mondayOf } from '../modules/counters/counter.service';
import { Absence, AbsenceKind, Qualification, Staff, StaffAssignment, StaffStatus, TrainingSession } from '../modules/staff/staff.entity';
import { addDays, todayInVietnam } from '../platform/graphql/scalars';
import { LINK_DEPLOYED_STAFF_SQL } from '../migrations/1764200000000-deployed-staff';

/**
 * The post office manager's week in the demo (issue 10): staff, their training, counters, opening
 * hours and a published current week for Hà Tĩnh's pilot desks (the provincial public administration
 * centre, Cẩm Xuyên, Kỳ Anh, Kỳ Bắc) and for Tánh Linh, where postal staff work 8 hours a day at the
 * district desk and 6 training classes trained about 400 people (seed 003).
 *
 * What the articles state: the desks, the post offices, Tánh Linh's 8 hours a day and its 6 classes
 * for about 400 people. Everything else is illustrative: every person's name ends in "(demo)", the
 * counters, hours, qualifications, class dates, places and trainers are invented. The current week is
 * the week the seed runs in, built greedily within every hard rule of the roster (a test checks it).
 */

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Phan', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Thị', 'Văn', 'Thị Thu', 'Đức', 'Thị Ngọc', 'Minh', 'Thị Hồng', 'Quang', 'Thanh', 'Hữu'];
const GIVEN = ['An', 'Bình', 'Châu', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hiền', 'Hoa', 'Hùng', 'Hương', 'Khánh', 'Lan', 'Linh', 'Loan', 'Long', 'Mai', 'Minh', 'Nam', 'Nga', 'Ngọc', 'Nhung', 'Oanh', 'Phúc', 'Phương', 'Quân', 'Quỳnh', 'Sơn', 'Tâm', 'Thảo', 'Trang', 'Tuấn', 'Vân', 'Yến'];

/** The n-th invented name: deterministic, so two demo databases read alike. */
const demoName = (n: number) => `${FAMILY[n % FAMILY.length]} ${MIDDLE[(n * 7) % MIDDLE.length]} ${GIVEN[(n * 13) % GIVEN.length]} (demo)`;

interface DeskPlan {
  desk: string;
  office: string;
  /** People employed by the post office, then civil servants still at the desk (employed by the desk's agency). */
  postal: number;
  civil: number;
  /** Counters: name and the codes of the fields they serve. */
  counters: Array<[string, string[]]>;
  /** Opening intervals Monday–Friday, and Saturday morning when true. */
  hours: Array<[number, number]>;
  saturday: boolean;
}

const ADMIN_HOURS: Array<[number, number]> = [[7 * 60 + 30, 11 * 60 + 30], [13 * 60 + 30, 17 * 60]];

const PLANS: DeskPlan[] = [
  {
    desk: '42-TTPVHCC-MC', office: 'BD-42', postal: 10, civil: 2, saturday: true, hours: ADMIN_HOURS,
    counters: [
      ['Quầy hướng dẫn, tiếp nhận chung', []],
      ['Quầy hộ tịch, chứng thực', ['HO_TICH', 'CHUNG_THUC']],
      ['Quầy đất đai', ['DAT_DAI', 'TAI_NGUYEN_MOI_TRUONG']],
      ['Quầy xây dựng', ['XAY_DUNG']],
      ['Quầy lao động – thương binh và xã hội', ['LAO_DONG_TBXH']],
      ['Quầy đăng ký kinh doanh', ['KINH_DOANH']],
    ],
  },
  {
    desk: '42-UBND-446-MC', office: 'BD-446', postal: 5, civil: 1, saturday: false, hours: ADMIN_HOURS,
    counters: [['Quầy tiếp nhận chung', []], ['Quầy đất đai', ['DAT_DAI']], ['Quầy tư pháp – hộ tịch', ['TU_PHAP', 'HO_TICH']]],
  },
  {
    desk: '42-UBND-447-MC', office: 'BD-447', postal: 4, civil: 0, saturday: false, hours: ADMIN_HOURS,
    counters: [['Quầy tiếp nhận chung', []], ['Quầy đất đai', ['DAT_DAI']], ['Quầy lao động – thương binh và xã hội', ['LAO_DONG_TBXH']]],
  },
  {
    desk: '42-UBND-18760-MC', office: 'BDVHX-18760', postal: 2, civil: 0, saturday: false, hours: ADMIN_HOURS,
    counters: [['Quầy một cửa xã', ['HO_TICH']]],
  },
  {
    // Seed 003: postal staff work 8 hours a day at the district desk.
    desk: '60-UBND-599-MC', office: 'BD-599', postal: 4, civil: 0, saturday: false, hours: [[7 * 60, 11 * 60], [13 * 60, 17 * 60]],
    counters: [['Quầy tiếp nhận chung', []], ['Quầy đất đai', ['DAT_DAI']], ['Quầy hộ tịch – tư pháp', ['HO_TICH', 'TU_PHAP']]],
  },
];

/** What everyone at a desk is trained in: every field of its counters, by turns, at least two fields each. */
const FIELD_ROTATION = ['HO_TICH', 'DAT_DAI', 'TU_PHAP', 'CHUNG_THUC', 'LAO_DONG_TBXH', 'XAY_DUNG', 'KINH_DOANH', 'TAI_NGUYEN_MOI_TRUONG'];

export async function loadRosterDemo(m: EntityManager): Promise<{ staff: number; counters: number; shifts: number }> {
  // The pilot data's handovers were loaded by name: their deployed people become staff records, as the migration did for older data.
  await m.query(LINK_DEPLOYED_STAFF_SQL);
  const today = todayInVietnam();
  const monday = mondayOf(today);
  const byCode = async (table: string) => new Map<string, any>((await m.query(`SELECT * FROM ${table}`)).map((r: { code: string }) => [r.code, r]));
  const [desks, offices, agencies, fields] = [await byCode('one_stop_desk'), await byCode('post_office'), await byCode('agency'), await byCode('procedure_field')];
  const fieldId = (code: string) => fields.get(code).id as string;
  let n = 0;
  let staffCount = 0;
  let counterCount = 0;
  const shifts: Array<Partial<Shift>> = [];

  for (const plan of PLANS) {
    const desk = desks.get(plan.desk);
    const office = offices.get(plan.office);
    if (!desk || !office) throw new Error(`roster demo: no desk ${plan.desk} or post office ${plan.office}`);
    const provinceId: string = desk.province_id;

    // Counters and opening hours.
    const counters = plan.counters.map(([name, codes], i) =>
      m.getRepository(Counter).create({ deskId: desk.id, number: i + 1, name, fieldIds: codes.map(fieldId), status: CounterStatus.OPEN, provinceId, version: 1 }),
    );
    await m.getRepository(Counter).insert(counters);
    counterCount += counters.length;
    const weekdays = plan.saturday ? [1, 2, 3, 4, 5, 6] : [1, 2, 3, 4, 5];
    const hours = weekdays.flatMap((weekday) =>
      (weekday === 6 ? plan.hours.slice(0, 1) : plan.hours).map(([opensAt, closesAt]) => ({ deskId: desk.id, weekday, opensAt, closesAt, demand: null, provinceId })),
    );
    await m.getRepository(OpeningHours).insert(hours);

    // People: deployed to the desk since the pilot began, trained in the desk's fields.
    const people: Staff[] = [];
    for (let i = 0; i < plan.postal + plan.civil; i += 1) {
      n += 1;
      const civil = i >= plan.postal;
      people.push(m.getRepository(Staff).create({
        fullName: demoName(n), postOfficeId: civil ? null : office.id, agencyId: civil ? desk.agency_id : null,
        homeUnitId: desk.administrative_unit_id, homeDeskId: desk.id, phone: `0912 ${String(100000 + n * 7919).slice(-6, -3)} ${String(100 + n).slice(-3)}`,
        email: null, nationalId: null, status: StaffStatus.ACTIVE, userId: null, provinceId, version: 1,
      }));
    }
    await m.getRepository(Staff).insert(people);
    staffCount += people.length;
    await m.getRepository(StaffAssignment).insert(people.map((p) => ({ staffId: p.id, deskId: desk.id, startsOn: '2020-01-01', endsOn: null, provinceId })));
    const deskFields = [...new Set(plan.counters.flatMap(([, codes]) => codes))];
    const trained = new Map<string, Set<string>>();
    const qualifications: Array<Partial<Qualification>> = [];
    people.forEach((p, i) => {
      const codes = new Set(deskFields.filter((_, j) => (i + j) % 2 === 0 || deskFields.length <= 2));
      codes.add(FIELD_ROTATION[i % FIELD_ROTATION.length]);
      trained.set(p.id, codes);
      for (const code of codes) {
        // One in five certificates runs out within the month (amber on the staff grid); one person's expired last year (red).
        const expiresOn = i === 1 && code === [...codes][0] ? addDays(today, -200) : (i + code.length) % 5 === 0 ? addDays(today, 12 + i) : addDays(today, 400 + 30 * i);
        qualifications.push({ staffId: p.id, fieldId: fieldId(code), trainedOn: '2023-03-15', certificateNumber: `CN-${plan.office}-${String(qualifications.length + 1).padStart(3, '0')}`, expiresOn, trainingSessionId: null, provinceId });
        if (expiresOn < today) trained.get(p.id)?.delete(code);
      }
    });
    await m.getRepository(Qualification).insert(qualifications);
    // One person on leave mid-week (the board and auto-fill work around it).
    const away = people[people.length - 1];
    await m.getRepository(Absence).insert({ staffId: away.id, kind: AbsenceKind.LEAVE, startsOn: addDays(monday, 2), endsOn: addDays(monday, 3), note: 'Nghỉ phép năm', provinceId });

    // The current week: every counter of every slot, the first qualified person free then, within 8 h a day and 48 h a week.
    const minutes = new Map<string, number>();
    for (const weekday of weekdays) {
      const day = addDays(monday, weekday - 1);
      const busy = new Set<string>();
      for (const h of hours.filter((x) => x.weekday === weekday)) {
        busy.clear();
        for (const [ci, counter] of counters.entries()) {
          const length = h.closesAt - h.opensAt;
          const person = people.find((p, pi) =>
            !busy.has(p.id)
            && !(p.id === away.id && day >= addDays(monday, 2) && day <= addDays(monday, 3))
            && counter.fieldIds.every((f) => [...(trained.get(p.id) ?? [])].some((code) => fieldId(code) === f))
            && (minutes.get(`${p.id}:${day}`) ?? 0) + length <= 480
            && (minutes.get(p.id) ?? 0) + length <= 2880
            && (pi + ci + weekday) % 4 !== 0, // leave a little slack: not everyone works every slot
          );
          if (!person) continue; // a gap the coverage view shows
          busy.add(person.id);
          minutes.set(`${person.id}:${day}`, (minutes.get(`${person.id}:${day}`) ?? 0) + length);
          minutes.set(person.id, (minutes.get(person.id) ?? 0) + length);
          shifts.push({ staffId: person.id, counterId: counter.id, deskId: desk.id, day, startsAt: h.opensAt, endsAt: h.closesAt, status: ShiftStatus.PUBLISHED, cancelReason: null, provinceId, version: 1 });
        }
      }
    }
  }
  if (shifts.length) await m.getRepository(Shift).insert(shifts);

  // The demo counter clerk (hatinh.quay) is one of the provincial centre's staff: "Lịch trực của tôi" has their week.
  await m.query(
    `UPDATE staff SET user_id = (SELECT id FROM app_user WHERE username = 'hatinh.quay')
      WHERE id = (SELECT s.staff_id FROM shift s JOIN one_stop_desk d ON d.id = s.desk_id WHERE d.code = '42-TTPVHCC-MC' ORDER BY s.day, s.starts_at, s.staff_id LIMIT 1)`,
  );

  // Tánh Linh (seed 003): 6 training classes for about 400 people, commune and district civil servants and postal staff.
  const tanhLinh = desks.get('60-UBND-599-MC');
  const district = agencies.get('60-UBND-599');
  const provinceId: string = tanhLinh.province_id;
  const attendees: Staff[] = [];
  for (let i = 0; i < 396; i += 1) {
    n += 1;
    attendees.push(m.getRepository(Staff).create({
      fullName: demoName(n), postOfficeId: null, agencyId: district.id, homeUnitId: tanhLinh.administrative_unit_id, homeDeskId: null,
      phone: null, email: null, nationalId: null, status: StaffStatus.ACTIVE, userId: null, provinceId, version: 1,
    }));
  }
  await m.getRepository(Staff).insert(attendees);
  staffCount += attendees.length;
  const postal: Array<{ id: string }> = await m.query(`SELECT id FROM staff WHERE home_desk_id = $1 ORDER BY seq`, [tanhLinh.id]);
  const everyone = [...postal.map((p) => p.id), ...attendees.map((a) => a.id)];
  const CLASSES: Array<[string, string, string]> = [
    ['2022-03-08', 'HO_TICH', 'Phòng Tư pháp huyện Tánh Linh'],
    ['2022-03-22', 'DAT_DAI', 'Chi nhánh Văn phòng đăng ký đất đai huyện Tánh Linh'],
    ['2022-04-12', 'TU_PHAP', 'Phòng Tư pháp huyện Tánh Linh'],
    ['2022-05-10', 'LAO_DONG_TBXH', 'Phòng Lao động – Thương binh và Xã hội huyện'],
    ['2022-06-14', 'CHUNG_THUC', 'Phòng Tư pháp huyện Tánh Linh'],
    ['2022-07-05', 'XAY_DUNG', 'Phòng Kinh tế – Hạ tầng huyện Tánh Linh'],
  ];
  for (const [i, [heldOn, code, trainer]] of CLASSES.entries()) {
    const session = m.getRepository(TrainingSession).create({ fieldId: fieldId(code), heldOn, place: 'Hội trường UBND huyện Tánh Linh (demo)', trainer: `${trainer} (demo)`, validMonths: null, note: 'Lớp tập huấn triển khai tiếp nhận, trả kết quả qua bưu điện', provinceId });
    await m.getRepository(TrainingSession).insert(session);
    // 6 classes, about 400 people: each person attends one class (the 4 postal staff attend the first ones).
    const group = everyone.filter((_, j) => j % CLASSES.length === i);
    await m.createQueryBuilder().insert().into(Qualification)
      .values(group.map((staffId) => ({ staffId, fieldId: fieldId(code), trainedOn: heldOn, certificateNumber: null, expiresOn: null, trainingSessionId: session.id, provinceId })))
      .orIgnore().execute();
  }
  return { staff: staffCount, counters: counterCount, shifts: shifts.length };
}

