import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { AdministrativeLevel } from '../administrative-units/administrative-unit.entity';
import { UnitOwnedRecord } from '../administrative-units/unit-owned-record';

export enum AgencyKind {
  PROVINCIAL_DEPARTMENT = 'PROVINCIAL_DEPARTMENT',
  PUBLIC_ADMINISTRATION_CENTRE = 'PUBLIC_ADMINISTRATION_CENTRE',
  DISTRICT_PEOPLES_COMMITTEE = 'DISTRICT_PEOPLES_COMMITTEE',
  COMMUNE_PEOPLES_COMMITTEE = 'COMMUNE_PEOPLES_COMMITTEE',
}

registerEnumType(AgencyKind, {
  name: 'AgencyKind',
  valuesConfig: {
    PROVINCIAL_DEPARTMENT: { description: 'Sở (provincial department)' },
    PUBLIC_ADMINISTRATION_CENTRE: { description: 'Trung tâm Phục vụ Hành chính công (provincial public administration service centre)' },
    DISTRICT_PEOPLES_COMMITTEE: { description: 'UBND huyện / thị xã / thành phố (until 30 June 2025)' },
    COMMUNE_PEOPLES_COMMITTEE: { description: 'UBND xã / phường / thị trấn' },
  },
});

/** The level of the unit an agency of each kind sits in. */
export const AGENCY_KIND_LEVEL: Record<AgencyKind, AdministrativeLevel> = {
  PROVINCIAL_DEPARTMENT: AdministrativeLevel.PROVINCE,
  PUBLIC_ADMINISTRATION_CENTRE: AdministrativeLevel.PROVINCE,
  DISTRICT_PEOPLES_COMMITTEE: AdministrativeLevel.DISTRICT,
  COMMUNE_PEOPLES_COMMITTEE: AdministrativeLevel.COMMUNE,
};

@ObjectType({ description: 'Cơ quan: the authority that decides procedures (a department, a people’s committee, the provincial centre).' })
@Entity('agency')
export class Agency extends UnitOwnedRecord {
  @Field(() => AgencyKind)
  @Column({ type: 'enum', enum: AgencyKind, enumName: 'agency_kind' })
  kind!: AgencyKind;

  @Field(() => String, { nullable: true, description: 'Mã định danh điện tử (Circular 10/2016/TT-BTTTT), e.g. 000.00.00.H27: the prefix of the dossier codes it receives.' })
  @Column('varchar', { length: 24, nullable: true })
  identifierCode!: string | null;
}
