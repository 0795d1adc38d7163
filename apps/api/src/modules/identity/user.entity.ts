import { Field, GraphQLISODateTime as DateTimeISO, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Role } from './role';

@ObjectType({ description: 'Người dùng: a member of staff who signs in, with roles and the unit they work for.' })
@Entity('app_user')
export class User {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => String)
  @Column('varchar', { length: 64 })
  username!: string;

  @Field(() => String)
  @Column('text')
  displayName!: string;

  @Column('text', { select: true })
  passwordHash!: string;

  @Field(() => [Role])
  @Column({ type: 'enum', enum: Role, enumName: 'role', array: true })
  roles!: Role[];

  @Column('uuid', { nullable: true })
  scopeUnitId!: string | null;

  @Column('uuid', { nullable: true })
  provinceId!: string | null;

  @Column('uuid', { nullable: true })
  postOfficeId!: string | null;

  @Column('uuid', { nullable: true })
  oneStopDeskId!: string | null;

  @Column('uuid', { nullable: true })
  agencyId!: string | null;

  @Field(() => Boolean)
  @Column('boolean', { default: true })
  active!: boolean;

  @Column('timestamptz')
  passwordChangedAt!: Date;

  @Field(() => DateTimeISO)
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Field(() => DateTimeISO)
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** A user as written to the audit trail: never the password hash. */
export function auditableUser(user: User): Omit<User, 'passwordHash'> {
  const { passwordHash: _hidden, ...rest } = user;
  return rest;
}
