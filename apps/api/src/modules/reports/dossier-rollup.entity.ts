import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DossierChannel } from '../dossiers/dossier.entity';

/**
 * One row of `dossier_daily_rollup`: the counters of one Vietnam day for one province, desk, post office,
 * agency and channel (see dossier-rollup.service.ts for what each counts). Written only by SQL
 * (INSERT … ON CONFLICT DO UPDATE); read by the reports.
 */
@Entity('dossier_daily_rollup')
export class DossierDailyRollup {
  @PrimaryColumn({ type: 'bigint', insert: false, update: false }) id!: string;
  @Column('uuid') provinceId!: string;
  @Column('uuid', { nullable: true }) deskId!: string | null;
  @Column('uuid', { nullable: true }) postOfficeId!: string | null;
  @Column('uuid', { nullable: true }) agencyId!: string | null;
  @Column('date') day!: string;
  @Column({ type: 'enum', enumName: 'dossier_channel', enum: ['AT_DESK', 'AT_POST_OFFICE', 'ONLINE_WITH_POSTAL_PICKUP', 'HOME_APPOINTMENT'] }) channel!: DossierChannel;
  @Column('int') received!: number;
  @Column('int') receivedViaBcci!: number;
  @Column('int') online!: number;
  @Column('int') atDesk!: number;
  @Column('int') digitised!: number;
  @Column('int') resultsReturned!: number;
  @Column('int') resultsReturnedViaBcci!: number;
  @Column('int') resolvedOnTime!: number;
  @Column('int') resolvedLate!: number;
  @Column('int') ratedSatisfied!: number;
  @Column('int') ratedNeutral!: number;
  @Column('int') ratedDissatisfied!: number;
}
