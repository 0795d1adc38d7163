import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { requireClientScope } from '../../platform/authz';
import { citizenId } from '../../platform/citizen-id';
import { Injectable } from '../../platform/container';
import { recordsFromRows } from '../../platform/database/rows';
import { badInput, conflict, uniquely } from '../../platform/errors';
import { connectionFrom, decodeCursor, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Connection, type PageArgs } from '../../platform/graphql/connection';
import type { Actor, ClientGrant } from '../../platform/graphql/context';
import { todayInVietnam } from '../../platform/graphql/scalars';
import { normalisedPhone } from '../../platform/personal-data';
import type { Lang } from '../../platform/request-context';
import { requiredText } from '../../platform/text';
import { AdministrativeUnitService } from '../administrative-units/administrative-unit.service';
import { ApiClientScope } from '../api-clients/api-client.entity';
import { Dossier, ResultDelivery } from '../dossiers/dossier.entity';
import { DossierStatus, EVENT_LABELS, NATIONAL_STATUS_CODE } from '../dossiers/dossier-status';
import { DossierService, isOverdue, vietnamDayOf } from '../dossiers/dossier.service';
import { BcciMode } from '../procedures/procedure.entity';
import { ProcedureService } from '../procedures/procedure.service';
import type { PortalDossier, PortalDossierEvent, SubmitDossierInput } from './portal.inputs';

/**
 * How long an idempotency key answers its first dossier: 48 hours (the contract promises at least 24).
 * Older keys are deleted (`purgeExpiredKeys`, run by submissions at most once a minute per instance),
 * so a retry after that makes a new dossier unless its reference is the same (CONFLICT on
 * externalReference). A portal must not count on more than this.
 */
export const KEY_RETENTION_HOURS = 48;
/** Purge at most this often per instance. */
const PURGE_EVERY_MS = 60_000;
/** Rows deleted per purge (the rest next time): a purge never holds the database for long. */
const PURGE_BATCH = 1000;

