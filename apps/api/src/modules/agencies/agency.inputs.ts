import { Length, Matches } from 'class-validator';
import { Field, InputType, ObjectType } from 'type-graphql';
import { NAME_MAX } from '../administrative-units/administrative-unit.inputs';
import { identifierCodeInputType, moveInputType, RECORD_CODE, renameInputType, retireInputType, UnitOwnedFilter } from '../administrative-units/unit-owned-record';
import { Agency, AgencyKind } from './agency.entity';

@InputType()
export class AgencyFilter extends UnitOwnedFilter {
  @Field(() => AgencyKind, { nullable: true }) kind?: AgencyKind | null;
}

@InputType()
export class CreateAgencyInput {
  @Field(() => String, { description: 'Stable code, e.g. "42-STTTT".' }) @Matches(RECORD_CODE) code!: string;
  @Field(() => String) @Length(1, NAME_MAX) name!: string;
  @Field(() => AgencyKind) kind!: AgencyKind;
  @Field(() => String, { description: 'Code of the unit it serves (a province for a department).' }) administrativeUnitCode!: string;
}

export const RenameAgencyInput = renameInputType('Agency');
export const MoveAgencyInput = moveInputType('Agency');
export const RetireAgencyInput = retireInputType('Agency');
export const SetAgencyIdentifierCodeInput = identifierCodeInputType('Agency');

@ObjectType()
export class AgencyPayload {
  @Field(() => Agency) agency!: Agency;
}
