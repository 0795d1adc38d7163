import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLISODateTime as DateTimeISO } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DateScalar } from '../../platform/graphql/scalars';

export enum AdministrativeLevel {
  PROVINCE = 'PROVINCE',
  DISTRICT = 'DISTRICT',
  COMMUNE = 'COMMUNE',
}

registerEnumType(AdministrativeLevel, {
  name: 'AdministrativeLevel',
  description: 'Level of an administrative unit. The district level was abolished on 1 July 2025.',
  valuesConfig: {
    PROVINCE: { description: 'Tỉnh / thành phố trực thuộc trung ương' },
    DISTRICT: { description: 'Huyện / quận / thị xã / thành phố thuộc tỉnh (until 30 June 2025)' },
    COMMUNE: { description: 'Xã / phường / thị trấn / đặc khu' },
  },
});

/** The level directly above each level; a commune may hang under a province from 1 July 2025. */
export const PARENT_LEVELS: Record<AdministrativeLevel, AdministrativeLevel[]> = {
  PROVINCE: [],
  DISTRICT: [AdministrativeLevel.PROVINCE],
  COMMUNE: [AdministrativeLevel.DISTRICT, AdministrativeLevel.PROVINCE],
};

@ObjectType({ description: 'Đơn vị hành chính: a province, district or commune, in force between two dates.' })
@Entity('administrative_unit')
export class AdministrativeUnit {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => String, { description: 'Official statistical code (mã đơn vị hành chính), e.g. "42" for Hà Tĩnh.' })
  @Column('varchar', { length: 16 })
  code!: string;

  @Field(() => String, { description: 'Official name with its type, e.g. "Tỉnh Hà Tĩnh", "Xã Kỳ Bắc".' })
  @Column('text')
  name!: string;

  @Field(() => AdministrativeLevel)
  @Column({ type: 'enum', enum: AdministrativeLevel, enumName: 'administrative_level' })
  level!: AdministrativeLevel;

  @Column('uuid', { nullable: true })
  parentId!: string | null;

  @Field(() => String, { description: 'Hierarchy path of codes from the province down, e.g. "42.447.18565" (ltree).' })
  @Column('ltree')
  path!: string;

  @Field(() => DateScalar, { description: 'First day in force.' })
  @Column('date')
  validFrom!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Last day in force; null while in force.' })
  @Column('date', { nullable: true })
  validTo!: string | null;

  @Column('uuid', { nullable: true })
  successorId!: string | null;

  @Field(() => DateTimeISO)
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Field(() => DateTimeISO)
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  /** The day this record was read "as of" (not a column): its children and roll-ups use the same day. */
  viewAsOf?: string;
}

export function inForceOn(unit: Pick<AdministrativeUnit, 'validFrom' | 'validTo'>, day: string): boolean {
  return unit.validFrom <= day && (unit.validTo === null || unit.validTo >= day);
}
