import { Arg, Args, Ctx, Field, FieldResolver, GraphQLISODateTime, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Injectable } from '../../platform/container';
import { ConnectionType, PageArgs } from '../../platform/graphql/connection';
import type { GraphQLContext } from '../../platform/graphql/context';
import { DateScalar } from '../../platform/graphql/scalars';
import { maskedCitizenId, maskedName, maskedPhone } from '../../platform/personal-data';
import { Agency } from '../agencies/agency.entity';
import { UserService } from '../identity/user.service';
import { OneStopDesk } from '../one-stop-desks/one-stop-desk.entity';
import { PostOffice } from '../post-offices/post-office.entity';
import { Procedure } from '../procedures/procedure.entity';
import { Dossier, DossierComponent, DossierEvent, RATING_VALUE, SatisfactionRating } from './dossier.entity';
import { DossierDocumentService } from './dossier-documents.service';
import { DossierAction, EVENT_LABELS, NATIONAL_STATUS_CODE } from './dossier-status';
import { ApologiseInput, DocumentFile, DossierFilter, DossierForm, DossierPayload, DossierStatusCount, DossierStepInput, PostalEventInput, RateDossierInput, ReceiveDossierInput, SatisfactionFilter, SatisfactionSummary } from './dossier.inputs';
import { DossierService, isOverdue, vietnamDayOf } from './dossier.service';
import { TrackedDossier, TrackingService } from './tracking.service';

export const DossierConnection = ConnectionType(Dossier, 'Dossier');

@ObjectType({ description: 'The applicant as the reader may see them: in full to those who handle the dossier, masked to others (masked = true).' })
export class DossierApplicant {
  @Field(() => String) fullName!: string;
  @Field(() => String, { nullable: true }) nationalId!: string | null;
  @Field(() => String) phone!: string;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true }) address!: string | null;
  @Field(() => Boolean) masked!: boolean;
}

@Injectable()
@Resolver(() => Dossier)
export class DossierResolver {
  constructor(
    private readonly service: DossierService,
    private readonly documents: DossierDocumentService,
    private readonly tracking: TrackingService,
    private readonly users: UserService,
  ) {}

  @Query(() => DossierConnection, { description: 'Dossiers within your reach (your desk, agency, post office or province), latest received first.' })
  dossiers(@Args(() => PageArgs) page: PageArgs, @Arg('filter', () => DossierFilter, { nullable: true }) filter: DossierFilter | null, @Ctx() ctx: GraphQLContext) {
    return this.service.list(ctx.actor, filter ?? {}, page);
  }

  @Query(() => [DossierStatusCount], { description: 'How many dossiers of the filter are in each status (the filter’s statuses left out).' })
  dossierStatusCounts(@Arg('filter', () => DossierFilter, { nullable: true }) filter: DossierFilter | null, @Ctx() ctx: GraphQLContext) {
    return this.service.statusCounts(ctx.actor, filter ?? {});
  }

  @Query(() => Dossier, { nullable: true })
  dossier(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return this.service.find(ctx.actor, id);
  }

  @Query(() => Dossier, { nullable: true, description: 'A dossier within your reach by its code.' })
  dossierByCode(@Arg('code', () => String) code: string, @Ctx() ctx: GraphQLContext) {
    return this.service.byCode(ctx.actor, code);
  }

  @Query(() => GraphQLISODateTime, { description: 'The legal due moment of a dossier of this procedure received now (working days or hours, as the reception counts it): for those who receive.' })
  dossierDueAt(@Arg('procedureId', () => ID) procedureId: string, @Ctx() ctx: GraphQLContext) {
    return this.service.dueIfReceivedNow(ctx.actor, procedureId);
  }

  @Query(() => SatisfactionSummary, { description: 'Satisfaction ratings given over a period on the dossiers within your reach (as the grid’s): in all, per desk and per receiving clerk.' })
  dossierSatisfaction(@Arg('filter', () => SatisfactionFilter) filter: SatisfactionFilter, @Ctx() ctx: GraphQLContext) {
    return this.service.satisfaction(ctx.actor, filter);
  }

  @Query(() => DocumentFile, { description: 'A legal form of the dossier as PDF (for those who handle it).' })
  dossierDocument(@Arg('id', () => ID) id: string, @Arg('form', () => DossierForm) form: DossierForm, @Ctx() ctx: GraphQLContext) {
    return this.documents.render(ctx.actor, id, form);
  }

  @Query(() => TrackedDossier, { nullable: true, description: 'Public tracking by the dossier code and the applicant’s phone (anonymous; see packages/schema/contract/tracking.graphql).' })
  trackDossier(@Arg('code', () => String) code: string, @Arg('phone', () => String) phone: string) {
    return this.tracking.track(code, phone);
  }

  @Mutation(() => Boolean, { description: 'The applicant rates the service from the tracking page, once the result is returned: true when recorded, false for a wrong code or phone.' })
  rateDossierService(
    @Arg('code', () => String) code: string,
    @Arg('phone', () => String) phone: string,
    @Arg('rating', () => SatisfactionRating) rating: SatisfactionRating,
    @Arg('comment', () => String, { nullable: true }) comment: string | null,
  ) {
    return this.tracking.rate(code, phone, rating, comment ? comment.slice(0, 2000) : null);
  }

  @Mutation(() => DossierPayload, { description: 'Receives a dossier at a desk (or a post office): coded, due date counted in working days, receipt ready to print.' })
  async receiveDossier(@Arg('input', () => ReceiveDossierInput) input: ReceiveDossierInput, @Ctx() ctx: GraphQLContext) {
    return { dossier: await this.service.receive(ctx.actor, input) };
  }

