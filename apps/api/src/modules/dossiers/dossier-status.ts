import { registerEnumType } from 'type-graphql';
import type { Bilingual, StatusMachineLabel } from '../../platform/errors';

/** The national one-stop status codes (DESIGN.md, "The dossier lifecycle"): portals map them 1:1. */
export enum DossierStatus {
  NEW = 'NEW',
  RECEIVED = 'RECEIVED',
  NOT_ACCEPTED = 'NOT_ACCEPTED',
  PROCESSING = 'PROCESSING',
  SUPPLEMENT_REQUESTED = 'SUPPLEMENT_REQUESTED',
  AWAITING_FINANCIAL_OBLIGATION = 'AWAITING_FINANCIAL_OBLIGATION',
  WITHDRAWAL_REQUESTED = 'WITHDRAWAL_REQUESTED',
  STOPPED = 'STOPPED',
  RESULT_READY = 'RESULT_READY',
  RESULT_RETURNED = 'RESULT_RETURNED',
}

export const NATIONAL_STATUS_CODE: Record<DossierStatus, number> = {
  NEW: 1,
  RECEIVED: 2,
  NOT_ACCEPTED: 3,
  PROCESSING: 4,
  SUPPLEMENT_REQUESTED: 5,
  AWAITING_FINANCIAL_OBLIGATION: 6,
  WITHDRAWAL_REQUESTED: 7,
  STOPPED: 8,
  RESULT_READY: 9,
  RESULT_RETURNED: 10,
};

export const DOSSIER_STATUS_LABELS: Record<DossierStatus, Bilingual> = {
  NEW: { vi: 'Mới đăng ký, chờ thu gom', en: 'New, awaiting pickup' },
  RECEIVED: { vi: 'Đã tiếp nhận', en: 'Received' },
  NOT_ACCEPTED: { vi: 'Không tiếp nhận', en: 'Not accepted' },
  PROCESSING: { vi: 'Đang giải quyết', en: 'Processing' },
  SUPPLEMENT_REQUESTED: { vi: 'Yêu cầu bổ sung', en: 'Supplement requested' },
  AWAITING_FINANCIAL_OBLIGATION: { vi: 'Chờ thực hiện nghĩa vụ tài chính', en: 'Awaiting financial obligation' },
  WITHDRAWAL_REQUESTED: { vi: 'Công dân xin rút hồ sơ', en: 'Withdrawal requested' },
  STOPPED: { vi: 'Dừng xử lý', en: 'Stopped' },
  RESULT_READY: { vi: 'Đã có kết quả', en: 'Result ready' },
  RESULT_RETURNED: { vi: 'Đã trả kết quả', en: 'Result returned' },
};

registerEnumType(DossierStatus, {
  name: 'DossierStatus',
  description: 'The national one-stop status (nationalStatusCode 1–10).',
  valuesConfig: Object.fromEntries(Object.entries(DOSSIER_STATUS_LABELS).map(([k, v]) => [k, { description: `${NATIONAL_STATUS_CODE[k as DossierStatus]} · ${v.vi}` }])),
});

export const DOSSIER_MACHINE_LABEL: StatusMachineLabel = { vi: 'hồ sơ', en: 'dossier', statuses: DOSSIER_STATUS_LABELS };

/** Who takes a step: the receiving desk's clerk, or an officer of the deciding agency. */
export type StepActor = 'DESK' | 'AGENCY';

export interface Step {
  by: readonly StepActor[];
  /** The step's name in the timeline and the admin's buttons. */
  action: DossierAction;
}

