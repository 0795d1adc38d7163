import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLISODateTime as DateTimeISO } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DateScalar, TimeOfDayScalar } from '../../platform/graphql/scalars';

export enum CounterStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
  RETIRED = 'RETIRED',
}
registerEnumType(CounterStatus, {
  name: 'CounterStatus',
  valuesConfig: {
    OPEN: { description: 'Đang hoạt động' },
    CLOSED: { description: 'Tạm đóng: not rostered' },
    RETIRED: { description: 'Đã bỏ: kept for the history' },
  },
});

export enum ShiftStatus {
  PLANNED = 'PLANNED',
  PUBLISHED = 'PUBLISHED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(ShiftStatus, {
  name: 'ShiftStatus',
  valuesConfig: {
    PLANNED: { description: 'Dự kiến: seen by managers only' },
    PUBLISHED: { description: 'Đã công bố: staff see it; later changes keep its history' },
    CANCELLED: { description: 'Đã hủy, with a reason' },
  },
});

@ObjectType({ description: 'Quầy: a numbered counter at a desk, serving some procedure fields.' })
@Entity('counter')
export class Counter {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') deskId!: string;
  @Field(() => Int) @Column('int') number!: number;
  @Field(() => String) @Column('text') name!: string;
  @Column('uuid', { array: true }) fieldIds!: string[];
  @Field(() => CounterStatus) @Column({ type: 'enum', enum: CounterStatus, enumName: 'counter_status' }) status!: CounterStatus;
  @Column('uuid') provinceId!: string;
  @Field(() => Int) @Column('int') version!: number;
  @Field(() => DateTimeISO) @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Field(() => DateTimeISO) @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

@ObjectType({ description: 'Giờ làm việc: one opening interval of a desk on an ISO weekday (1 = Monday … 7 = Sunday).' })
@Entity('opening_hours')
export class OpeningHours {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') deskId!: string;
  @Field(() => Int, { description: '1 = Thứ Hai (Monday) … 7 = Chủ nhật (Sunday).' }) @Column('smallint') weekday!: number;
  @Field(() => TimeOfDayScalar) @Column('smallint') opensAt!: number;
  @Field(() => TimeOfDayScalar) @Column('smallint') closesAt!: number;
  @Field(() => Int, { nullable: true, description: 'Counters to staff in this interval; null: every open counter.' }) @Column('smallint', { nullable: true }) demand!: number | null;
  @Column('uuid') provinceId!: string;
}

@ObjectType({ description: 'A day a desk opens differently: closed (no hours) or with special hours replacing its weekday’s.' })
@Entity('opening_exception')
export class OpeningException {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') deskId!: string;
  @Field(() => DateScalar) @Column('date') day!: string;
  @Field(() => TimeOfDayScalar, { nullable: true }) @Column('smallint', { nullable: true }) opensAt!: number | null;
  @Field(() => TimeOfDayScalar, { nullable: true }) @Column('smallint', { nullable: true }) closesAt!: number | null;
  @Field(() => Int, { nullable: true }) @Column('smallint', { nullable: true }) demand!: number | null;
  @Field(() => String, { description: 'Why, e.g. "Nghỉ Tết Nguyên đán".' }) @Column('text') note!: string;
  @Column('uuid') provinceId!: string;
}

@ObjectType({ description: 'Ca trực: a person at a counter on a day, from one time to another (Vietnam time).' })
@Entity('shift')
export class Shift {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'bigint', insert: false, update: false }) seq!: string;
  @Column('uuid') staffId!: string;
  @Column('uuid') counterId!: string;
  @Column('uuid') deskId!: string;
  @Field(() => DateScalar) @Column('date') day!: string;
  @Field(() => TimeOfDayScalar) @Column('smallint') startsAt!: number;
  @Field(() => TimeOfDayScalar) @Column('smallint') endsAt!: number;
  @Field(() => ShiftStatus) @Column({ type: 'enum', enum: ShiftStatus, enumName: 'shift_status' }) status!: ShiftStatus;
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) cancelReason!: string | null;
  @Column('uuid') provinceId!: string;
  @Field(() => Int) @Column('int') version!: number;
  @Field(() => DateTimeISO) @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Field(() => DateTimeISO) @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

@ObjectType({ description: 'What a published shift was before a later change.' })
@Entity('shift_revision')
export class ShiftRevision {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') shiftId!: string;
  @Column('uuid') staffId!: string;
  @Column('uuid') counterId!: string;
  @Field(() => DateScalar) @Column('date') day!: string;
  @Field(() => TimeOfDayScalar) @Column('smallint') startsAt!: number;
  @Field(() => TimeOfDayScalar) @Column('smallint') endsAt!: number;
  @Field(() => ShiftStatus) @Column({ type: 'enum', enum: ShiftStatus, enumName: 'shift_status' }) status!: ShiftStatus;
  @Field(() => String, { description: 'MOVED, SWAPPED or CANCELLED.' }) @Column('text') change!: string;
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) reason!: string | null;
  @Field(() => String, { description: 'Who changed it (display name).' }) @Column('text') changedBy!: string;
  @Field(() => DateTimeISO) @Column('timestamptz') changedAt!: Date;
}
