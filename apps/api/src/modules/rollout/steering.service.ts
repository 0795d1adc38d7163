import { DataSource } from 'typeorm';
import { scopeProvince } from '../../platform/authz';
import { Injectable } from '../../platform/container';
import { staleVersion, updateVersioned } from '../../platform/database/versioned';
import { assertTransition, badInput, conflict } from '../../platform/errors';
import { paginate, type PageArgs } from '../../platform/graphql/connection';
import type { Actor } from '../../platform/graphql/context';
import { todayInVietnam } from '../../platform/graphql/scalars';
import { requiredText } from '../../platform/text';
import { AuditService } from '../audit/audit.service';
import { PilotProgramme } from './pilot-programme.entity';
import { LABELS, cleanList, findInScope, pastOrToday, requireWriter } from './rollout-access';
import { ACTION_ITEM_TRANSITIONS, ActionItemState, ProgrammeStatus } from './rollout.enums';
import type { ActionItemFilter, ChangeActionItemStateInput, RecordSteeringMeetingInput } from './rollout.inputs';
import { ActionItem, SteeringMeeting } from './steering-meeting.entity';
import { groupFor } from '../../platform/graphql/loaders';

/** Steering meetings with their decisions and action items. */
@Injectable()
export class SteeringService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Meetings of many programmes, newest first, in one statement. */
  async meetingsOf(programmeIds: readonly string[]): Promise<SteeringMeeting[][]> {
    const rows = await this.dataSource.getRepository(SteeringMeeting).createQueryBuilder('mt')
      .where('mt.programme_id = ANY(:ids)', { ids: [...programmeIds] })
      .orderBy('mt.held_on', 'DESC')
      .getMany();
    return groupFor(programmeIds, rows, (r) => r.programmeId);
  }

  /** Meetings that touched each of many sites, newest first, in one statement. */
  async meetingsTouching(siteIds: readonly string[]): Promise<SteeringMeeting[][]> {
    const rows = await this.dataSource.getRepository(SteeringMeeting).createQueryBuilder('mt')
      .where('mt.site_ids && :ids::uuid[]', { ids: [...siteIds] })
      .orderBy('mt.held_on', 'DESC')
      .getMany();
    return siteIds.map((id) => rows.filter((r) => r.siteIds.includes(id)));
  }

  async actionItemsOf(meetingIds: readonly string[]): Promise<ActionItem[][]> {
    const rows = await this.dataSource.getRepository(ActionItem).createQueryBuilder('a')
      .where('a.meeting_id = ANY(:ids)', { ids: [...meetingIds] })
      .orderBy('a.due_on', 'ASC')
      .addOrderBy('osp_sort_key(a.title)', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .getMany();
    return groupFor(meetingIds, rows, (r) => r.meetingId);
  }

  /** Action items by due date; by default the open ones. */
  listActionItems(actor: Actor, filter: ActionItemFilter, page: PageArgs) {
    const qb = this.dataSource.getRepository(ActionItem).createQueryBuilder('a');
    const scope = scopeProvince(actor);
    if (scope) qb.andWhere('a.province_id = :scope', { scope });
    if (filter.programmeId) qb.andWhere('a.programme_id = :programmeId', { programmeId: filter.programmeId });
    const states = filter.states?.length ? filter.states : [ActionItemState.OPEN, ActionItemState.IN_PROGRESS];
    qb.andWhere('a.state IN (:...states)', { states });
    if (filter.overdue) qb.andWhere('a.due_on < :today', { today: todayInVietnam() });
    return paginate(qb, page, { expression: 'a.due_on', property: 'dueOn', direction: 'ASC', kind: 'date' });
  }

  record(actor: Actor, input: RecordSteeringMeetingInput): Promise<SteeringMeeting> {
    requireWriter(actor);
    const title = requiredText(input.title, 'title', { vi: 'Tiêu đề', en: 'The title' });
    const heldOn = pastOrToday(input.heldOn, 'heldOn');
    return this.dataSource.transaction(async (m) => {
      const programme = await findInScope(m, actor, PilotProgramme, input.programmeId, LABELS.programme, 'programmeId');
      if (programme.status === ProgrammeStatus.CLOSED) throw conflict({ vi: 'Đề án đã kết thúc.', en: 'The programme is closed.' });
      const siteIds = [...new Set([...input.siteIds, ...input.actionItems.flatMap((a) => (a.siteId ? [a.siteId] : []))])];
      if (siteIds.length) {
        const found: Array<{ id: string }> = await m.query('SELECT id FROM pilot_site WHERE id = ANY($1::uuid[]) AND programme_id = $2', [siteIds, programme.id]);
        const known = new Set(found.map((r) => r.id));
        const i = input.siteIds.findIndex((id) => !known.has(id));
        if (i >= 0) throw badInput(`siteIds.${i}`, { vi: 'Đơn vị không thuộc đề án này.', en: 'The site is not in this programme.' });
        const j = input.actionItems.findIndex((a) => a.siteId && !known.has(a.siteId));
        if (j >= 0) throw badInput(`actionItems.${j}.siteId`, { vi: 'Đơn vị không thuộc đề án này.', en: 'The site is not in this programme.' });
      }
      const repo = m.getRepository(SteeringMeeting);
      const meeting = repo.create({
        programmeId: programme.id,
        provinceId: programme.provinceId,
        kind: input.kind,
        heldOn,
        title,
        location: input.location?.trim() || null,
        decisions: cleanList(input.decisions),
        siteIds,
      });
      await repo.insert(meeting);
      const items = input.actionItems.map((a, i) =>
        m.getRepository(ActionItem).create({
          meetingId: meeting.id,
          programmeId: programme.id,
          provinceId: programme.provinceId,
          siteId: a.siteId ?? null,
          title: requiredText(a.title, `actionItems.${i}.title`, { vi: 'Nội dung', en: 'The title' }),
          owner: requiredText(a.owner, `actionItems.${i}.owner`, { vi: 'Người phụ trách', en: 'The owner' }),
          dueOn: a.dueOn,
          state: ActionItemState.OPEN,
          closedOn: null,
          version: 1,
        }),
      );
      if (items.length) await m.getRepository(ActionItem).insert(items);
      const saved = await repo.findOneByOrFail({ id: meeting.id });
      await this.audit.record(m, actor, {
        action: 'steeringMeeting.create',
        entityType: 'SteeringMeeting',
        entityId: saved.id,
        after: { ...saved, actionItems: items },
        provinceId: saved.provinceId,
      });
      return saved;
    });
  }

  changeActionItemState(actor: Actor, input: ChangeActionItemStateInput): Promise<ActionItem> {
    requireWriter(actor);
    const on = pastOrToday(input.on, 'on');
    return this.dataSource.transaction(async (m) => {
      const before = await findInScope(m, actor, ActionItem, input.id, LABELS.actionItem);
      if (before.version !== input.version) throw staleVersion(LABELS.actionItem);
      assertTransition(ACTION_ITEM_TRANSITIONS, LABELS.actionItem, before.state, input.state);
      const closed = input.state === ActionItemState.DONE || input.state === ActionItemState.CANCELLED;
      await updateVersioned(m, ActionItem, before.id, input.version, { state: input.state, closedOn: closed ? on : null }, LABELS.actionItem);
      const after = await m.getRepository(ActionItem).findOneByOrFail({ id: before.id });
      await this.audit.record(m, actor, { action: 'actionItem.state', entityType: 'ActionItem', entityId: after.id, before, after, provinceId: after.provinceId });
      return after;
    });
  }
}
