import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLISODateTime as DateTimeISO } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ConnectionType } from '../../../platform/graphql/connection';
import { ImportKind } from './import-format';

export { ImportKind };

export enum ImportStatus {
  UPLOADING = 'UPLOADING',
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}

registerEnumType(ImportKind, {
  name: 'ImportKind',
  description: 'What an import file holds.',
  valuesConfig: { DOSSIERS: { description: 'Hồ sơ (one row per dossier)' }, AGGREGATE_FIGURES: { description: 'Số liệu tổng hợp (one row per unit and period)' } },
});
registerEnumType(ImportStatus, {
  name: 'ImportStatus',
  valuesConfig: {
    UPLOADING: { description: 'Đang tải tệp lên' },
    QUEUED: { description: 'Chờ xử lý' },
    RUNNING: { description: 'Đang nhập' },
    SUCCEEDED: { description: 'Đã xong' },
    FAILED: { description: 'Lỗi' },
  },
});

/**
 * Lần nhập dữ liệu: one file of another one-stop system's export (dossiers or aggregate figures),
 * uploaded to POST /imports and imported by a background job; its counters move as the job commits
 * each batch (modules/reports/imports).
 */
@ObjectType({ description: 'An import of dossiers or aggregate figures from another one-stop system’s export (CSV or XLSX), with its live progress.' })
@Entity('import_job')
export class ImportJob {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') provinceId!: string;
  @Field(() => ImportKind) @Column({ type: 'enum', enum: ImportKind, enumName: 'import_kind' }) kind!: ImportKind;
  @Field(() => ImportStatus) @Column({ type: 'enum', enum: ImportStatus, enumName: 'import_status' }) status!: ImportStatus;
  @Field(() => String) @Column('text') fileName!: string;
  @Field(() => String, { description: 'CSV or XLSX.' }) @Column('varchar') format!: string;
  @Field(() => Float, { description: 'The file’s size in bytes.' }) @Column('bigint', { transformer: { from: Number, to: (v: number) => v } }) sizeBytes!: number;
  @Column('char', { length: 64, nullable: true }) sha256!: string | null;
  @Field(() => Int, { description: 'Data rows in the file (without the header and empty rows).' }) @Column('int') totalRows!: number;
  @Field(() => Int, { description: 'Rows the job has gone through so far.' }) @Column('int') processedRows!: number;
  @Field(() => Int, { description: 'Rows written (dossiers or figures).' }) @Column('int') acceptedRows!: number;
  @Field(() => Int, { description: 'Rows refused (see rejectedRowsFile).' }) @Column('int') rejectedRows!: number;
  @Field(() => Int, { description: 'Rows skipped because their dossier code (or the same figure) is already held.' }) @Column('int') skippedRows!: number;
  @Column('int') lastRowNo!: number;
  @Column('timestamptz', { nullable: true }) leaseUntil!: Date | null;
  @Field(() => String, { nullable: true, description: 'Why the job failed (Vietnamese).' }) @Column('text', { nullable: true }) error!: string | null;
  @Column('uuid', { nullable: true }) createdById!: string | null;
  @Field(() => String, { description: 'Who uploaded the file.' }) @Column('text') createdByLabel!: string;
  @Field(() => DateTimeISO) @Column('timestamptz') createdAt!: Date;
  @Field(() => DateTimeISO, { nullable: true }) @Column('timestamptz', { nullable: true }) startedAt!: Date | null;
  @Field(() => DateTimeISO, { nullable: true }) @Column('timestamptz', { nullable: true }) finishedAt!: Date | null;
  @Field(() => DateTimeISO) @Column('timestamptz') updatedAt!: Date;
}

@ObjectType()
export class ImportJobConnection extends ConnectionType(ImportJob, 'ImportJob') {}

@InputType({ description: 'Which imports to list.' })
export class ImportJobFilter {
  @Field(() => ImportKind, { nullable: true }) kind?: ImportKind | null;
  @Field(() => ImportStatus, { nullable: true }) status?: ImportStatus | null;
}

@ObjectType({ description: 'A row the import refused: the row number in the file, the column and the reason (Vietnamese).' })
export class ImportRejection {
  @Field(() => Int) rowNo!: number;
  @Field(() => String, { nullable: true }) column!: string | null;
  @Field(() => String) reason!: string;
  @Field(() => String, { nullable: true }) value!: string | null;
}
