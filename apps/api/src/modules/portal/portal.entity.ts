import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An idempotency key a portal's client sent with `submitDossier`: unique per client, with the sha256 of
 * the submission's canonical content and the dossier it answered. A retry with the key and the same
 * content answers that dossier; other content is a CONFLICT. Kept at least KEY_RETENTION_HOURS.
 */
@Entity('portal_submission')
export class PortalSubmission {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') clientId!: string;
  @Column('text') idempotencyKey!: string;
  @Column('char', { length: 64 }) requestSha256!: string;
  /** Set in the transaction that claims the key, so never null once committed. */
  @Column('uuid', { nullable: true }) dossierId!: string | null;
  @Column('timestamptz') createdAt!: Date;
}
