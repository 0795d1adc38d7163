import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One change to one record: written in the same transaction as the change, never updated.
 * The database refuses UPDATE and DELETE on this table (see the migration).
 */
@Entity('audit_entry')
export class AuditEntry {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('timestamptz', { default: () => 'now()' }) occurredAt!: Date;
  @Column('text') action!: string;
  @Column('text') entityType!: string;
  @Column('uuid') entityId!: string;
  @Column('text') actorKind!: string;
  @Column('uuid', { nullable: true }) actorId!: string | null;
  @Column('text') actorLabel!: string;
  @Column('jsonb', { nullable: true }) before!: Record<string, unknown> | null;
  @Column('jsonb', { nullable: true }) after!: Record<string, unknown> | null;
  @Column('uuid', { nullable: true }) provinceId!: string | null;
  /** Order of writing (an identity column): the trail's sort key. */
  @Column({ type: 'bigint', insert: false, update: false }) seq!: string;
  @Column('text', { nullable: true }) requestId!: string | null;
  @Column('text', { nullable: true }) ip!: string | null;
}
