import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLISODateTime as DateTimeISO } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DateScalar } from '../../platform/graphql/scalars';

/** The figures a submission may state, in the order forms and reports show them. */
export const FIGURE_FIELDS = ['receivedViaBcci', 'resultsReturnedViaBcci', 'receivedAndReturnedViaBcci', 'totalViaBcci', 'online', 'atDesk'] as const;
export type FigureField = (typeof FIGURE_FIELDS)[number];

/** The parts of `totalViaBcci`: a stated total equals the sum of the parts stated with it. */
export const BCCI_PARTS = ['receivedViaBcci', 'resultsReturnedViaBcci', 'receivedAndReturnedViaBcci'] as const;

/**
 * Số liệu tổng hợp: the period totals a unit that keeps no dossier-level data here submits (by a form
 * or a file), with the document they come from. See aggregate-figure.service.ts for the rules.
 */
@ObjectType({ description: 'Số liệu tổng hợp: period totals submitted by a unit that keeps its dossiers elsewhere, with their source (not counted from dossiers held here).' })
@Entity('aggregate_figure')
export class AggregateFigure {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  /** The province that owns the figure today (its unit rolled up through the merges). */
  @Column('uuid') provinceId!: string;
  /** The reporting unit as it was then (Tỉnh Bình Phước in 2017, Huyện Tánh Linh in 2022). */
  @Column('uuid') administrativeUnitId!: string;
  /** A desk's own figure (e.g. results returned at the provincial centre): a part of its unit's figure. */
  @Column('uuid', { nullable: true }) deskId!: string | null;
  @Field(() => DateScalar, { description: 'First day of the period.' }) @Column('date') periodStart!: string;
  @Field(() => DateScalar, { description: 'Last day of the period.' }) @Column('date') periodEnd!: string;
  @Field(() => Int, { nullable: true, description: 'Dossiers received via BCCI (the post office took the dossier in).' })
  @Column('int', { nullable: true })
  receivedViaBcci!: number | null;
  @Field(() => Int, { nullable: true, description: 'Dossiers whose results were returned via BCCI (only the result leg).' })
  @Column('int', { nullable: true })
  resultsReturnedViaBcci!: number | null;
  @Field(() => Int, { nullable: true, description: 'Dossiers received and returned via BCCI (both legs).' })
  @Column('int', { nullable: true })
  receivedAndReturnedViaBcci!: number | null;
  @Field(() => Int, { nullable: true, description: 'Dossiers via BCCI in all: when stated with parts, their sum.' })
  @Column('int', { nullable: true })
  totalViaBcci!: number | null;
  @Field(() => Int, { nullable: true, description: 'Dossiers received online (dịch vụ công trực tuyến).' })
  @Column('int', { nullable: true })
  online!: number | null;
  @Field(() => Int, { nullable: true, description: 'Dossiers received in person at the desk.' })
  @Column('int', { nullable: true })
  atDesk!: number | null;
  @Field(() => String, { description: 'The document or article the figures come from.' }) @Column('text') source!: string;
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) note!: string | null;
  @Field(() => Int) @Column('int') version!: number;
  @Field(() => DateTimeISO) @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Field(() => DateTimeISO) @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
