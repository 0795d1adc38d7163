import { IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../platform/graphql/scalars';
import { AdministrativeLevel, AdministrativeUnit } from './administrative-unit.entity';

export const UNIT_CODE = /^[0-9]{2,8}$/;
export const NAME_MAX = 200;

export enum AdministrativeUnitSort {
  CODE_ASC = 'CODE_ASC',
  NAME_ASC = 'NAME_ASC',
}
registerEnumType(AdministrativeUnitSort, { name: 'AdministrativeUnitSort' });

@InputType()
export class AdministrativeUnitFilter {
  @Field(() => String, { nullable: true, description: 'Part of the name, ignoring case and diacritics ("ky bac" finds "Kỳ Bắc"), or an exact code.' })
  @IsOptional()
  @MaxLength(100)
  search?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Units in force on this day (default: today in Vietnam).' })
  asOf?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Also units not in force on `asOf` (merged, abolished or not yet created).' })
  includeNotInForce?: boolean | null;

  @Field(() => AdministrativeLevel, { nullable: true })
  level?: AdministrativeLevel | null;

  @Field(() => String, { nullable: true, description: 'Direct children of the unit with this code.' })
  parentCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Units under the province with this code (the province included).' })
  provinceCode?: string | null;
}

@InputType()
export class CreateAdministrativeUnitInput {
  @Field(() => String) @Matches(UNIT_CODE) code!: string;
  @Field(() => String) @Length(1, NAME_MAX) name!: string;
  @Field(() => AdministrativeLevel) level!: AdministrativeLevel;
  @Field(() => String, { nullable: true, description: 'Required below province level.' }) parentCode?: string | null;
  @Field(() => DateScalar) validFrom!: string;
}

@InputType()
export class RenameAdministrativeUnitInput {
  @Field(() => String) code!: string;
  @Field(() => String) @Length(1, NAME_MAX) name!: string;
}

@InputType()
export class MoveAdministrativeUnitInput {
  @Field(() => String) code!: string;
  @Field(() => String, { description: 'The new parent, in force today.' }) parentCode!: string;
}

@InputType()
export class RetireAdministrativeUnitInput {
  @Field(() => String) code!: string;
  @Field(() => DateScalar, { description: 'Last day in force.' }) validTo!: string;
  @Field(() => String, { nullable: true, description: 'The unit that takes this one over from the next day (a merge).' })
  successorCode?: string | null;
}

@ObjectType()
export class AdministrativeUnitPayload {
  @Field(() => AdministrativeUnit) administrativeUnit!: AdministrativeUnit;
}
