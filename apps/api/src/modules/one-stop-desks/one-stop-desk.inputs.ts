import { IsOptional, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { AdministrativeLevel } from '../administrative-units/administrative-unit.entity';
import { NAME_MAX } from '../administrative-units/administrative-unit.inputs';
import { identifierCodeInputType, moveInputType, RECORD_CODE, renameInputType, retireInputType, UnitOwnedFilter } from '../administrative-units/unit-owned-record';
import { OneStopDesk } from './one-stop-desk.entity';

@InputType()
export class OneStopDeskFilter extends UnitOwnedFilter {
  @Field(() => AdministrativeLevel, { nullable: true }) level?: AdministrativeLevel | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() agencyId?: string | null;
}

@InputType()
export class CreateOneStopDeskInput {
  @Field(() => String) @Matches(RECORD_CODE) code!: string;
  @Field(() => String) @Length(1, NAME_MAX) name!: string;
  @Field(() => ID, { description: 'The agency whose desk it is.' }) @IsUUID() agencyId!: string;
  @Field(() => String, { nullable: true, description: 'Default: the unit of its agency.' }) administrativeUnitCode?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(500) address?: string | null;
}

export const RenameOneStopDeskInput = renameInputType('OneStopDesk');
export const MoveOneStopDeskInput = moveInputType('OneStopDesk');
export const RetireOneStopDeskInput = retireInputType('OneStopDesk');
export const SetOneStopDeskIdentifierCodeInput = identifierCodeInputType('OneStopDesk');

@ObjectType()
export class OneStopDeskPayload {
  @Field(() => OneStopDesk) oneStopDesk!: OneStopDesk;
}
