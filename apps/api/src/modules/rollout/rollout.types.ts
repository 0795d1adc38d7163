/**
 * Value objects of the rollout module: kept as JSON inside their record (a programme's legal basis,
 * committee and checklist; a phase's gates) and the read models of progress.
 */
import { Length, Matches, Min } from 'class-validator';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../platform/graphql/scalars';
import { AdministrativeLevel } from '../administrative-units/administrative-unit.entity';
import { CommitteeRole } from './rollout.enums';

@ObjectType({ description: 'A decision a programme rests on (văn bản pháp lý), e.g. 2459/QĐ-UBND of 23/7/2019.' })
@InputType('LegalDocumentInput')
export class LegalDocument {
  @Field(() => String, { description: 'Số hiệu, e.g. "2459/QĐ-UBND".' }) @Length(1, 64) number!: string;
  @Field(() => DateScalar, { description: 'Ngày ban hành.' }) signedOn!: string;
  @Field(() => String, { description: 'Cơ quan ban hành, e.g. "UBND tỉnh Hà Tĩnh", "Thủ tướng Chính phủ".' }) @Length(1, 200) issuer!: string;
  @Field(() => String, { description: 'Trích yếu.' }) @Length(1, 1000) title!: string;
}

@ObjectType({ description: 'A member of the steering committee (thành viên Ban Chỉ đạo).' })
@InputType('CommitteeMemberInput')
export class CommitteeMember {
  @Field(() => String) @Length(1, 200) fullName!: string;
  @Field(() => String, { description: 'Chức vụ, e.g. "Phó Chủ tịch UBND tỉnh".' }) @Length(1, 200) position!: string;
  @Field(() => CommitteeRole) committeeRole!: CommitteeRole;
}

export const READINESS_KEY = /^[a-z][a-z0-9_]{0,39}$/;

@ObjectType({ description: 'An item of the readiness checklist every site of a programme completes before launch.' })
@InputType('ReadinessItemInput')
export class ReadinessItem {
  @Field(() => String, { description: 'Stable key, lower_snake_case, e.g. "staff_trained".' }) @Matches(READINESS_KEY) key!: string;
  @Field(() => String) @Length(1, 200) label!: string;
}

/** The checklist a programme starts with; each programme edits its own. */
export const DEFAULT_READINESS_ITEMS: ReadinessItem[] = [
  { key: 'agreement_signed', label: 'Đã ký thỏa thuận hợp tác với Bưu điện' },
  { key: 'staff_trained', label: 'Nhân viên bưu điện đã được tập huấn' },
  { key: 'equipment_installed', label: 'Trang thiết bị đã lắp đặt' },
  { key: 'procedures_published', label: 'Đã niêm yết danh mục thủ tục hành chính' },
  { key: 'signage_installed', label: 'Đã gắn biển hiệu, hướng dẫn' },
];

@ObjectType({ description: 'Targets of a phase by level: how many desks of each level it plans to bring in.' })
@InputType('LevelTargetsInput')
export class LevelTargets {
  @Field(() => Int, { description: 'Provincial desks (departments, the public administration centre).' }) @Min(0) province!: number;
  @Field(() => Int) @Min(0) district!: number;
  @Field(() => Int) @Min(0) commune!: number;
}

@ObjectType({ description: 'A site’s progress on one checklist item.' })
export class ReadinessCheck {
  @Field(() => String) key!: string;
  @Field(() => String) label!: string;
  @Field(() => Boolean) done!: boolean;
  @Field(() => DateScalar, { nullable: true }) doneOn!: string | null;
  @Field(() => String, { nullable: true, description: 'Who ticked it.' }) doneBy!: string | null;
  @Field(() => String, { nullable: true }) note!: string | null;
}

/** How a site's checklist is stored: item key → its state. */
export type ReadinessState = Record<string, { doneOn: string; doneBy: string; note: string | null }>;

@ObjectType({ description: 'Planned vs actual for the desks of one level (or all levels) of a phase.' })
export class LevelProgress {
  @Field(() => AdministrativeLevel, { nullable: true, description: 'Null on a total row.' }) level!: AdministrativeLevel | null;
  @Field(() => Int, { description: 'Planned (the phase’s target).' }) target!: number;
  @Field(() => Int, { description: 'Enrolled and not withdrawn.' }) enrolled!: number;
  @Field(() => Int, { description: 'Enrolled, not launched yet (PLANNED or PREPARING).' }) preparing!: number;
  @Field(() => Int, { description: 'Ever launched (LAUNCHED, OPERATING, REVIEWED, or suspended after launch).' }) launched!: number;
  @Field(() => Int, { description: 'OPERATING now.' }) operating!: number;
  @Field(() => Int, { description: 'SUSPENDED now.' }) suspended!: number;
  @Field(() => Int, { description: 'Past their planned launch and not launched.' }) late!: number;
}

@ObjectType({ description: 'Civil servants relieved and postal staff deployed by handovers that took effect, and the investment in facilities.' })
export class HandoverTotals {
  @Field(() => Int) civilServantsRelieved!: number;
  @Field(() => Int) postalStaffDeployed!: number;
  @Field(() => Int, { description: 'Personnel handovers in effect.' }) personnelHandovers!: number;
  @Field(() => Int, { description: 'Facility handovers in effect.' }) facilityHandovers!: number;
  @Field(() => Number, { description: 'VND invested in facility handovers in effect (construction plus equipment).' }) investmentTotal!: number;
}

/** Kept in platform (every download of the product is one); named here for the rollout module's imports. */
export { ExportedFile } from '../../platform/graphql/exported-file';