const UNIT_FIELD = 'pickup.administrativeUnitCode';
/** updated_at to the microsecond, in UTC: the keyset cursor's value (a JavaScript Date would keep milliseconds only). */
const CHANGE_KEY = `to_char(d.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const CHANGE_KEY_FORMAT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const POST_OFFICE_KINDS = `ARRAY['PROVINCIAL', 'DISTRICT', 'POST_OFFICE', 'COMMUNE_CULTURAL']::post_office_kind[]`;

/** JSON with every object's keys in order and absent values as null: the same content always gives the same text. */
function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.keys(value as object)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The content of a submission (all but its key), as the idempotency check compares it. */
export function submissionSha256(input: SubmitDossierInput): string {
  const content = {
    procedureCode: input.procedureCode,
    externalReference: input.externalReference,
    applicant: { fullName: input.applicant.fullName, idNumber: input.applicant.idNumber, phone: input.applicant.phone },
    pickup: { address: input.pickup.address, administrativeUnitCode: input.pickup.administrativeUnitCode },
    // No resultDelivery and one without an address say the same thing: collected at the desk.
    resultDelivery: { address: input.resultDelivery?.address?.trim() || null },
  };
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

type DossierRow = Dossier & { changeKey: string };

/**
 * The portals' own operations (issue 12): submitting an online dossier with postal pickup and reading
 * back the client's own dossiers. Every operation starts with the client's scope (`requireClientScope`);
 * a client reads only the dossiers it submitted (`dossier.submitted_by_client_id`), anything else is null.
 */
@Injectable()
export class PortalService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly dossiers: DossierService,
    private readonly procedures: ProcedureService,
    private readonly units: AdministrativeUnitService,
  ) {}

  /** When this instance last purged expired idempotency keys (ms). */
  private lastPurge = 0;

  // ── Submission ───────────────────────────────────────────────────────────

  /**
   * Deletes idempotency keys older than KEY_RETENTION_HOURS (a batch; rows another purge holds are
   * skipped, so two instances never wait for each other). Answers how many went.
   */
  async purgeExpiredKeys(): Promise<number> {
    this.lastPurge = Date.now();
    const [, count] = await this.dataSource.query(
      `DELETE FROM portal_submission WHERE id IN (
         SELECT id FROM portal_submission WHERE created_at < now() - make_interval(hours => $1) ORDER BY created_at LIMIT $2 FOR UPDATE SKIP LOCKED)`,
      [KEY_RETENTION_HOURS, PURGE_BATCH],
    );
    return Number(count ?? 0);
  }

  /**
   * Registers the dossier (DossierService.registerOnline: NEW, its pickup in the post office's queue,
   * its audit record with the client as actor) in one transaction with the claim of the idempotency key.
   * The key is claimed first (`INSERT … ON CONFLICT DO NOTHING`): a concurrent retry of the same key waits
   * there for the first to commit, then answers its dossier; if the first failed, the retry runs afresh.
   */
  async submit(actor: Actor, input: SubmitDossierInput): Promise<PortalDossier> {
    const grant = requireClientScope(actor, ApiClientScope.SUBMIT_DOSSIERS);
    const clientId = actor.id!;
    // Expired keys go on the way (at most once a minute per instance; outside the submission's transaction).
    if (Date.now() - this.lastPurge >= PURGE_EVERY_MS) await this.purgeExpiredKeys();
    const sha256 = submissionSha256(input);
    const reference = input.externalReference.trim();
    const dossierId = await uniquely(
      () =>
        this.dataSource.transaction(async (m) => {
          const claimed: Array<{ id: string }> = await m.query(
            `INSERT INTO portal_submission (client_id, idempotency_key, request_sha256, created_at) VALUES ($1, $2, $3, now())
             ON CONFLICT (client_id, idempotency_key) DO NOTHING RETURNING id`,
            [clientId, input.idempotencyKey, sha256],
          );
          if (claimed.length === 0) {
            const [first] = await m.query('SELECT request_sha256, dossier_id FROM portal_submission WHERE client_id = $1 AND idempotency_key = $2', [clientId, input.idempotencyKey]);
            if (first.request_sha256 !== sha256) {
              throw conflict({ vi: 'Khóa idempotency này đã được dùng cho một hồ sơ có nội dung khác.', en: 'This idempotency key was used for a submission with other content.' }, [
                { field: 'idempotencyKey', message: { vi: 'Hãy dùng một khóa mới cho hồ sơ mới.', en: 'Use a new key for a new submission.' } },
              ]);
            }
            return first.dossier_id as string;
          }
          const dossier = await this.register(m, actor, grant, input, reference);
          await m.query('UPDATE portal_submission SET dossier_id = $1 WHERE id = $2', [dossier.id, claimed[0].id]);
          return dossier.id;
        }),
      'externalReference',
      { vi: `Cổng đã gửi một hồ sơ có mã tham chiếu "${reference}".`, en: `You have already submitted a dossier with the reference "${reference}".` },
    );
    const [row] = await this.ownDossiers(clientId, { id: dossierId });
    return this.view(row);
  }

  private async register(m: EntityManager, actor: Actor, grant: ClientGrant, input: SubmitDossierInput, reference: string): Promise<Dossier> {
    const today = todayInVietnam();
    // Where: the unit of the pickup address, in force today and in one of the client's provinces.
    const unit = await this.units.requireByCode(input.pickup.administrativeUnitCode.trim(), UNIT_FIELD, m);
    const provinceId = await this.units.provinceIdOf(m, unit.id);
    if (!grant.provinceIds.includes(provinceId)) {
      throw badInput(UNIT_FIELD, { vi: `"${unit.name}" không thuộc tỉnh, thành phố mà ứng dụng được phép gửi hồ sơ.`, en: `"${unit.name}" is outside the provinces the client acts for.` });
    }
    // What: a procedure of that province's catalogue, in force, that the post may take in.
    const code = input.procedureCode.trim();
    const [procedure] = await this.procedures.byCode(m, provinceId, [code]);
    if (!procedure || (procedure.retiredOn !== null && procedure.retiredOn <= today)) {
      throw badInput('procedureCode', { vi: `Danh mục thủ tục của tỉnh không có mã "${code}".`, en: `The province’s catalogue has no procedure "${code}".` });
    }
    if (procedure.bcciMode !== BcciMode.RECEIVE_AND_RETURN) {
      throw badInput('procedureCode', {
        vi: `Thủ tục "${procedure.name}" không tiếp nhận hồ sơ qua dịch vụ bưu chính công ích (${procedure.bcciMode === BcciMode.RETURN_ONLY ? 'chỉ trả kết quả qua bưu điện' : 'không áp dụng'}).`,
        en: `The procedure "${procedure.name}" does not take dossiers through the post (${procedure.bcciMode}).`,
      });
    }
    // Who: the applicant, checked as the counter checks them.
    const fullName = requiredText(input.applicant.fullName, 'applicant.fullName', { vi: 'Họ và tên', en: 'The full name' });
    const idNumber = citizenId(input.applicant.idNumber.trim(), 'applicant.idNumber', today);
    if (!normalisedPhone(input.applicant.phone)) throw badInput('applicant.phone', { vi: 'Số điện thoại không hợp lệ (ví dụ 0912 345 678).', en: 'Not a valid phone number (e.g. 0912 345 678).' });
    const pickupAddress = requiredText(input.pickup.address, 'pickup.address', { vi: 'Địa chỉ thu gom', en: 'The pickup address' });
    const deliveryAddress = input.resultDelivery?.address?.trim() || null;

    const deskId = await this.receivingDesk(m, provinceId, unit.id, procedure.level, procedure.agencyId, today);
    const postOfficeId = await this.receivingPostOffice(m, provinceId, unit.id, today);
    if (grant.agencyIds.length > 0) {
      const [{ agency_id: agencyId }] = await m.query('SELECT agency_id FROM one_stop_desk WHERE id = $1', [deskId]);
      if (!grant.agencyIds.includes(procedure.agencyId ?? agencyId)) {
        throw badInput('procedureCode', { vi: 'Ứng dụng không được phép gửi hồ sơ của cơ quan giải quyết thủ tục này.', en: 'The client does not act for the agency that decides this procedure.' });
      }
    }
    return this.dossiers.registerOnline(m, actor, {
      procedureId: procedure.id,
      deskId,
      postOfficeId,
      applicant: { fullName, nationalId: idNumber, phone: input.applicant.phone, email: null, address: pickupAddress },
      pickupAddress,
      components: [],
      resultDelivery: deliveryAddress ? ResultDelivery.BY_POST : ResultDelivery.AT_DESK,
      deliveryAddress,
      portalReference: reference,
      submittedByClientId: actor.id,
    });
  }

  /**
   * The desk that receives a submission, one rule:
   * 1. the desk of the procedure's deciding agency, when the catalogue names one;
   * 2. else the desk of the procedure's level serving the address: located in its unit or the nearest
   *    unit above it (a desk's unit as it stands today, so a merged commune's desk serves the new
   *    commune; an abolished district's desk serves nothing of its own);
   * 3. else the province's public administration service centre, which receives any procedure of the
   *    province whatever the applicant's address (Decree 118/2025/NĐ-CP).
   * Ties: the nearer unit, then the centre's desk, then by code. None: BAD_USER_INPUT on the unit.
   */
  private async receivingDesk(m: EntityManager, provinceId: string, unitId: string, level: string, agencyId: string | null, today: string): Promise<string> {
    const [desk] = await m.query(
      `WITH target AS (SELECT path FROM administrative_unit WHERE id = $2),
       candidate AS (
         SELECT d.id, d.code, nlevel(u.path) AS depth,
                (d.agency_id = $4::uuid) IS TRUE AS deciding,
                (d.level::text = $3 AND u.level = d.level AND u.path @> target.path) AS serves,
                (a.kind = 'PUBLIC_ADMINISTRATION_CENTRE') AS centre
           FROM one_stop_desk d
           JOIN agency a ON a.id = d.agency_id
           JOIN administrative_unit u ON u.id = osp_unit_as_of(d.administrative_unit_id, $5::date)
          CROSS JOIN target
          WHERE d.province_id = $1 AND (d.retired_on IS NULL OR d.retired_on > $5::date))
       SELECT id FROM candidate WHERE deciding OR serves OR centre
        ORDER BY deciding DESC, serves DESC, depth DESC, centre DESC, code
        LIMIT 1`,
      [provinceId, unitId, level, agencyId, today],
    );
    if (!desk) throw badInput(UNIT_FIELD, { vi: 'Không có Bộ phận Một cửa nào tiếp nhận thủ tục này cho địa chỉ đó.', en: 'No one-stop desk receives this procedure for that address.' });
    return desk.id;
  }

  /**
   * The post office that collects: the nearest active post office of the province located in the
   * address's unit or a unit above it (its unit as it stands today); at one unit, the highest in the
   * postal network (its manager reaches the offices below), then by code.
   */
  private async receivingPostOffice(m: EntityManager, provinceId: string, unitId: string, today: string): Promise<string> {
    const [office] = await m.query(
      `WITH target AS (SELECT path FROM administrative_unit WHERE id = $2)
       SELECT o.id
         FROM post_office o
         JOIN administrative_unit u ON u.id = osp_unit_as_of(o.administrative_unit_id, $3::date)
        CROSS JOIN target
        WHERE o.province_id = $1 AND (o.retired_on IS NULL OR o.retired_on > $3::date) AND u.path @> target.path
        ORDER BY nlevel(u.path) DESC, array_position(${POST_OFFICE_KINDS}, o.kind), o.code
        LIMIT 1`,
      [provinceId, unitId, today],
    );
    if (!office) throw badInput(UNIT_FIELD, { vi: 'Không có bưu điện nào thu gom hồ sơ tại địa chỉ đó.', en: 'No post office collects dossiers at that address.' });
    return office.id;
  }

  // ── Reading ──────────────────────────────────────────────────────────────

  /** One of the client's own dossiers by our code or its reference (both given: both must match); null for any other. */
  async find(actor: Actor, code: string | null | undefined, externalReference: string | null | undefined): Promise<PortalDossier | null> {
    requireClientScope(actor, ApiClientScope.READ_OWN_DOSSIERS);
    const byCode = code?.trim().toUpperCase() || null;
    const byReference = externalReference?.trim() || null;
    if (!byCode && !byReference) throw badInput('code', { vi: 'Hãy cho mã hồ sơ hoặc mã tham chiếu của cổng.', en: 'Give the dossier code or your reference.' });
    const [row] = await this.ownDossiers(actor.id!, { code: byCode, reference: byReference });
    return row ? this.view(row) : null;
  }

  /**
   * The client's dossiers changed after `since`, oldest change first, keyset on (updated_at, id) with the
   * platform's cursor helpers: the cursor carries updated_at to the microsecond (a change within the same
   * millisecond is neither repeated nor skipped).
   */
  async changes(actor: Actor, since: Date, page: PageArgs): Promise<Connection<PortalDossier>> {
    requireClientScope(actor, ApiClientScope.READ_OWN_DOSSIERS);
    const first = Math.min(Math.max(page.first ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
    const params: unknown[] = [actor.id, since, first + 1];
    let after = '';
    if (page.after) {
      const [value, id] = decodeCursor(page.after);
      if (typeof value !== 'string' || !CHANGE_KEY_FORMAT.test(value) || Number.isNaN(Date.parse(value))) throw badInput('after', { vi: 'Con trỏ trang không hợp lệ.', en: 'The page cursor is not valid.' });
      params.push(value, id);
      after = 'AND (d.updated_at, d.id) > ($4::timestamptz, $5::uuid)';
    }
    const raw: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT d.*, ${CHANGE_KEY} AS change_key,
              (SELECT count(*) FROM dossier c WHERE c.submitted_by_client_id = $1 AND c.updated_at > $2) AS total
         FROM dossier d
        WHERE d.submitted_by_client_id = $1 AND d.updated_at > $2 ${after}
        ORDER BY d.updated_at, d.id
        LIMIT $3`,
      params,
    );
    const total = raw.length ? Number(raw[0].total) : Number((await this.dataSource.query('SELECT count(*) AS n FROM dossier WHERE submitted_by_client_id = $1 AND updated_at > $2', [actor.id, since]))[0].n);
    const views = this.rows(raw).map((row) => this.view(row));
    const connection = connectionFrom(views, first, total, 'changeKey');
    return { ...connection, pageInfo: Object.assign(connection.pageInfo, { hasPreviousPage: Boolean(page.after) }) };
  }

  /** Code and name of procedures or post offices by id, for the field resolvers' loaders. */
  async namesOf(table: 'procedure' | 'post_office', ids: readonly string[]): Promise<Array<{ code: string; name: string } | null>> {
    const rows: Array<{ id: string; code: string; name: string }> = await this.dataSource.query(`SELECT id, code, name FROM ${table} WHERE id = ANY($1::uuid[])`, [[...ids]]);
    const byId = new Map(rows.map((r) => [r.id, { code: r.code, name: r.name }]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** The public timelines of dossiers (as tracking shows them), with the postal item numbers, labels in `lang`. */
  async timelinesOf(ids: readonly string[], lang: Lang): Promise<PortalDossierEvent[][]> {
    const events = await this.dossiers.eventsOf(ids);
    return events.map((list) => list.map((e) => ({ at: e.at, kind: e.kind, label: EVENT_LABELS[e.kind]?.[lang] ?? e.kind, postalItemNumber: e.postalItem })));
  }

  private async ownDossiers(clientId: string, where: { id?: string; code?: string | null; reference?: string | null }): Promise<DossierRow[]> {
    const raw = await this.dataSource.query(
      `SELECT d.*, ${CHANGE_KEY} AS change_key FROM dossier d
        WHERE d.submitted_by_client_id = $1 AND ($2::uuid IS NULL OR d.id = $2::uuid) AND ($3::text IS NULL OR d.code = $3) AND ($4::text IS NULL OR d.portal_reference = $4)
        LIMIT 1`,
      [clientId, where.id ?? null, where.code ?? null, where.reference ?? null],
    );
    return this.rows(raw);
  }

  private rows(raw: Array<Record<string, unknown>>): DossierRow[] {
    const dossiers = recordsFromRows(this.dataSource, Dossier, raw);
    return dossiers.map((d, i) => Object.assign(d, { changeKey: raw[i].change_key as string }));
  }

  /** What a portal may read of a dossier; the procedure, the post office and the timeline come from field resolvers. */
  private view(d: DossierRow): PortalDossier {
    const isNew = d.status === DossierStatus.NEW;
    return {
      id: d.id,
      procedureId: d.procedureId,
      postOfficeId: d.postOfficeId,
      changeKey: d.changeKey,
      code: d.code,
      externalReference: d.portalReference ?? '',
      status: d.status,
      nationalStatusCode: NATIONAL_STATUS_CODE[d.status],
      receivedAt: d.receivedAt,
      dueDate: isNew ? null : vietnamDayOf(d.dueAt),
      overdue: isNew ? false : isOverdue(d),
      updatedAt: d.updatedAt,
    } as PortalDossier;
  }
}

