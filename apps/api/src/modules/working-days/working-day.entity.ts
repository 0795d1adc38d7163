import { Field, GraphQLISODateTime as DateTimeISO, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DateScalar } from '../../platform/graphql/scalars';

/** What an adjustment does to a day of the plain week (Monday–Friday working, Saturday and Sunday off). */
export enum CalendarAdjustmentKind {
  DAY_OFF = 'DAY_OFF',
  WORKING_DAY = 'WORKING_DAY',
}
registerEnumType(CalendarAdjustmentKind, {
  name: 'CalendarAdjustmentKind',
  valuesConfig: {
    DAY_OFF: { description: 'Ngày nghỉ thêm: the extra Tết days, the second National Day, a substitute day for a holiday on a weekend, a weekday swapped off.' },
    WORKING_DAY: { description: 'Ngày làm bù: a Saturday (or Sunday) worked in exchange for a weekday off.' },
  },
});

/** How a day of the working calendar differs from the plain week. */
export enum CalendarDayKind {
  PUBLIC_HOLIDAY = 'PUBLIC_HOLIDAY',
  DAY_OFF = 'DAY_OFF',
  WORKING_DAY = 'WORKING_DAY',
}
registerEnumType(CalendarDayKind, {
  name: 'CalendarDayKind',
  valuesConfig: {
    PUBLIC_HOLIDAY: { description: 'Ngày lễ: a public holiday of the Labour Code (Tết and the Hùng Kings’ day by the lunar calendar).' },
    DAY_OFF: { description: 'Ngày nghỉ thêm, from an adjustment.' },
    WORKING_DAY: { description: 'Ngày làm bù, from an adjustment.' },
  },
});

@ObjectType({ description: 'An official change to the working calendar of civil servants for one day (a day off or a swapped working day), kept by national administrators.' })
@Entity('calendar_adjustment')
export class CalendarAdjustment {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Field(() => DateScalar) @Column('date', { name: 'day' }) date!: string;
  @Field(() => CalendarAdjustmentKind) @Column({ type: 'enum', enum: CalendarAdjustmentKind, enumName: 'calendar_adjustment_kind' }) kind!: CalendarAdjustmentKind;
  @Field(() => String, { description: 'What the day is, in Vietnamese (e.g. "Nghỉ Tết Nguyên đán", "Làm bù cho thứ Sáu 02/01/2026").' }) @Column('text') name!: string;
  @Field(() => String, { nullable: true, description: 'The notice or decision it comes from (e.g. "Công văn 12729/VPCP-KGVX ngày 25/12/2025").' })
  @Column('text', { nullable: true })
  legalBasis!: string | null;
  @Field(() => Int) @Column('int') version!: number;
  @Field(() => DateTimeISO) @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Field(() => DateTimeISO) @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

@ObjectType({ description: 'A day of a year that differs from the plain week: a public holiday (listed even on a weekend), an extra day off or a swapped working day.' })
export class CalendarDay {
  @Field(() => DateScalar) date!: string;
  @Field(() => CalendarDayKind) kind!: CalendarDayKind;
  @Field(() => String, { description: 'The holiday’s name in the request’s language; an adjustment’s in Vietnamese.' }) name!: string;
  @Field(() => ID, { nullable: true, description: 'The adjustment’s id (null for a public holiday).' }) id!: string | null;
  @Field(() => String, { nullable: true, description: 'The adjustment’s legal basis.' }) legalBasis!: string | null;
  @Field(() => Int, { nullable: true, description: 'The adjustment’s version, for updateCalendarAdjustment and deleteCalendarAdjustment.' }) version!: number | null;
}

/** Office hours of a working day, in minutes since midnight in Vietnam (UTC+7, no daylight saving): 07:30–11:30 and 13:30–17:00. */
export const OFFICE_HOURS: ReadonlyArray<readonly [number, number]> = [
  [7 * 60 + 30, 11 * 60 + 30],
  [13 * 60 + 30, 17 * 60],
];
/** Office hours in a working day (7.5). */
export const OFFICE_HOURS_PER_DAY = OFFICE_HOURS.reduce((sum, [opens, closes]) => sum + (closes - opens), 0) / 60;
