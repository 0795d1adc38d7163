import { IsOptional, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { NAME_MAX } from '../administrative-units/administrative-unit.inputs';
import { moveInputType, RECORD_CODE, renameInputType, retireInputType, UnitOwnedFilter } from '../administrative-units/unit-owned-record';
import { PostOffice, PostOfficeKind } from './post-office.entity';

@InputType()
export class PostOfficeFilter extends UnitOwnedFilter {
  @Field(() => PostOfficeKind, { nullable: true }) kind?: PostOfficeKind | null;
  @Field(() => ID, { nullable: true, description: 'Post offices that report to this one.' }) @IsOptional() @IsUUID() parentId?: string | null;
}

@InputType()
export class CreatePostOfficeInput {
  @Field(() => String, { description: 'Stable code, e.g. the postal code of the office.' }) @Matches(RECORD_CODE) code!: string;
  @Field(() => String) @Length(1, NAME_MAX) name!: string;
  @Field(() => PostOfficeKind) kind!: PostOfficeKind;
  @Field(() => String) administrativeUnitCode!: string;
  @Field(() => ID, { nullable: true, description: 'The post office it reports to (none for a provincial post office).' })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(500) address?: string | null;
}

export const RenamePostOfficeInput = renameInputType('PostOffice');
export const MovePostOfficeInput = moveInputType('PostOffice');
export const RetirePostOfficeInput = retireInputType('PostOffice');

@ObjectType()
export class PostOfficePayload {
  @Field(() => PostOffice) postOffice!: PostOffice;
}