export enum DossierAction {
  RECEIVE = 'RECEIVE',
  REFUSE = 'REFUSE',
  FORWARD = 'FORWARD',
  REQUEST_SUPPLEMENT = 'REQUEST_SUPPLEMENT',
  SUPPLEMENT_RECEIVED = 'SUPPLEMENT_RECEIVED',
  AWAIT_FINANCIAL_OBLIGATION = 'AWAIT_FINANCIAL_OBLIGATION',
  FINANCIAL_OBLIGATION_MET = 'FINANCIAL_OBLIGATION_MET',
  REQUEST_WITHDRAWAL = 'REQUEST_WITHDRAWAL',
  STOP = 'STOP',
  RESUME = 'RESUME',
  RESULT_READY = 'RESULT_READY',
  RETURN_RESULT = 'RETURN_RESULT',
}
registerEnumType(DossierAction, {
  name: 'DossierAction',
  description: 'A step of the dossier’s status machine; `allowedActions` lists those the reader may take now.',
  valuesConfig: {
    RECEIVE: { description: 'Tiếp nhận (hồ sơ trực tuyến đã thu gom)' },
    REFUSE: { description: 'Từ chối tiếp nhận (Mẫu 03)' },
    FORWARD: { description: 'Chuyển cơ quan giải quyết' },
    REQUEST_SUPPLEMENT: { description: 'Yêu cầu bổ sung, hoàn thiện (Mẫu 02): dừng đồng hồ' },
    SUPPLEMENT_RECEIVED: { description: 'Đã nhận hồ sơ bổ sung: thời hạn tính lại' },
    AWAIT_FINANCIAL_OBLIGATION: { description: 'Chờ thực hiện nghĩa vụ tài chính' },
    FINANCIAL_OBLIGATION_MET: { description: 'Đã thực hiện nghĩa vụ tài chính' },
    REQUEST_WITHDRAWAL: { description: 'Ghi nhận công dân xin rút hồ sơ' },
    STOP: { description: 'Dừng xử lý' },
    RESUME: { description: 'Tiếp tục giải quyết' },
    RESULT_READY: { description: 'Có kết quả, chuyển Bộ phận Một cửa' },
    RETURN_RESULT: { description: 'Trả kết quả' },
  },
});

/**
 * The status machine, in one place: from each status, the steps allowed, where each leads and who may
 * take it. NOT_ACCEPTED, STOPPED and RESULT_RETURNED are final. The service enforces it and the admin
 * shows only the steps `allowedActions` returns.
 */
export const DOSSIER_STEPS: Readonly<Record<DossierStatus, Readonly<Partial<Record<DossierAction, { to: DossierStatus; by: readonly StepActor[] }>>>>> = {
  NEW: {
    RECEIVE: { to: DossierStatus.RECEIVED, by: ['DESK'] },
    REFUSE: { to: DossierStatus.NOT_ACCEPTED, by: ['DESK'] },
  },
  RECEIVED: {
    FORWARD: { to: DossierStatus.PROCESSING, by: ['DESK'] },
    REQUEST_SUPPLEMENT: { to: DossierStatus.SUPPLEMENT_REQUESTED, by: ['DESK'] },
    REFUSE: { to: DossierStatus.NOT_ACCEPTED, by: ['DESK'] },
    REQUEST_WITHDRAWAL: { to: DossierStatus.WITHDRAWAL_REQUESTED, by: ['DESK'] },
  },
  PROCESSING: {
    REQUEST_SUPPLEMENT: { to: DossierStatus.SUPPLEMENT_REQUESTED, by: ['AGENCY'] },
    AWAIT_FINANCIAL_OBLIGATION: { to: DossierStatus.AWAITING_FINANCIAL_OBLIGATION, by: ['AGENCY'] },
    RESULT_READY: { to: DossierStatus.RESULT_READY, by: ['AGENCY'] },
    STOP: { to: DossierStatus.STOPPED, by: ['AGENCY'] },
    REQUEST_WITHDRAWAL: { to: DossierStatus.WITHDRAWAL_REQUESTED, by: ['DESK'] },
  },
  SUPPLEMENT_REQUESTED: {
    SUPPLEMENT_RECEIVED: { to: DossierStatus.PROCESSING, by: ['DESK'] },
    STOP: { to: DossierStatus.STOPPED, by: ['DESK', 'AGENCY'] },
    REQUEST_WITHDRAWAL: { to: DossierStatus.WITHDRAWAL_REQUESTED, by: ['DESK'] },
  },
  AWAITING_FINANCIAL_OBLIGATION: {
    FINANCIAL_OBLIGATION_MET: { to: DossierStatus.PROCESSING, by: ['AGENCY'] },
    REQUEST_WITHDRAWAL: { to: DossierStatus.WITHDRAWAL_REQUESTED, by: ['DESK'] },
  },
  WITHDRAWAL_REQUESTED: {
    STOP: { to: DossierStatus.STOPPED, by: ['DESK', 'AGENCY'] },
    RESUME: { to: DossierStatus.PROCESSING, by: ['DESK', 'AGENCY'] },
  },
  RESULT_READY: {
    RETURN_RESULT: { to: DossierStatus.RESULT_RETURNED, by: ['DESK'] },
  },
  NOT_ACCEPTED: {},
  STOPPED: {},
  RESULT_RETURNED: {},
};

export const FINAL_STATUSES: readonly DossierStatus[] = [DossierStatus.NOT_ACCEPTED, DossierStatus.STOPPED, DossierStatus.RESULT_RETURNED];

