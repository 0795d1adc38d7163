import { IsOptional, IsUUID, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { GraphQLISODateTime as DateTimeISO } from 'type-graphql';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { requireRole, scopeProvince } from '../../platform/authz';
import { Injectable } from '../../platform/container';
import { staleVersion } from '../../platform/database/versioned';
import { badInput, illegalTransition, notFound, type Bilingual } from '../../platform/errors';
import { paginate, type PageArgs } from '../../platform/graphql/connection';
import type { Actor } from '../../platform/graphql/context';
import { AuditService } from '../audit/audit.service';
import { POST_OFFICE_TREE, PostOfficeService } from '../post-offices/post-office.service';
import { StaffService } from '../staff/staff.service';
import { Dossier } from './dossier.entity';
import { DossierService } from './dossier.service';
import { PickupAppointment, PickupOutcome, PickupStatus } from './pickup.entity';

const PICKUP_LABEL: Bilingual = { vi: 'lịch thu gom', en: 'pickup appointment' };
const PICKUP_MACHINE = {
  vi: 'lịch thu gom',
  en: 'pickup appointment',
  statuses: {
    TO_CALL: { vi: 'Cần gọi hẹn', en: 'To call' },
    SCHEDULED: { vi: 'Đã hẹn', en: 'Scheduled' },
    PICKED_UP: { vi: 'Đã thu gom', en: 'Picked up' },
    CANCELLED: { vi: 'Đã hủy', en: 'Cancelled' },
  },
};
/** The audit verb of each move (actions are `<entity>.<camelCase verb>`). */
const AUDIT_VERB: Record<string, string> = { PICKUP_SCHEDULED: 'schedule', PICKED_UP: 'pickedUp', PICKUP_MISSED: 'missed', PICKUP_CANCELLED: 'cancel' };

/** The longest window a postman is given for one address. */
const WINDOW_MAX_HOURS = 4;

@InputType()
export class PickupQueueFilter {
  @Field(() => ID, { nullable: true, description: 'The post office (and those reporting to it); a manager’s own by default.' }) @IsOptional() @IsUUID() postOfficeId?: string | null;
  @Field(() => [PickupStatus], { nullable: true, description: 'Default: TO_CALL and SCHEDULED, longest waiting first; only PICKED_UP and CANCELLED: the latest handled first.' }) @IsOptional() statuses?: PickupStatus[] | null;
}

@InputType()
export class SchedulePickupInput {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => Int) version!: number;
  @Field(() => DateTimeISO) windowFrom!: Date;
  @Field(() => DateTimeISO) windowTo!: Date;
  @Field(() => ID, { nullable: true, description: 'The postman (a staff record of the post office).' }) @IsOptional() @IsUUID() postmanId?: string | null;
}

@InputType()
export class PickupOutcomeInput {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => Int) version!: number;
  @Field(() => PickupOutcome) outcome!: PickupOutcome;
  @Field(() => String, { nullable: true, description: 'Required to cancel.' }) @IsOptional() @MaxLength(2000) note?: string | null;
}

@ObjectType()
export class PickupPayload {
  @Field(() => PickupAppointment) pickup!: PickupAppointment;
}

/**
 * The post office's pickup queue (issue 11): online dossiers with postal pickup, each to call, agree a
 * window and collect. TO_CALL → SCHEDULED (a window, maybe a postman) → PICKED_UP, or back to TO_CALL
 * when no one was at home (an attempt counted), or CANCELLED with a reason. Each move is a postal event
 * on the dossier's timeline and an audit record, in one transaction; the versions keep two
 * schedulers from overwriting each other.
 */