  @Mutation(() => DossierPayload, { description: 'Takes a step of the status machine (see allowedActions).' })
  async takeDossierStep(@Arg('input', () => DossierStepInput) input: DossierStepInput, @Ctx() ctx: GraphQLContext) {
    return { dossier: await this.service.step(ctx.actor, input) };
  }

  @Mutation(() => DossierPayload, { description: 'Form 04: apologises for a late dossier and promises a new date.' })
  async apologiseForDossier(@Arg('input', () => ApologiseInput) input: ApologiseInput, @Ctx() ctx: GraphQLContext) {
    return { dossier: await this.service.apologise(ctx.actor, input) };
  }

  @Mutation(() => DossierPayload, { description: 'Records an event of the postal leg.' })
  async recordPostalEvent(@Arg('input', () => PostalEventInput) input: PostalEventInput, @Ctx() ctx: GraphQLContext) {
    return { dossier: await this.service.postalEvent(ctx.actor, input) };
  }

  @Mutation(() => DossierPayload, { description: 'Records the applicant’s rating at the counter.' })
  async rateDossier(@Arg('input', () => RateDossierInput) input: RateDossierInput, @Ctx() ctx: GraphQLContext) {
    return { dossier: await this.service.rate(ctx.actor, input) };
  }

  @FieldResolver(() => Int, { description: 'The national status code 1–10.' })
  nationalStatusCode(@Root() d: Dossier) {
    return NATIONAL_STATUS_CODE[d.status];
  }

  @FieldResolver(() => DateScalar, { description: 'The legal due day (Vietnam time).' })
  dueDate(@Root() d: Dossier) {
    return vietnamDayOf(d.dueAt);
  }

  @FieldResolver(() => Boolean, { description: 'Past the legal due moment while open (the clock running), or its result came late.' })
  overdue(@Root() d: Dossier) {
    return isOverdue(d);
  }

  @FieldResolver(() => [DossierAction], { description: 'The steps you may take now: the admin shows only these.' })
  allowedActions(@Root() d: Dossier, @Ctx() ctx: GraphQLContext) {
    return this.service.stepsFor(ctx.actor, d);
  }

  @FieldResolver(() => DossierApplicant)
  applicant(@Root() d: Dossier, @Ctx() ctx: GraphQLContext): DossierApplicant {
    if (this.service.handles(ctx.actor, d)) {
      return { fullName: d.applicantName, nationalId: d.applicantNationalId?.trim() ?? null, phone: d.applicantPhone, email: d.applicantEmail, address: d.applicantAddress, masked: false };
    }
    return { fullName: maskedName(d.applicantName)!, nationalId: maskedCitizenId(d.applicantNationalId?.trim() ?? null), phone: maskedPhone(d.applicantPhone)!, email: null, address: null, masked: true };
  }

  @FieldResolver(() => String, { nullable: true, description: 'Where the result goes when BY_POST (personal data: null to those who do not handle the dossier).' })
  deliveryAddress(@Root() d: Dossier, @Ctx() ctx: GraphQLContext) {
    return this.service.handles(ctx.actor, d) ? d.deliveryAddress : null;
  }

  @FieldResolver(() => SatisfactionRating, { nullable: true })
  rating(@Root() d: Dossier) {
    return (Object.entries(RATING_VALUE).find(([, v]) => v === d.rating)?.[0] as SatisfactionRating | undefined) ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The display name of the staff member who received it (null for an online dossier not yet received).' })
  clerkName(@Root() d: Dossier, @Ctx() ctx: GraphQLContext) {
    return d.clerkId ? ctx.loaders.named<string, string | null>('user.displayName', (ids) => this.users.displayNames(ids)).load(d.clerkId) : null;
  }

  @FieldResolver(() => Procedure)
  procedure(@Root() d: Dossier, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.byId(Procedure).load(d.procedureId);
  }

  @FieldResolver(() => OneStopDesk, { description: 'The receiving desk.' })
  desk(@Root() d: Dossier, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.byId(OneStopDesk).load(d.deskId);
  }

  @FieldResolver(() => Agency, { description: 'The deciding agency.' })
  agency(@Root() d: Dossier, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.byId(Agency).load(d.agencyId);
  }

  @FieldResolver(() => PostOffice, { nullable: true, description: 'The post office that took it in, if any.' })
  postOffice(@Root() d: Dossier, @Ctx() ctx: GraphQLContext) {
    return d.postOfficeId ? ctx.loaders.byId(PostOffice).load(d.postOfficeId) : null;
  }

  @FieldResolver(() => [DossierComponent])
  components(@Root() d: Dossier, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.named<string, DossierComponent[]>('dossier.components', (ids) => this.service.componentsOf(ids)).load(d.id);
  }

  @FieldResolver(() => [DossierEvent], { description: 'Every step, oldest first.' })
  timeline(@Root() d: Dossier, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.named<string, DossierEvent[]>('dossier.events', (ids) => this.service.eventsOf(ids)).load(d.id);
  }
}

@Injectable()
@Resolver(() => DossierEvent)
export class DossierEventResolver {
  @FieldResolver(() => String, { description: 'The step in the request’s language.' })
  label(@Root() e: DossierEvent, @Ctx() ctx: GraphQLContext) {
    return EVENT_LABELS[e.kind]?.[ctx.lang] ?? e.kind;
  }
}
