import { Field, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { AdministrativeLevel } from '../administrative-units/administrative-unit.entity';
import { UnitOwnedRecord } from '../administrative-units/unit-owned-record';

@ObjectType({ description: 'Bộ phận Một cửa / Bộ phận Tiếp nhận và Trả kết quả: the reception-and-return desk of an agency or a level.' })
@Entity('one_stop_desk')
export class OneStopDesk extends UnitOwnedRecord {
  @Field(() => AdministrativeLevel, { description: 'The level it serves: the level of its administrative unit.' })
  @Column({ type: 'enum', enum: AdministrativeLevel, enumName: 'administrative_level' })
  level!: AdministrativeLevel;

  @Column('uuid')
  agencyId!: string;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  address!: string | null;

  @Field(() => String, { nullable: true, description: 'Mã định danh điện tử of the desk (Circular 10/2016/TT-BTTTT) when it has its own; else its agency’s is the prefix of its dossier codes.' })
  @Column('varchar', { length: 24, nullable: true })
  identifierCode!: string | null;
}
