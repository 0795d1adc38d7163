import { isUUID } from 'class-validator';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { requireRole, scopeProvince } from '../../platform/authz';
import { badInput, notFound, type Bilingual, type StatusMachineLabel } from '../../platform/errors';
import type { Actor } from '../../platform/graphql/context';
import { shownDay, todayInVietnam } from '../../platform/graphql/scalars';
import type { LegalDocument } from './rollout.types';

/** Who plans the rollout and moves sites: the steering committee and administrators of the province. */
export const ROLLOUT_WRITERS = ['STEERING_COMMITTEE', 'SYSTEM_ADMIN'];
/** Who also ticks a site's readiness checklist: the post office prepares the premises and staff. */
export const READINESS_WRITERS = [...ROLLOUT_WRITERS, 'POST_OFFICE_MANAGER'];

export const LABELS = {
  programme: {
    vi: 'đề án thí điểm',
    en: 'pilot programme',
    statuses: { DRAFT: { vi: 'Dự thảo', en: 'draft' }, ACTIVE: { vi: 'Đang triển khai', en: 'active' }, CLOSED: { vi: 'Đã kết thúc', en: 'closed' } },
  },
  phase: {
    vi: 'giai đoạn',
    en: 'rollout phase',
    statuses: { PLANNED: { vi: 'Kế hoạch', en: 'planned' }, IN_PROGRESS: { vi: 'Đang thực hiện', en: 'in progress' }, CLOSED: { vi: 'Đã kết thúc', en: 'closed' } },
  },
  site: {
    vi: 'đơn vị thí điểm',
    en: 'pilot site',
    statuses: {
      PLANNED: { vi: 'Đã đăng ký', en: 'enrolled' },
      PREPARING: { vi: 'Đang chuẩn bị', en: 'preparing' },
      LAUNCHED: { vi: 'Đã khai trương', en: 'launched' },
      OPERATING: { vi: 'Đang vận hành', en: 'operating' },
      REVIEWED: { vi: 'Đã sơ kết', en: 'reviewed' },
      SUSPENDED: { vi: 'Tạm dừng', en: 'suspended' },
      WITHDRAWN: { vi: 'Đã rút', en: 'withdrawn' },
    },
  },
  meeting: { vi: 'cuộc họp Ban Chỉ đạo', en: 'steering meeting' },
  actionItem: {
    vi: 'nhiệm vụ',
    en: 'action item',
    statuses: {
      OPEN: { vi: 'Chưa thực hiện', en: 'open' },
      IN_PROGRESS: { vi: 'Đang thực hiện', en: 'in progress' },
      DONE: { vi: 'Hoàn thành', en: 'done' },
      CANCELLED: { vi: 'Đã hủy', en: 'cancelled' },
    },
  },
} satisfies Record<string, StatusMachineLabel>;

/** A province-owned record by id inside a transaction: one outside the actor's province is not found. */
export async function findInScope<T extends ObjectLiteral & { provinceId: string }>(
  m: EntityManager,
  actor: Actor,
  entity: EntityTarget<T>,
  id: string,
  label: Bilingual,
  field?: string,
): Promise<T> {
  const scope = scopeProvince(actor);
  const row = isUUID(id) ? await m.getRepository(entity).findOneBy({ id } as never) : null;
  if (!row || (scope !== null && row.provinceId !== scope)) {
    if (field) throw badInput(field, { vi: `Không tìm thấy ${label.vi} "${id}".`, en: `No ${label.en} "${id}" was found.` });
    throw notFound(label, id);
  }
  return row;
}

/** A day a user states for something that happened: a real day, not in the future. */
export function pastOrToday(day: string | null | undefined, field: string): string {
  const today = todayInVietnam();
  const value = day ?? today;
  if (value > today) throw badInput(field, { vi: 'Ngày không được ở tương lai.', en: 'The day cannot be in the future.' });
  return value;
}

/** The day a programme starts: the signing day of its earliest legal document (null while it has none). */
export function programmeStart(programme: { legalBasis: readonly Pick<LegalDocument, 'signedOn'>[] }): string | null {
  return programme.legalBasis.map((d) => d.signedOn).sort()[0] ?? null;
}

/**
 * The one rule for the days that belong to a programme (a phase's planned start, a pilot site's
 * planned launch, a handover's effective and signing days): none before the programme starts, the
 * signing of its first document. `what` begins the message: "Giai đoạn không thể bắt đầu" + " trước…".
 */
export function notBeforeProgramme(programme: { legalBasis: readonly Pick<LegalDocument, 'signedOn'>[] }, day: string | null | undefined, field: string, what: Bilingual): void {
  const start = programmeStart(programme);
  if (day && start && day < start) {
    throw badInput(field, {
      vi: `${what.vi} trước văn bản đầu tiên của đề án (ký ngày ${shownDay(start)}).`,
      en: `${what.en} before the programme's first document (signed on ${shownDay(start)}).`,
    });
  }
}

export function requireWriter(actor: Actor, roles: readonly string[] = ROLLOUT_WRITERS): void {
  requireRole(actor, roles);
}

/** Trimmed strings of a list, empty ones dropped. */
export const cleanList = (values: readonly string[]) => values.map((v) => v.trim()).filter(Boolean);

/** A province-owned record by id for a query: null when it does not exist or lies outside the actor's province. */
export async function findOrNull<T extends ObjectLiteral & { provinceId: string }>(m: EntityManager, actor: Actor, entity: EntityTarget<T>, id: string): Promise<T | null> {
  const scope = scopeProvince(actor);
  if (!isUUID(id)) throw badInput('id', { vi: 'Không phải mã định danh hợp lệ.', en: 'Is not a valid id.' });
  const row = await m.getRepository(entity).findOneBy({ id } as never);
  return row && (scope === null || row.provinceId === scope) ? row : null;
}
