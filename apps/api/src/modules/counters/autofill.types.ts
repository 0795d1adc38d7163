import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, TimeOfDayScalar } from '../../platform/graphql/scalars';
import { Shift } from './counter.entity';

export enum AutoFillStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
  ACCEPTED = 'ACCEPTED',
  DISCARDED = 'DISCARDED',
}
registerEnumType(AutoFillStatus, {
  name: 'AutoFillStatus',
  valuesConfig: {
    QUEUED: { description: 'Chờ lượt: another proposal is being computed' },
    RUNNING: { description: 'Đang tính' },
    DONE: { description: 'Đã có đề xuất: accept or discard it' },
    FAILED: { description: 'Không tính được' },
    ACCEPTED: { description: 'Đã chấp nhận: saved as planned shifts' },
    DISCARDED: { description: 'Đã bỏ' },
  },
});

export enum AutoFillStage {
  PREPARE = 'PREPARE',
  FILL = 'FILL',
  BALANCE = 'BALANCE',
  DONE = 'DONE',
}
registerEnumType(AutoFillStage, {
  name: 'AutoFillStage',
  valuesConfig: {
    PREPARE: { description: 'Đọc dữ liệu, lập mô hình' },
    FILL: { description: 'Lấp đủ nhu cầu (fewest counter-slots left empty)' },
    BALANCE: { description: 'Cân bằng giờ làm (spread hours, keep people at their home desk)' },
    DONE: { description: 'Xong' },
  },
});

export enum ProposalQuality {
  OPTIMAL = 'OPTIMAL',
  INFEASIBLE_DEMAND = 'INFEASIBLE_DEMAND',
  TIME_LIMIT = 'TIME_LIMIT',
}
registerEnumType(ProposalQuality, {
  name: 'ProposalQuality',
  valuesConfig: {
    OPTIMAL: { description: 'Every demanded counter-slot is staffed' },
    INFEASIBLE_DEMAND: { description: 'The demand cannot be met in full; the fewest possible slots are left empty (see unmet)' },
    TIME_LIMIT: { description: 'The solver stopped at its time limit; gapPct says how far from the best it may be' },
  },
});

export enum RosterDemandSource {
  OPENING_HOURS = 'OPENING_HOURS',
  FORECAST = 'FORECAST',
}
registerEnumType(RosterDemandSource, {
  name: 'RosterDemandSource',
  description: 'Where auto-fill takes the counters to staff per slot from.',
  valuesConfig: {
    OPENING_HOURS: { description: 'Nhu cầu đã đặt: each interval’s demand, else every open counter' },
    FORECAST: { description: 'Theo dự báo lượng hồ sơ: the demand forecast’s counters per slot (dossierForecast), one desk only' },
  },
});

export enum UnmetReason {
  NOT_ENOUGH_COUNTERS = 'NOT_ENOUGH_COUNTERS',
  NO_ASSIGNED_STAFF = 'NO_ASSIGNED_STAFF',
  NO_QUALIFIED_STAFF = 'NO_QUALIFIED_STAFF',
  ALL_ABSENT = 'ALL_ABSENT',
  BUSY_IN_EXISTING_SHIFTS = 'BUSY_IN_EXISTING_SHIFTS',
  HOURS_LIMIT = 'HOURS_LIMIT',
  STAFF_BUSY_ELSEWHERE = 'STAFF_BUSY_ELSEWHERE',
  SOLVER_TIME_LIMIT = 'SOLVER_TIME_LIMIT',
}
registerEnumType(UnmetReason, {
  name: 'UnmetReason',
  description: 'Why counters of a slot are left empty.',
  valuesConfig: {
    NOT_ENOUGH_COUNTERS: { description: 'Không đủ quầy mở' },
    NO_ASSIGNED_STAFF: { description: 'Không đủ người được phân công tới bộ phận' },
    NO_QUALIFIED_STAFF: { description: 'Không đủ người có chứng nhận lĩnh vực của quầy' },
    ALL_ABSENT: { description: 'Người đủ điều kiện đều vắng mặt' },
    BUSY_IN_EXISTING_SHIFTS: { description: 'Người đủ điều kiện đã có ca trực khác' },
    HOURS_LIMIT: { description: 'Người đủ điều kiện đã đủ 8 giờ/ngày hoặc 48 giờ/tuần' },
    STAFF_BUSY_ELSEWHERE: { description: 'Người đủ điều kiện được xếp ở bộ phận khác cùng lúc' },
    SOLVER_TIME_LIMIT: { description: 'Hết thời gian tính trước khi chứng minh được' },
  },
});

