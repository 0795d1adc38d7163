import { Arg, Args, Ctx, FieldResolver, GraphQLISODateTime as DateTimeISO, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Injectable } from '../../platform/container';
import { PageArgs } from '../../platform/graphql/connection';
import type { GraphQLContext } from '../../platform/graphql/context';
import { TrackedProcedure } from '../dossiers/tracking.service';
import { PortalDossier, PortalDossierConnection, PortalDossierEvent, PortalPostOffice, SubmitDossierInput, SubmitDossierPayload } from './portal.inputs';
import { PortalService } from './portal.service';

/** The portals' operations (the contract ../shared/contract/portal.graphql), for API clients' tokens only. */
@Injectable()
@Resolver(() => PortalDossier)
export class PortalResolver {
  constructor(private readonly portal: PortalService) {}

  @Mutation(() => SubmitDossierPayload, {
    description:
      'A portal submits an online dossier whose applicant chose postal pickup (scope SUBMIT_DOSSIERS): NEW (national code 1), its pickup at once in the queue of the post office serving the address. ' +
      'The same idempotencyKey with the same content answers the first dossier (for at least 24 hours); with other content, CONFLICT.',
  })
  async submitDossier(@Arg('input', () => SubmitDossierInput) input: SubmitDossierInput, @Ctx() ctx: GraphQLContext) {
    return { dossier: await this.portal.submit(ctx.actor, input) };
  }

  @Query(() => PortalDossier, { nullable: true, description: 'One of your own dossiers (scope READ_OWN_DOSSIERS) by our code or your reference; null for any other dossier.' })
  portalDossier(
    @Arg('code', () => String, { nullable: true }) code: string | null,
    @Arg('externalReference', () => String, { nullable: true }) externalReference: string | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return this.portal.find(ctx.actor, code, externalReference);
  }

  @Query(() => PortalDossierConnection, { description: 'Your dossiers changed after `since` (scope READ_OWN_DOSSIERS), oldest change first; the last endCursor is where the next poll starts.' })
  portalDossiersChanged(@Arg('since', () => DateTimeISO) since: Date, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: GraphQLContext) {
    return this.portal.changes(ctx.actor, since, page);
  }

  @FieldResolver(() => TrackedProcedure)
  procedure(@Root() d: PortalDossier, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.named<string, { code: string; name: string } | null>('portal.procedure', (ids) => this.portal.namesOf('procedure', ids)).load(d.procedureId);
  }

  @FieldResolver(() => PortalPostOffice, { nullable: true })
  receivingPostOffice(@Root() d: PortalDossier, @Ctx() ctx: GraphQLContext) {
    return d.postOfficeId ? ctx.loaders.named<string, { code: string; name: string } | null>('portal.postOffice', (ids) => this.portal.namesOf('post_office', ids)).load(d.postOfficeId) : null;
  }

  @FieldResolver(() => [PortalDossierEvent])
  timeline(@Root() d: PortalDossier, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.named<string, PortalDossierEvent[]>('portal.timeline', (ids) => this.portal.timelinesOf(ids, ctx.lang)).load(d.id);
  }
}
