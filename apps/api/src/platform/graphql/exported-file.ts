import { Field, Int, ObjectType } from 'type-graphql';

/**
 * A file made on request, base64: every download of the product (a grid's .xlsx through
 * platform/spreadsheet.ts, a report's .pdf). The admin saves it with download.ts's downloadFile.
 */
@ObjectType({ description: 'A spreadsheet made on request (base64), e.g. a phase’s site list as .xlsx.' })
export class ExportedFile {
  @Field(() => String) fileName!: string;
  @Field(() => String) contentType!: string;
  @Field(() => String) contentBase64!: string;
  @Field(() => Int, { description: 'Data rows written.' }) rowCount!: number;
}