@ObjectType({ description: 'A shift the proposal would plan.' })
export class ProposedShift {
  @Field(() => ID) staffId!: string;
  @Field(() => ID) counterId!: string;
  @Field(() => ID) deskId!: string;
  @Field(() => DateScalar) day!: string;
  @Field(() => TimeOfDayScalar) startsAt!: number;
  @Field(() => TimeOfDayScalar) endsAt!: number;
}

@ObjectType({ description: 'Counters of a slot the proposal leaves empty, and why.' })
export class UnmetSlot {
  @Field(() => ID) deskId!: string;
  @Field(() => DateScalar) day!: string;
  @Field(() => TimeOfDayScalar) opensAt!: number;
  @Field(() => TimeOfDayScalar) closesAt!: number;
  @Field(() => Int) missing!: number;
  @Field(() => UnmetReason) reason!: UnmetReason;
}

@ObjectType({ description: 'What auto-fill proposes, with its score, before the manager accepts it.' })
export class RosterProposalResult {
  @Field(() => [ProposedShift]) shifts!: ProposedShift[];
  @Field(() => Int, { description: 'Counter-slots the demand asks for.' }) demanded!: number;
  @Field(() => Int, { description: 'Counter-slots left empty (existing shifts count as staffed).' }) unfilled!: number;
  @Field(() => Int, { description: 'A proven lower bound on `unfilled`: no roster within the rules leaves fewer empty.' }) bound!: number;
  @Field(() => Float, { description: '100 × (unfilled − bound) / demanded: how far from the best possible this proposal may be.' }) gapPct!: number;
  @Field(() => Float, { description: 'Planned hours of the most loaded available person minus the least loaded.' }) spreadHours!: number;
  @Field(() => Int, { description: 'Proposed shifts away from the person’s home desk.' }) awayFromHome!: number;
  @Field(() => ProposalQuality) quality!: ProposalQuality;
  @Field(() => [UnmetSlot]) unmet!: UnmetSlot[];
  @Field(() => Float, { description: 'Seconds the solver took.' }) seconds!: number;
}

@ObjectType({ description: 'An auto-fill request: queued, computed in the background, then accepted or discarded (kept an hour).' })
export class RosterAutoFillJob {
  @Field(() => ID) id!: string;
  @Field(() => AutoFillStatus) status!: AutoFillStatus;
  @Field(() => AutoFillStage, { nullable: true }) stage!: AutoFillStage | null;
  @Field(() => Float, { description: 'Seconds since the computation started.' }) seconds!: number;
  @Field(() => DateScalar) from!: string;
  @Field(() => DateScalar) to!: string;
  @Field(() => [ID], { description: 'The desks it fills.' }) deskIds!: string[];
  @Field(() => RosterDemandSource, { description: 'Where its demand comes from.' }) demandSource!: RosterDemandSource;
  @Field(() => RosterProposalResult, { nullable: true }) proposal!: RosterProposalResult | null;
  @Field(() => String, { nullable: true, description: 'Why it failed (technical).' }) error!: string | null;
}

@ObjectType()
export class RosterAutoFillPayload {
  @Field(() => RosterAutoFillJob) job!: RosterAutoFillJob;
}

@ObjectType()
export class AcceptRosterProposalPayload {
  @Field(() => RosterAutoFillJob) job!: RosterAutoFillJob;
  @Field(() => [Shift], { description: 'The planned shifts saved.' }) shifts!: Shift[];
}
