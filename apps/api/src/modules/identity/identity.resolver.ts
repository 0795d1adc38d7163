import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { unauthenticated } from '../../platform/authz';
import { Injectable } from '../../platform/container';
import { ConnectionType, PageArgs } from '../../platform/graphql/connection';
import type { GraphQLContext } from '../../platform/graphql/context';
import { AdministrativeUnit } from '../administrative-units/administrative-unit.entity';
import { Agency } from '../agencies/agency.entity';
import { OneStopDesk } from '../one-stop-desks/one-stop-desk.entity';
import { PostOffice } from '../post-offices/post-office.entity';
import { AuthService } from './auth.service';
import {
  CreateUserInput,
  DeactivateUserInput,
  RefreshSessionInput,
  ResetUserPasswordInput,
  SignInInput,
  SignInPayload,
  SignOutInput,
  SignOutPayload,
  UserFilter,
  UserPayload,
} from './identity.inputs';
import { User } from './user.entity';
import { UserService } from './user.service';

export const UserConnection = ConnectionType(User, 'User');

@Injectable()
@Resolver(() => User)
export class IdentityResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly userService: UserService,
  ) {}

  @Mutation(() => SignInPayload, { description: 'A wrong username or password is UNAUTHENTICATED, without saying which; repeated failures are TOO_MANY_REQUESTS.' })
  signIn(@Arg('input', () => SignInInput) input: SignInInput, @Ctx() ctx: GraphQLContext) {
    return this.auth.signIn(input.username, input.password, { ip: ctx.ip, userAgent: ctx.userAgent });
  }

  @Mutation(() => SignInPayload, { description: 'A new access token for the session of a refresh token; the refresh token is replaced.' })
  refreshSession(@Arg('input', () => RefreshSessionInput) input: RefreshSessionInput) {
    return this.auth.refresh(input.refreshToken);
  }

  @Mutation(() => SignOutPayload, { description: 'Ends the session of the refresh token given, or else of the access token sent: both stop working.' })
  async signOut(@Arg('input', () => SignOutInput, { nullable: true }) input: SignOutInput | null, @Ctx() ctx: GraphQLContext) {
    await this.auth.signOut(ctx.actor, input?.refreshToken ?? null);
    return { ok: true };
  }

  @Query(() => User, { description: 'The signed-in user. Without a valid token: UNAUTHENTICATED.' })
  async me(@Ctx() ctx: GraphQLContext) {
    if (ctx.actor.kind !== 'user' || !ctx.actor.id) throw unauthenticated();
    return ctx.loaders.byId(User).load(ctx.actor.id);
  }

  @Query(() => UserConnection, { description: 'Users in the administrator’s scope (SYSTEM_ADMIN).' })
  users(@Args(() => PageArgs) page: PageArgs, @Arg('filter', () => UserFilter, { nullable: true }) filter: UserFilter | null, @Ctx() ctx: GraphQLContext) {
    return this.userService.list(ctx.actor, filter ?? {}, page);
  }

  @Mutation(() => UserPayload)
  async createUser(@Arg('input', () => CreateUserInput) input: CreateUserInput, @Ctx() ctx: GraphQLContext) {
    return { user: await this.userService.create(ctx.actor, input) };
  }

  @Mutation(() => UserPayload, { description: 'Blocks a user from signing in and ends their sessions.' })
  async deactivateUser(@Arg('input', () => DeactivateUserInput) input: DeactivateUserInput, @Ctx() ctx: GraphQLContext) {
    return { user: await this.userService.deactivate(ctx.actor, input) };
  }

  @Mutation(() => UserPayload, { description: 'Sets a new password and ends the user’s sessions.' })
  async resetUserPassword(@Arg('input', () => ResetUserPasswordInput) input: ResetUserPasswordInput, @Ctx() ctx: GraphQLContext) {
    return { user: await this.userService.resetPassword(ctx.actor, input) };
  }

  @FieldResolver(() => AdministrativeUnit, { nullable: true, description: 'The unit the user works for; null for a national administrator.' })
  scope(@Root() user: User, @Ctx() ctx: GraphQLContext) {
    return user.scopeUnitId ? ctx.loaders.byId(AdministrativeUnit).load(user.scopeUnitId) : null;
  }

  @FieldResolver(() => PostOffice, { nullable: true })
  postOffice(@Root() user: User, @Ctx() ctx: GraphQLContext) {
    return user.postOfficeId ? ctx.loaders.byId(PostOffice).load(user.postOfficeId) : null;
  }

  @FieldResolver(() => OneStopDesk, { nullable: true })
  oneStopDesk(@Root() user: User, @Ctx() ctx: GraphQLContext) {
    return user.oneStopDeskId ? ctx.loaders.byId(OneStopDesk).load(user.oneStopDeskId) : null;
  }

  @FieldResolver(() => Agency, { nullable: true })
  agency(@Root() user: User, @Ctx() ctx: GraphQLContext) {
    return user.agencyId ? ctx.loaders.byId(Agency).load(user.agencyId) : null;
  }
}
