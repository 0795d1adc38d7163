import { DataSource, type EntityManager } from 'typeorm';
import { assertProvince, requireRole, scopeProvince } from '../../platform/authz';
import { Injectable } from '../../platform/container';
import { badInput, conflict, notFound, uniquely } from '../../platform/errors';
import { paginate, type PageArgs } from '../../platform/graphql/connection';
import type { Actor } from '../../platform/graphql/context';
import { AuditService } from '../audit/audit.service';
import { AdministrativeUnitService } from '../administrative-units/administrative-unit.service';
import { likeFragment, requiredText } from '../../platform/text';
import { AgencyService } from '../agencies/agency.service';
import { OneStopDeskService } from '../one-stop-desks/one-stop-desk.service';
import { PostOfficeService } from '../post-offices/post-office.service';
import type { CreateUserInput, DeactivateUserInput, ResetUserPasswordInput, UserFilter } from './identity.inputs';
import { hashSecret } from './password';
import { Role } from './role';
import { SessionCache } from './session-cache';
import { auditableUser, User } from './user.entity';
import { UserSession } from './user-session.entity';

const USER = { vi: 'người dùng', en: 'user' };
const ADMINS = [Role.SYSTEM_ADMIN];

/** The user register: administrators create, deactivate and reset users within their scope. */
@Injectable()
export class UserService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly units: AdministrativeUnitService,
    private readonly postOffices: PostOfficeService,
    private readonly desks: OneStopDeskService,
    private readonly agencies: AgencyService,
    private readonly sessions: SessionCache,
  ) {}

  list(actor: Actor, filter: UserFilter = {}, page: PageArgs) {
    requireRole(actor, ADMINS);
    const qb = this.dataSource.getRepository(User).createQueryBuilder('r');
    const scope = scopeProvince(actor);
    if (scope) qb.andWhere('r.province_id = :scope', { scope });
    if (!filter.includeInactive) qb.andWhere('r.active');
    if (filter.role) qb.andWhere(':role = ANY(r.roles)', { role: filter.role });
    const search = filter.search?.trim();
    if (search) qb.andWhere('(osp_fold(r.username) LIKE osp_fold(:s) OR osp_fold(r.display_name) LIKE osp_fold(:s))', { s: likeFragment(search) });
    return paginate(qb, page, { expression: 'r.username', property: 'username', direction: 'ASC' });
  }

  async create(actor: Actor, input: CreateUserInput): Promise<User> {
    requireRole(actor, ADMINS);
    const username = input.username.trim().toLowerCase();
    const displayName = requiredText(input.displayName, 'displayName', { vi: 'Tên hiển thị', en: 'The display name' });
    const roles = [...new Set(input.roles)];
    const passwordHash = await hashSecret(input.password);
    return this.dataSource.transaction(async (m) => {
      const scope = await this.resolveScope(m, actor, input, roles);
      const repo = m.getRepository(User);
      const user = repo.create({ username, displayName, passwordHash, roles, ...scope, active: true, passwordChangedAt: new Date() });
      await uniquely(() => repo.insert(user), 'username', { vi: `Tên đăng nhập "${username}" đã được dùng.`, en: `The username "${username}" is taken.` }, {
        vi: 'Đã được dùng.',
        en: 'Already taken.',
      });
      const saved = await repo.findOneByOrFail({ id: user.id });
      await this.audit.record(m, actor, { action: 'user.create', entityType: 'User', entityId: saved.id, after: auditableUser(saved), provinceId: saved.provinceId });
      return saved;
    });
  }

  deactivate(actor: Actor, input: DeactivateUserInput): Promise<User> {
    return this.change(actor, input.id, 'user.deactivate', async (m, user) => {
      if (user.id === actor.id) throw badInput('id', { vi: 'Không thể tự khóa tài khoản của mình.', en: 'You cannot deactivate yourself.' });
      if (!user.active) throw conflict({ vi: `Tài khoản "${user.username}" đã bị khóa.`, en: `"${user.username}" is already deactivated.` });
      return { active: false };
    });
  }

  async resetPassword(actor: Actor, input: ResetUserPasswordInput): Promise<User> {
    // Refused before the (deliberately slow) hash: a caller without the role costs no argon2 work.
    requireRole(actor, ADMINS);
    const passwordHash = await hashSecret(input.password);
    return this.change(actor, input.id, 'user.resetPassword', async () => ({ passwordHash, passwordChangedAt: new Date() }));
  }

  /** A change to one user by an administrator of its scope; it ends the user's sessions. */
  private async change(actor: Actor, id: string, action: string, apply: (m: EntityManager, user: User) => Promise<Partial<User>>): Promise<User> {
    requireRole(actor, ADMINS);
    const changed = await this.dataSource.transaction(async (m) => {
      const before = await m.getRepository(User).createQueryBuilder('u').setLock('pessimistic_write').where('u.id = :id', { id }).getOne();
      if (!before) throw notFound(USER, id);
      assertVisible(actor, before);
      const patch = await apply(m, before);
      await m.getRepository(User).update({ id }, patch);
      await m.getRepository(UserSession).createQueryBuilder().update().set({ revokedAt: () => 'now()' }).where('user_id = :id AND revoked_at IS NULL', { id }).execute();
      await this.sessions.ended(m, { userId: id });
      const after = await m.getRepository(User).findOneByOrFail({ id });
      await this.audit.record(m, actor, { action, entityType: 'User', entityId: id, before: auditableUser(before), after: auditableUser(after), provinceId: after.provinceId });
      return after;
    });
    this.sessions.evict({ userId: id });
    return changed;
  }

  /** Where the new user works: a unit in the administrator's province, and the post office, desk or agency its roles need. */
  private async resolveScope(m: EntityManager, actor: Actor, input: CreateUserInput, roles: Role[]) {
    if (!input.scopeUnitCode) {
      const nationalAdmin = roles.length === 1 && roles[0] === Role.SYSTEM_ADMIN;
      if (!nationalAdmin) throw badInput('scopeUnitCode', { vi: 'Cần chọn đơn vị công tác.', en: 'The unit the user works for is required.' });
      assertProvince(actor, null);
      return { scopeUnitId: null, provinceId: null, postOfficeId: null, oneStopDeskId: null, agencyId: null };
    }
    const unit = await this.units.requireByCode(input.scopeUnitCode, 'scopeUnitCode', m);
    const provinceId = await this.units.provinceIdOf(m, unit.id);
    assertProvince(actor, provinceId);
    const place = async <T extends { provinceId: string }>(role: Role, id: string | null | undefined, field: string, find: (m: EntityManager, id: string, field: string) => Promise<T>) => {
      if (!roles.includes(role)) {
        if (id) throw badInput(field, { vi: `Chỉ dùng cho vai trò ${role}.`, en: `Only for the ${role} role.` });
        return null;
      }
      if (!id) throw badInput(field, { vi: `Vai trò ${role} cần nơi làm việc.`, en: `The ${role} role needs a workplace.` });
      const record = await find(m, id, field);
      if (record.provinceId !== provinceId) throw badInput(field, { vi: 'Nơi làm việc thuộc tỉnh khác.', en: 'The workplace is in another province.' });
      return id;
    };
    return {
      scopeUnitId: unit.id,
      provinceId,
      postOfficeId: await place(Role.POST_OFFICE_MANAGER, input.postOfficeId, 'postOfficeId', (mm, id, f) => this.postOffices.requireActive(mm, id, f, actor)),
      oneStopDeskId: await place(Role.COUNTER_CLERK, input.oneStopDeskId, 'oneStopDeskId', (mm, id, f) => this.desks.requireActive(mm, id, f, actor)),
      agencyId: await place(Role.AGENCY_OFFICER, input.agencyId, 'agencyId', (mm, id, f) => this.agencies.requireActive(mm, id, f, actor)),
    };
  }

  /** Display names by id, in the order asked (null for an id that is no user): a loader's batch. */
  async displayNames(ids: readonly string[]): Promise<Array<string | null>> {
    const rows: Array<{ id: string; display_name: string }> = await this.dataSource.query('SELECT id, display_name FROM app_user WHERE id = ANY($1)', [[...ids]]);
    const names = new Map(rows.map((r) => [r.id, r.display_name]));
    return ids.map((id) => names.get(id) ?? null);
  }

  /** The name a user is shown by (a timeline's or a document's actor), read in the caller's transaction; null when there is no such user. */
  async displayNameIn(m: EntityManager, id: string | null): Promise<string | null> {
    if (!id) return null;
    const [row] = await m.query('SELECT display_name FROM app_user WHERE id = $1', [id]);
    return row?.display_name ?? null;
  }
}

/** A user outside the actor's province does not exist for the actor. */
function assertVisible(actor: Actor, user: User): void {
  if (actor.provinceId !== null && actor.provinceId !== user.provinceId) throw notFound(USER, user.id);
}
