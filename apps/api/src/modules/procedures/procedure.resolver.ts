import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Injectable } from '../../platform/container';
import { ConnectionType, PageArgs } from '../../platform/graphql/connection';
import type { GraphQLContext } from '../../platform/graphql/context';
import { AdministrativeUnit } from '../administrative-units/administrative-unit.entity';
import { Agency } from '../agencies/agency.entity';
import { ProcedureField } from '../staff/staff.entity';
import { Procedure, ProcedureComponent } from './procedure.entity';
import { CreateProcedureInput, ImportProceduresInput, ProcedureFilter, ProcedureImportReport, ProcedurePayload, UpdateProcedureInput } from './procedure.inputs';
import { ProcedureImportService } from './procedure-import.service';
import { ProcedureService } from './procedure.service';

export const ProcedureConnection = ConnectionType(Procedure, 'Procedure');

@Injectable()
@Resolver(() => Procedure)
export class ProcedureResolver {
  constructor(
    private readonly catalogue: ProcedureService,
    private readonly importer: ProcedureImportService,
  ) {}

  @Query(() => ProcedureConnection, { description: 'The procedure catalogue (danh mục thủ tục hành chính) of your province, by name in Vietnamese order; a portal’s client with READ_CATALOGUE reads those of its provinces (another province named: an empty page).' })
  procedures(@Args(() => PageArgs) page: PageArgs, @Arg('filter', () => ProcedureFilter, { nullable: true }) filter: ProcedureFilter | null, @Ctx() ctx: GraphQLContext) {
    return this.catalogue.list(ctx.actor, filter ?? {}, page);
  }

  @Query(() => Procedure, { nullable: true })
  procedure(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return this.catalogue.find(ctx.actor, id);
  }

  @Mutation(() => ProcedurePayload, { description: 'Adds a procedure to a province’s catalogue (its administrators).' })
  async createProcedure(@Arg('input', () => CreateProcedureInput) input: CreateProcedureInput, @Ctx() ctx: GraphQLContext) {
    return { procedure: await this.catalogue.create(ctx.actor, input) };
  }

  @Mutation(() => ProcedurePayload, { description: 'Changes a procedure and replaces its checklist; `retired` withdraws it from the list or puts it back.' })
  async updateProcedure(@Arg('input', () => UpdateProcedureInput) input: UpdateProcedureInput, @Ctx() ctx: GraphQLContext) {
    return { procedure: await this.catalogue.update(ctx.actor, input) };
  }

  @Mutation(() => ProcedureImportReport, { description: 'Imports a catalogue from a CSV or XLSX file: all rows or none, with the refused rows listed (row, column, reason).' })
  importProcedures(@Arg('input', () => ImportProceduresInput) input: ImportProceduresInput, @Ctx() ctx: GraphQLContext) {
    return this.importer.import(ctx.actor, input);
  }

  @FieldResolver(() => ProcedureField)
  field(@Root() p: Procedure, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.byId(ProcedureField).load(p.fieldId);
  }

  @FieldResolver(() => Agency, { nullable: true, description: 'The deciding agency, when the province names one.' })
  agency(@Root() p: Procedure, @Ctx() ctx: GraphQLContext) {
    return p.agencyId ? ctx.loaders.byId(Agency).load(p.agencyId) : null;
  }

  @FieldResolver(() => AdministrativeUnit, { nullable: true, description: 'The province whose list it is.' })
  province(@Root() p: Procedure, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.byId(AdministrativeUnit).load(p.provinceId);
  }

  @FieldResolver(() => [ProcedureComponent], { description: 'Thành phần hồ sơ: the checklist, in order.' })
  components(@Root() p: Procedure, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.named<string, ProcedureComponent[]>('procedure.components', (ids) => this.catalogue.componentsOf(ids)).load(p.id);
  }
}
