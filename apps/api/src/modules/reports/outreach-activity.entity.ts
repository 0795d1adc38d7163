import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLISODateTime as DateTimeISO } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DateScalar } from '../../platform/graphql/scalars';

/**
 * The kinds of outreach (tuyên truyền) the seed articles name, as the forms list them. The quantity of
 * each kind counts what officials count: reports or articles published, handbooks and leaflets handed
 * out, broadcasts aired, Zalo (or other social network) groups run, conferences or training classes held.
 */
export enum OutreachKind {
  /** Phóng sự, bài viết tuyên truyền (Tánh Linh 2022: "02 phóng sự tuyên truyền"). */
  REPORTAGE = 'REPORTAGE',
  /** Sổ tay hướng dẫn (Tánh Linh 2022: 750). */
  HANDBOOK = 'HANDBOOK',
  /** Tờ rơi (Tánh Linh 2022: 300). */
  LEAFLET = 'LEAFLET',
  /** Phát thanh, truyền hình, truyền thanh cơ sở. */
  BROADCAST = 'BROADCAST',
  /** Nhóm Zalo, trang mạng xã hội (fanpage). */
  SOCIAL_GROUP = 'SOCIAL_GROUP',
  /** Hội nghị, lớp tập huấn (Tánh Linh 2022: 6 lớp, khoảng 400 lượt người). */
  CONFERENCE_OR_CLASS = 'CONFERENCE_OR_CLASS',
  /** Khác: pa nô, áp phích, … (say what in the note). */
  OTHER = 'OTHER',
}
registerEnumType(OutreachKind, {
  name: 'OutreachKind',
  description: 'A kind of outreach activity (tuyên truyền), as officials count it.',
  valuesConfig: {
    REPORTAGE: { description: 'Phóng sự, bài viết tuyên truyền: how many were published.' },
    HANDBOOK: { description: 'Sổ tay hướng dẫn: how many copies were handed out.' },
    LEAFLET: { description: 'Tờ rơi: how many were handed out.' },
    BROADCAST: { description: 'Phát thanh, truyền hình: how many broadcasts.' },
    SOCIAL_GROUP: { description: 'Nhóm Zalo, trang mạng xã hội: how many groups or pages.' },
    CONFERENCE_OR_CLASS: { description: 'Hội nghị, lớp tập huấn: how many were held.' },
    OTHER: { description: 'Khác (pa nô, áp phích, …): say what in the note.' },
  },
});

export const OUTREACH_KINDS = Object.values(OutreachKind);

/**
 * Hoạt động tuyên truyền: what a unit did over a period to make the service known, with the document the
 * figures come from. See outreach-activity.service.ts for the rules.
 */
@ObjectType({ description: 'Hoạt động tuyên truyền: an outreach activity of a unit over a period (handbooks, leaflets, broadcasts, Zalo groups, classes), with its source.' })
@Entity('outreach_activity')
export class OutreachActivity {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  /** The province that owns it today (its unit rolled up through the merges). */
  @Column('uuid') provinceId!: string;
  /** The unit as it was then (Huyện Tánh Linh in 2022). */
  @Column('uuid') administrativeUnitId!: string;
  @Field(() => DateScalar, { description: 'First day of the period.' }) @Column('date') periodStart!: string;
  @Field(() => DateScalar, { description: 'Last day of the period.' }) @Column('date') periodEnd!: string;
  @Field(() => OutreachKind) @Column({ type: 'enum', enum: OutreachKind, enumName: 'outreach_kind' }) kind!: OutreachKind;
  @Field(() => Int, { description: 'How many: copies, leaflets, articles, broadcasts, groups, classes (by kind).' }) @Column('int') quantity!: number;
  @Field(() => Int, { nullable: true, description: 'People reached (lượt người), when known.' }) @Column('int', { nullable: true }) peopleReached!: number | null;
  @Field(() => String, { description: 'The document or article the figures come from.' }) @Column('text') source!: string;
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) note!: string | null;
  @Field(() => Int) @Column('int') version!: number;
  @Field(() => DateTimeISO) @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Field(() => DateTimeISO) @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
