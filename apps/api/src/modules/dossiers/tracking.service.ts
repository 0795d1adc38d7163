import { Field, Int, ObjectType } from 'type-graphql';
import { GraphQLISODateTime as DateTimeISO } from 'type-graphql';
import { DataSource } from 'typeorm';
import { Injectable } from '../../platform/container';
import { AppError } from '../../platform/errors';
import { ANONYMOUS, type Actor } from '../../platform/graphql/context';
import { DateScalar } from '../../platform/graphql/scalars';
import { normalisedPhone } from '../../platform/personal-data';
import { currentRequest } from '../../platform/request-context';
import { throttleAddress } from '../identity/throttle.service';
import { ProcedureService } from '../procedures/procedure.service';
import { Dossier, type SatisfactionRating } from './dossier.entity';
import { DossierStatus, EVENT_LABELS, NATIONAL_STATUS_CODE } from './dossier-status';
import { DossierService, isOverdue, vietnamDayOf } from './dossier.service';

/** Misses (a wrong code or phone) one address may make in the window before it waits. */
export const TRACKING_MISSES = 10;
export const TRACKING_WINDOW_SECONDS = 15 * 60;

@ObjectType('TrackedProcedure')
export class TrackedProcedure {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
}

@ObjectType('TrackingEvent', { description: 'A step of the timeline as the public sees it.' })
export class TrackingEvent {
  @Field(() => DateTimeISO) at!: Date;
  @Field(() => String, { description: 'A status change’s step (RECEIVED_AT_DESK, FORWARD, RESULT_READY …) or a postal event (PICKED_UP, DELIVERED …).' }) kind!: string;
  @Field(() => String, { description: 'The step in the request’s language.' }) label!: string;
}

@ObjectType('TrackedDossier', { description: 'A dossier as public tracking shows it: no personal data in any field.' })
export class TrackedDossier {
  @Field(() => String) code!: string;
  @Field(() => TrackedProcedure) procedure!: TrackedProcedure;
  @Field(() => DossierStatus) status!: DossierStatus;
  @Field(() => Int) nationalStatusCode!: number;
  @Field(() => DateTimeISO) receivedAt!: Date;
  @Field(() => DateScalar, { description: 'The legal due day.' }) dueDate!: string;
  @Field(() => DateScalar, { nullable: true, description: 'The new day promised in an apology letter, if any.' }) promisedDate!: string | null;
  @Field(() => Boolean) overdue!: boolean;
  @Field(() => DateTimeISO, { nullable: true }) resultReturnedAt!: Date | null;
  @Field(() => [TrackingEvent], { description: 'Oldest first.' }) timeline!: TrackingEvent[];
  @Field(() => Boolean, { description: 'The result is returned and the service not rated yet: the applicant may rate it.' }) canRate!: boolean;
}

const THROTTLED = (seconds: number) =>
  new AppError(
    'TOO_MANY_REQUESTS',
    { vi: `Tra cứu sai quá nhiều lần. Vui lòng thử lại sau ${Math.ceil(seconds / 60)} phút.`, en: `Too many failed lookups. Try again in ${Math.ceil(seconds / 60)} minutes.` },
    [],
    { retryAfterSeconds: seconds },
  );

/**
 * Public tracking (packages/schema/contract/tracking.graphql): anyone with the dossier code and the
 * applicant's phone number sees its progress, without personal data. A wrong code and a wrong phone
 * answer alike (null); each miss counts against the caller's address (the /64 of an IPv6 one), and
 * an address with TRACKING_MISSES misses in TRACKING_WINDOW_SECONDS waits until the window ends.
 */
@Injectable()
export class TrackingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly dossiers: DossierService,
    private readonly procedures: ProcedureService,
  ) {}

  async track(code: string, phone: string): Promise<TrackedDossier | null> {
    const dossier = await this.lookUp(code, phone);
    if (!dossier) return null;
    const procedure = await this.procedures.codeAndName(dossier.procedureId);
    const [events] = await this.dossiers.eventsOf([dossier.id]);
    const lang = currentRequest()?.lang ?? 'vi';
    return {
      code: dossier.code,
      procedure,
      status: dossier.status,
      nationalStatusCode: NATIONAL_STATUS_CODE[dossier.status],
      receivedAt: dossier.receivedAt,
      dueDate: vietnamDayOf(dossier.dueAt),
      promisedDate: dossier.promisedOn,
      overdue: isOverdue(dossier),
      resultReturnedAt: dossier.resultReturnedAt,
      timeline: events.map((e) => ({ at: e.at, kind: e.kind, label: EVENT_LABELS[e.kind]?.[lang] ?? e.kind })),
      canRate: dossier.status === DossierStatus.RESULT_RETURNED && dossier.rating === null,
    };
  }

  /** The applicant rates the service from the tracking page (the same two factors). */
  async rate(code: string, phone: string, rating: SatisfactionRating, comment: string | null): Promise<boolean> {
    const found = await this.lookUp(code, phone);
    if (!found) return false;
    const applicant: Actor = { ...ANONYMOUS, label: 'applicant' };
    await this.dataSource.transaction(async (m) => {
      const dossier = await m.getRepository(Dossier).createQueryBuilder('d').setLock('pessimistic_write').where('d.id = :id', { id: found.id }).getOneOrFail();
      await this.dossiers.recordRating(m, applicant, dossier, rating, comment);
    });
    return true;
  }

  private async lookUp(code: string, phone: string): Promise<Dossier | null> {
    const address = throttleAddress(currentRequest()?.ip ?? null) ?? 'unknown';
    const key = `track:${address}`;
    const [state] = await this.dataSource.query(
      `SELECT misses, GREATEST(0, ceil(extract(epoch FROM window_started_at + make_interval(secs => $2) - now())))::int AS wait
         FROM tracking_throttle WHERE key = $1 AND window_started_at > now() - make_interval(secs => $2)`,
      [key, TRACKING_WINDOW_SECONDS],
    );
    if (state && state.misses >= TRACKING_MISSES) throw THROTTLED(state.wait || 1);
    const wanted = normalisedPhone(phone);
    const dossier = wanted && code.trim().length <= 40 ? await this.dataSource.getRepository(Dossier).findOneBy({ code: code.trim().toUpperCase() }) : null;
    if (dossier && dossier.applicantPhone === wanted) return dossier;
    await this.dataSource.query(
      `INSERT INTO tracking_throttle (key, misses, window_started_at) VALUES ($1, 1, now())
       ON CONFLICT (key) DO UPDATE SET
         misses = CASE WHEN tracking_throttle.window_started_at > now() - make_interval(secs => $2) THEN tracking_throttle.misses + 1 ELSE 1 END,
         window_started_at = CASE WHEN tracking_throttle.window_started_at > now() - make_interval(secs => $2) THEN tracking_throttle.window_started_at ELSE now() END`,
      [key, TRACKING_WINDOW_SECONDS],
    );
    return null;
  }
}