/** Postal-leg events recorded beside the status (DESIGN.md). */
export enum PostalEventKind {
  PICKUP_SCHEDULED = 'PICKUP_SCHEDULED',
  PICKED_UP = 'PICKED_UP',
  HANDED_TO_AGENCY = 'HANDED_TO_AGENCY',
  RESULT_COLLECTED = 'RESULT_COLLECTED',
  OUT_FOR_DELIVERY = 'OUT_FOR_DELIVERY',
  DELIVERED = 'DELIVERED',
  DELIVERY_FAILED = 'DELIVERY_FAILED',
}
registerEnumType(PostalEventKind, {
  name: 'PostalEventKind',
  valuesConfig: {
    PICKUP_SCHEDULED: { description: 'Đã hẹn thu gom' },
    PICKED_UP: { description: 'Đã thu gom hồ sơ' },
    HANDED_TO_AGENCY: { description: 'Đã chuyển hồ sơ đến cơ quan' },
    RESULT_COLLECTED: { description: 'Đã nhận kết quả từ cơ quan' },
    OUT_FOR_DELIVERY: { description: 'Đang phát kết quả' },
    DELIVERED: { description: 'Đã phát kết quả' },
    DELIVERY_FAILED: { description: 'Phát không thành công' },
  },
});

/** The timeline's words for every kind of event, in both languages (tracking answers in the request's language). */
export const EVENT_LABELS: Record<string, Bilingual> = {
  RECEIVED_AT_DESK: { vi: 'Tiếp nhận hồ sơ', en: 'Dossier received' },
  REGISTERED_ONLINE: { vi: 'Đăng ký trực tuyến', en: 'Registered online' },
  RECEIVE: { vi: 'Tiếp nhận hồ sơ đã thu gom', en: 'Collected dossier received' },
  REFUSE: { vi: 'Không tiếp nhận hồ sơ', en: 'Dossier not accepted' },
  FORWARD: { vi: 'Chuyển cơ quan giải quyết', en: 'Forwarded to the deciding agency' },
  REQUEST_SUPPLEMENT: { vi: 'Yêu cầu bổ sung hồ sơ', en: 'Supplement requested' },
  SUPPLEMENT_RECEIVED: { vi: 'Đã nhận hồ sơ bổ sung', en: 'Supplement received' },
  AWAIT_FINANCIAL_OBLIGATION: { vi: 'Chờ thực hiện nghĩa vụ tài chính', en: 'Awaiting financial obligation' },
  FINANCIAL_OBLIGATION_MET: { vi: 'Đã thực hiện nghĩa vụ tài chính', en: 'Financial obligation met' },
  REQUEST_WITHDRAWAL: { vi: 'Công dân xin rút hồ sơ', en: 'Withdrawal requested' },
  STOP: { vi: 'Dừng xử lý hồ sơ', en: 'Processing stopped' },
  RESUME: { vi: 'Tiếp tục giải quyết', en: 'Processing resumed' },
  RESULT_READY: { vi: 'Đã có kết quả', en: 'Result ready' },
  RETURN_RESULT: { vi: 'Đã trả kết quả', en: 'Result returned' },
  APOLOGY: { vi: 'Xin lỗi và hẹn lại ngày trả kết quả', en: 'Apology with a new date' },
  RATED: { vi: 'Đánh giá mức độ hài lòng', en: 'Service rated' },
  PICKUP_SCHEDULED: { vi: 'Đã hẹn thu gom hồ sơ', en: 'Pickup scheduled' },
  PICKED_UP: { vi: 'Bưu điện đã thu gom hồ sơ', en: 'Picked up by the post' },
  PICKUP_MISSED: { vi: 'Thu gom không thành công: người nộp vắng nhà, sẽ hẹn lại', en: 'Pickup missed: no one at home, to be rescheduled' },
  PICKUP_CANCELLED: { vi: 'Đã hủy thu gom hồ sơ', en: 'Pickup cancelled' },
  HANDED_TO_AGENCY: { vi: 'Bưu điện đã chuyển hồ sơ đến cơ quan', en: 'Handed to the agency' },
  RESULT_COLLECTED: { vi: 'Bưu điện đã nhận kết quả', en: 'Result collected by the post' },
  OUT_FOR_DELIVERY: { vi: 'Đang phát kết quả', en: 'Out for delivery' },
  DELIVERED: { vi: 'Đã phát kết quả đến người nhận', en: 'Result delivered' },
  DELIVERY_FAILED: { vi: 'Phát kết quả không thành công', en: 'Delivery failed' },
};
