import { registerEnumType } from 'type-graphql';

export enum ProgrammeStatus {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  CLOSED = 'CLOSED',
}
registerEnumType(ProgrammeStatus, {
  name: 'ProgrammeStatus',
  description: 'A programme is drafted, then carried out, then closed.',
  valuesConfig: {
    DRAFT: { description: 'Dự thảo: being prepared; phases can be planned' },
    ACTIVE: { description: 'Đang triển khai: decided and under way' },
    CLOSED: { description: 'Đã kết thúc: finished (summed up)' },
  },
});

export enum PhaseStatus {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  CLOSED = 'CLOSED',
}
registerEnumType(PhaseStatus, {
  name: 'PhaseStatus',
  valuesConfig: {
    PLANNED: { description: 'Kế hoạch: not started' },
    IN_PROGRESS: { description: 'Đang thực hiện: started on `actualStart`' },
    CLOSED: { description: 'Đã kết thúc: ended on `actualEnd`' },
  },
});

export enum HandoverModel {
  AT_AGENCY = 'AT_AGENCY',
  AT_POST_OFFICE = 'AT_POST_OFFICE',
}
registerEnumType(HandoverModel, {
  name: 'HandoverModel',
  description: 'How a desk is handed over to the post office (phương án).',
  valuesConfig: {
    AT_AGENCY: { description: 'Postal staff work at the existing desk of the agency.' },
    AT_POST_OFFICE: { description: 'The desk moves into post-office premises, down to a commune cultural post office (BĐVHX).' },
  },
});

export enum SiteStatus {
  PLANNED = 'PLANNED',
  PREPARING = 'PREPARING',
  LAUNCHED = 'LAUNCHED',
  OPERATING = 'OPERATING',
  REVIEWED = 'REVIEWED',
  SUSPENDED = 'SUSPENDED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(SiteStatus, {
  name: 'SiteStatus',
  description: 'Where a pilot site stands. PLANNED → PREPARING → LAUNCHED → OPERATING → REVIEWED; SUSPENDED and back; WITHDRAWN ends an enrolment that will not go ahead.',
  valuesConfig: {
    PLANNED: { description: 'Đã đăng ký: enrolled in the phase' },
    PREPARING: { description: 'Đang chuẩn bị: staff, premises and equipment being readied' },
    LAUNCHED: { description: 'Đã khai trương: opened; needs the readiness checklist complete' },
    OPERATING: { description: 'Đang vận hành: running normally' },
    REVIEWED: { description: 'Đã sơ kết: the pilot at this site was reviewed (the desk may enrol again later)' },
    SUSPENDED: { description: 'Tạm dừng: paused; resumes to the status it was suspended from' },
    WITHDRAWN: { description: 'Rút khỏi thí điểm: will not go ahead (before launch)' },
  },
});

/** Statuses of a site that still holds its desk (a desk is in at most one of these). */
export const ACTIVE_SITE_STATUSES: readonly SiteStatus[] = [SiteStatus.PLANNED, SiteStatus.PREPARING, SiteStatus.LAUNCHED, SiteStatus.OPERATING, SiteStatus.SUSPENDED];

/**
 * The site status machine. SUSPENDED → back is the status it was suspended from (held in
 * `suspendedFrom`), or WITHDRAWN if it was never launched.
 */
export const SITE_TRANSITIONS: Readonly<Record<SiteStatus, readonly SiteStatus[]>> = {
  PLANNED: [SiteStatus.PREPARING, SiteStatus.WITHDRAWN],
  PREPARING: [SiteStatus.LAUNCHED, SiteStatus.SUSPENDED, SiteStatus.WITHDRAWN],
  LAUNCHED: [SiteStatus.OPERATING, SiteStatus.SUSPENDED],
  OPERATING: [SiteStatus.REVIEWED, SiteStatus.SUSPENDED],
  SUSPENDED: [], // worked out from suspendedFrom, see siteMovesFrom
  REVIEWED: [],
  WITHDRAWN: [],
};

export function siteMovesFrom(status: SiteStatus, suspendedFrom: SiteStatus | null): SiteStatus[] {
  if (status !== SiteStatus.SUSPENDED) return [...SITE_TRANSITIONS[status]];
  const back = suspendedFrom ?? SiteStatus.PREPARING;
  return back === SiteStatus.PREPARING ? [back, SiteStatus.WITHDRAWN] : [back];
}

export enum MeetingKind {
  QUARTERLY_REVIEW = 'QUARTERLY_REVIEW',
  PRELIMINARY_REVIEW = 'PRELIMINARY_REVIEW',
  INSPECTION = 'INSPECTION',
  OTHER = 'OTHER',
}
registerEnumType(MeetingKind, {
  name: 'MeetingKind',
  valuesConfig: {
    QUARTERLY_REVIEW: { description: 'Họp giao ban quý' },
    PRELIMINARY_REVIEW: { description: 'Sơ kết (e.g. the review of a pilot phase)' },
    INSPECTION: { description: 'Kiểm tra (yearly inspection)' },
    OTHER: { description: 'Other meeting of the steering committee' },
  },
});

export enum ActionItemState {
  OPEN = 'OPEN',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
}
registerEnumType(ActionItemState, { name: 'ActionItemState', description: 'OPEN → IN_PROGRESS → DONE; CANCELLED; DONE and CANCELLED can be reopened.' });

export const ACTION_ITEM_TRANSITIONS: Readonly<Record<ActionItemState, readonly ActionItemState[]>> = {
  OPEN: [ActionItemState.IN_PROGRESS, ActionItemState.DONE, ActionItemState.CANCELLED],
  IN_PROGRESS: [ActionItemState.OPEN, ActionItemState.DONE, ActionItemState.CANCELLED],
  DONE: [ActionItemState.OPEN],
  CANCELLED: [ActionItemState.OPEN],
};

export const PHASE_TRANSITIONS: Readonly<Record<PhaseStatus, readonly PhaseStatus[]>> = {
  PLANNED: [PhaseStatus.IN_PROGRESS],
  IN_PROGRESS: [PhaseStatus.CLOSED],
  CLOSED: [],
};

export const PROGRAMME_TRANSITIONS: Readonly<Record<ProgrammeStatus, readonly ProgrammeStatus[]>> = {
  DRAFT: [ProgrammeStatus.ACTIVE],
  ACTIVE: [ProgrammeStatus.CLOSED],
  CLOSED: [],
};

export enum CommitteeRole {
  HEAD = 'HEAD',
  DEPUTY_HEAD = 'DEPUTY_HEAD',
  MEMBER = 'MEMBER',
  SECRETARY = 'SECRETARY',
}
registerEnumType(CommitteeRole, {
  name: 'CommitteeRole',
  valuesConfig: {
    HEAD: { description: 'Trưởng ban' },
    DEPUTY_HEAD: { description: 'Phó Trưởng ban' },
    MEMBER: { description: 'Thành viên' },
    SECRETARY: { description: 'Thư ký / tổ giúp việc' },
  },
});
