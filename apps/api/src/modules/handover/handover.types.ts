import { IsInt, IsOptional, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum HandoverStatus {
  DRAFT = 'DRAFT',
  SIGNED = 'SIGNED',
  EFFECTIVE = 'EFFECTIVE',
  REVERSED = 'REVERSED',
}
registerEnumType(HandoverStatus, {
  name: 'HandoverStatus',
  description: 'DRAFT → SIGNED (the handover record, biên bản, is signed) → EFFECTIVE; any but REVERSED → REVERSED with a reason.',
});

export const HANDOVER_TRANSITIONS: Readonly<Record<HandoverStatus, readonly HandoverStatus[]>> = {
  DRAFT: [HandoverStatus.SIGNED, HandoverStatus.REVERSED],
  SIGNED: [HandoverStatus.EFFECTIVE, HandoverStatus.REVERSED],
  EFFECTIVE: [HandoverStatus.REVERSED],
  REVERSED: [],
};

export enum HandoverTask {
  ON_DUTY = 'ON_DUTY',
  GUIDANCE = 'GUIDANCE',
  RECEIVING = 'RECEIVING',
  DIGITISING = 'DIGITISING',
  RETURNING_RESULTS = 'RETURNING_RESULTS',
}
registerEnumType(HandoverTask, {
  name: 'HandoverTask',
  description: 'A task of the desk that passes to postal staff. Deciding on a dossier stays with the agency and is never handed over.',
  valuesConfig: {
    ON_DUTY: { description: 'Trực tại bộ phận một cửa' },
    GUIDANCE: { description: 'Hướng dẫn' },
    RECEIVING: { description: 'Tiếp nhận hồ sơ' },
    DIGITISING: { description: 'Số hóa hồ sơ' },
    RETURNING_RESULTS: { description: 'Trả kết quả' },
  },
});

@ObjectType({
  description:
    'A person named in a handover: a civil servant relieved (a name and employer) or a postal employee taking over, who is a record of the staff register (`staffId`).',
})
export class PersonRef {
  @Field(() => String) fullName!: string;
  @Field(() => String, { nullable: true }) position?: string | null;
  @Field(() => String, { description: 'Who employs them, e.g. "Sở Nội vụ" or "Bưu điện huyện Cẩm Xuyên".' }) employer!: string;
  @Field(() => ID, { nullable: true, description: 'The staff record of a deployed postal employee.' }) staffId?: string | null;
}

/** A person as a handover names them (a separate input class: the output type has resolved fields, e.g. `staff`). */
@InputType('PersonRefInput')
export class PersonRefInput {
  @Field(() => String, { description: 'For a deployed person with `staffId`: replaced by the staff record’s name.' }) @Length(1, 200) fullName!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) position?: string | null;
  @Field(() => String, { description: 'Who employs them, e.g. "Sở Nội vụ" or "Bưu điện huyện Cẩm Xuyên" (for a staff record: replaced by its employer’s name).' }) @Length(1, 200) employer!: string;
  @Field(() => ID, { nullable: true, description: 'A deployed postal employee’s staff record; without it, one is made from the name (employed by the site’s post office).' }) @IsOptional() @IsUUID() staffId?: string | null;
}

@ObjectType({ description: 'A signatory of a handover record.' })
@InputType('SignatoryInput')
export class Signatory {
  @Field(() => String) @Length(1, 200) fullName!: string;
  @Field(() => String) @Length(1, 200) position!: string;
  @Field(() => String, { description: 'The side they sign for.' }) @Length(1, 200) organisation!: string;
}

@ObjectType({ description: 'Premises: where and whose.' })
@InputType('PremisesInput')
export class Premises {
  @Field(() => String) @Length(1, 500) address!: string;
  @Field(() => String, { description: 'Who owns or manages the building.' }) @Length(1, 200) owner!: string;
}

@ObjectType({ description: 'Equipment the post office provides (one line per type).' })
@InputType('EquipmentLineInput')
export class EquipmentLine {
  @Field(() => String, { description: 'e.g. "Máy tính", "Máy quét", "Hệ thống xếp hàng tự động".' }) @Length(1, 200) type!: string;
  @Field(() => Int) @IsInt() @Min(1) @Max(100000) quantity!: number;
  @Field(() => Number, { description: 'Total value of the line, in VND.' }) @Min(0) @Max(1e13) value!: number;
  @Field(() => String, { description: 'Who pays, e.g. "Bưu điện tỉnh", "Ngân sách tỉnh".' }) @Length(1, 200) fundedBy!: string;
}
