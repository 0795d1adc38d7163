import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLISODateTime as DateTimeISO } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DateScalar } from '../../platform/graphql/scalars';

/** What a target (chỉ tiêu) is set on: a share of the dossiers a unit receives in a period. */
export enum TargetMetric {
  ONLINE_SHARE = 'ONLINE_SHARE',
  BCCI_SHARE = 'BCCI_SHARE',
}

registerEnumType(TargetMetric, {
  name: 'TargetMetric',
  description: 'The share a target sets: of the dossiers received in the period, those received online, or via BCCI (the post office).',
  valuesConfig: {
    ONLINE_SHARE: { description: 'Tỷ lệ hồ sơ trực tuyến: received online ÷ received.' },
    BCCI_SHARE: { description: 'Tỷ lệ hồ sơ qua dịch vụ BCCI: received via BCCI ÷ received.' },
  },
});

/**
 * The shares criterion 8 of the national new-rural criteria sets for a commune's online dossiers: at least
 * 30 % for a new-rural commune, 50 % for an advanced one (the figures issue 13 names). The admin offers
 * them when a province assigns a commune's target; nothing applies them by itself.
 */
export const CRITERION_8_ONLINE_SHARE = { NEW_RURAL: 30, ADVANCED_NEW_RURAL: 50 } as const;

/**
 * Chỉ tiêu: a share a province assigns one of its units (itself, a district before 2025, a commune) for a
 * period. See report-target.service.ts for the rules.
 */
@ObjectType({ description: 'Chỉ tiêu: a share of received dossiers (online, via BCCI) a province assigns a unit for a period.' })
@Entity('report_target')
export class ReportTarget {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  /** The province that owns the target today (its unit rolled up through the merges). */
  @Column('uuid') provinceId!: string;
  /** The unit the target is set for, as it was during the period. */
  @Column('uuid') administrativeUnitId!: string;
  @Field(() => TargetMetric) @Column({ type: 'enum', enum: TargetMetric, enumName: 'target_metric' }) metric!: TargetMetric;
  @Field(() => DateScalar, { description: 'First day of the period.' }) @Column('date') periodStart!: string;
  @Field(() => DateScalar, { description: 'Last day of the period.' }) @Column('date') periodEnd!: string;
  @Field(() => Float, { description: 'The share to reach, in per cent (0–100, one decimal).' })
  @Column('numeric', { precision: 4, scale: 1, transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) } })
  targetPercent!: number;
  @Field(() => String, { nullable: true, description: 'Why this share: the decision or criterion it comes from (e.g. "Tiêu chí 8, xã nông thôn mới nâng cao").' })
  @Column('text', { nullable: true })
  basis!: string | null;
  @Field(() => Int) @Column('int') version!: number;
  @Field(() => DateTimeISO) @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Field(() => DateTimeISO) @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
