import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { UnitOwnedRecord } from '../administrative-units/unit-owned-record';

export enum PostOfficeKind {
  PROVINCIAL = 'PROVINCIAL',
  DISTRICT = 'DISTRICT',
  POST_OFFICE = 'POST_OFFICE',
  COMMUNE_CULTURAL = 'COMMUNE_CULTURAL',
}

registerEnumType(PostOfficeKind, {
  name: 'PostOfficeKind',
  valuesConfig: {
    PROVINCIAL: { description: 'Bưu điện tỉnh (provincial post office)' },
    DISTRICT: { description: 'Bưu điện huyện / thị xã / thành phố' },
    POST_OFFICE: { description: 'Bưu cục (a post office counter)' },
    COMMUNE_CULTURAL: { description: 'Bưu điện văn hóa xã, BĐVHX (commune cultural post office)' },
  },
});

/** Which kinds of post office each kind may report to in the postal network. */
export const POST_OFFICE_PARENT_KINDS: Record<PostOfficeKind, PostOfficeKind[]> = {
  PROVINCIAL: [],
  DISTRICT: [PostOfficeKind.PROVINCIAL],
  POST_OFFICE: [PostOfficeKind.PROVINCIAL, PostOfficeKind.DISTRICT],
  COMMUNE_CULTURAL: [PostOfficeKind.PROVINCIAL, PostOfficeKind.DISTRICT, PostOfficeKind.POST_OFFICE],
};

@ObjectType({ description: 'A unit of the postal network: provincial or district post office, post office counter, or commune cultural post office.' })
@Entity('post_office')
export class PostOffice extends UnitOwnedRecord {
  @Field(() => PostOfficeKind)
  @Column({ type: 'enum', enum: PostOfficeKind, enumName: 'post_office_kind' })
  kind!: PostOfficeKind;

  @Column('uuid', { nullable: true })
  parentId!: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  address!: string | null;
}