@Injectable()
export class PickupService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly dossiers: DossierService,
    private readonly postOffices: PostOfficeService,
    private readonly staff: StaffService,
  ) {}

  private reach(qb: SelectQueryBuilder<PickupAppointment>, actor: Actor): SelectQueryBuilder<PickupAppointment> {
    requireRole(actor, ['POST_OFFICE_MANAGER', 'SYSTEM_ADMIN', 'STEERING_COMMITTEE']);
    const scope = scopeProvince(actor);
    if (scope) qb.andWhere('a.province_id = :scope', { scope });
    if (actor.kind === 'user' && !actor.roles.some((r) => r === 'SYSTEM_ADMIN' || r === 'STEERING_COMMITTEE')) {
      qb.andWhere(`a.post_office_id IN (${POST_OFFICE_TREE.replace(/:office/g, ':reachOffice')})`, { reachOffice: actor.postOfficeId });
    }
    return qb;
  }

  queue(actor: Actor, filter: PickupQueueFilter, page: PageArgs) {
    const qb = this.reach(this.dataSource.getRepository(PickupAppointment).createQueryBuilder('a'), actor);
    if (filter.postOfficeId) qb.andWhere(`a.post_office_id IN (${POST_OFFICE_TREE})`, { office: filter.postOfficeId });
    const statuses = filter.statuses?.length ? filter.statuses : [PickupStatus.TO_CALL, PickupStatus.SCHEDULED];
    qb.andWhere('a.status IN (:...statuses)', { statuses });
    // What is still to do: who waited longest is called first. What is done: the latest first.
    if (statuses.every((s) => s === PickupStatus.PICKED_UP || s === PickupStatus.CANCELLED)) {
      return paginate(qb, page, { expression: 'a.updated_at', property: 'updatedAt', direction: 'DESC', kind: 'text' });
    }
    return paginate(qb, page, { expression: 'a.created_at', property: 'createdAt', direction: 'ASC', kind: 'text' });
  }

  async ofDossiers(ids: readonly string[]): Promise<Array<PickupAppointment | null>> {
    const rows = await this.dataSource.getRepository(PickupAppointment).createQueryBuilder('a').where('a.dossier_id = ANY(:ids)', { ids: [...ids] }).getMany();
    return ids.map((id) => rows.find((r) => r.dossierId === id) ?? null);
  }

  schedule(actor: Actor, input: SchedulePickupInput): Promise<PickupAppointment> {
    requireRole(actor, ['POST_OFFICE_MANAGER']);
    const from = new Date(input.windowFrom);
    const to = new Date(input.windowTo);
    if (from.getTime() < Date.now() - 5 * 60_000) throw badInput('windowFrom', { vi: 'Giờ hẹn không được ở quá khứ.', en: 'The window cannot start in the past.' });
    if (to.getTime() <= from.getTime() || to.getTime() - from.getTime() > WINDOW_MAX_HOURS * 3600_000) {
      throw badInput('windowTo', { vi: `Khung giờ hẹn phải kết thúc sau khi bắt đầu, dài tối đa ${WINDOW_MAX_HOURS} giờ.`, en: `The window must end after it starts, at most ${WINDOW_MAX_HOURS} hours long.` });
    }
    return this.dataSource.transaction(async (m) => {
      const before = await this.lock(m, actor, input.id);
      if (before.status !== PickupStatus.TO_CALL && before.status !== PickupStatus.SCHEDULED) throw illegalTransition(PICKUP_MACHINE, before.status, PickupStatus.SCHEDULED, []);
      let postmanId: string | null = null;
      if (input.postmanId) {
        const postman = await this.staff.inScope(m, actor, input.postmanId, 'postmanId');
        postmanId = postman.id;
      }
      return this.write(m, actor, before, input.version, { status: PickupStatus.SCHEDULED, windowFrom: from, windowTo: to, postmanId }, 'PICKUP_SCHEDULED', null);
    });
  }

  recordOutcome(actor: Actor, input: PickupOutcomeInput): Promise<PickupAppointment> {
    requireRole(actor, ['POST_OFFICE_MANAGER']);
    const note = input.note?.trim() || null;
    if (input.outcome === PickupOutcome.CANCELLED && !note) throw badInput('note', { vi: 'Hãy ghi lý do hủy thu gom.', en: 'Give the reason for cancelling.' });
    return this.dataSource.transaction(async (m) => {
      const before = await this.lock(m, actor, input.id);
      const to = input.outcome === PickupOutcome.PICKED_UP ? PickupStatus.PICKED_UP : input.outcome === PickupOutcome.CANCELLED ? PickupStatus.CANCELLED : PickupStatus.TO_CALL;
      const allowed = input.outcome === PickupOutcome.CANCELLED ? [PickupStatus.TO_CALL, PickupStatus.SCHEDULED] : [PickupStatus.SCHEDULED];
      if (!allowed.includes(before.status)) throw illegalTransition(PICKUP_MACHINE, before.status, to, before.status === PickupStatus.TO_CALL ? [PickupStatus.SCHEDULED, PickupStatus.CANCELLED] : []);
      const patch: Partial<PickupAppointment> = { status: to, lastOutcomeNote: note };
      if (input.outcome === PickupOutcome.NOT_AT_HOME) Object.assign(patch, { attempts: before.attempts + 1, windowFrom: null, windowTo: null });
      const kind = input.outcome === PickupOutcome.PICKED_UP ? 'PICKED_UP' : input.outcome === PickupOutcome.CANCELLED ? 'PICKUP_CANCELLED' : 'PICKUP_MISSED';
      return this.write(m, actor, before, input.version, patch, kind, note);
    });
  }

  private async lock(m: EntityManager, actor: Actor, id: string): Promise<PickupAppointment> {
    const row = await this.reach(m.getRepository(PickupAppointment).createQueryBuilder('a'), actor).andWhere('a.id = :id', { id }).setLock('pessimistic_write').getOne();
    if (!row) throw notFound(PICKUP_LABEL, id);
    return row;
  }

  private async write(m: EntityManager, actor: Actor, before: PickupAppointment, version: number, patch: Partial<PickupAppointment>, eventKind: string, note: string | null): Promise<PickupAppointment> {
    const result = await m
      .createQueryBuilder()
      .update(PickupAppointment)
      .set({ ...patch, version: () => 'version + 1', updatedAt: () => 'now()' } as never)
      .where('id = :id AND version = :version', { id: before.id, version })
      .execute();
    if (!result.affected) throw staleVersion(PICKUP_LABEL);
    const after = await m.getRepository(PickupAppointment).findOneByOrFail({ id: before.id });
    // A pickup's step is a change of its dossier for the portal that sent it (portalDossiersChanged).
    await m.query('UPDATE dossier SET updated_at = now() WHERE id = $1', [before.dossierId]);
    const dossier = await m.getRepository(Dossier).findOneByOrFail({ id: before.dossierId });
    const office = await this.postOffices.read(m, before.postOfficeId);
    await this.dossiers.event(m, actor, dossier, { kind: eventKind, unitName: office.name, note, at: new Date() });
    await this.audit.record(m, actor, { action: `pickupAppointment.${AUDIT_VERB[eventKind]}`, entityType: 'PickupAppointment', entityId: after.id, before: { ...before, address: undefined }, after: { ...after, address: undefined }, provinceId: after.provinceId });
    return after;
  }
}
