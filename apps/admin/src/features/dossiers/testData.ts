import type { Role } from '../../graphql/generated';
import { SessionStore } from '../auth/session';

/** A signed-in session with these roles (Hà Tĩnh). */
export function sessionAs(roles: Role[]): SessionStore {
  const store = new SessionStore();
  store.signedIn({
    token: 'access',
    expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
    refreshToken: 'refresh-token-1',
    user: { id: 'u1', username: 'hatinh.quay', displayName: 'Nhân viên quầy', roles, scope: { id: 'p-42', code: '42', name: 'Tỉnh Hà Tĩnh', level: 'PROVINCE' } },
  });
  return store;
}

export const PROCEDURE = {
  __typename: 'Procedure',
  id: 'proc-1',
  code: '1.001193',
  name: 'Đăng ký khai sinh',
  bcciMode: 'RECEIVE_AND_RETURN',
  procedureFee: 50000,
  postalFee: 22000,
  processingTime: 3,
  processingUnit: 'WORKING_DAYS',
  retiredOn: null,
  field: { __typename: 'ProcedureField', id: 'f-hotich', name: 'Hộ tịch' },
  agency: { __typename: 'Agency', id: 'ag-1', name: 'UBND xã Cẩm Xuyên' },
  components: [
    { __typename: 'ProcedureComponent', id: 'c1', position: 1, name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0, required: true },
    { __typename: 'ProcedureComponent', id: 'c2', position: 2, name: 'Giấy chứng sinh', originals: 1, copies: 0, required: true },
    { __typename: 'ProcedureComponent', id: 'c3', position: 3, name: 'Văn bản ủy quyền có chứng thực', originals: 1, copies: 0, required: false },
  ],
};

const event = (id: string, kind: string, label: string, at: string, extra: Record<string, unknown> = {}) => ({
  __typename: 'DossierEvent',
  id,
  kind,
  label,
  at,
  actorLabel: 'Nhân viên quầy Trung tâm PVHCC tỉnh',
  unitName: 'Trung tâm Phục vụ hành chính công tỉnh',
  note: null,
  place: null,
  postalItem: null,
  fromStatus: null,
  toStatus: null,
  dueAt: null,
  ...extra,
});

/** A dossier as the API's DossierDetail fragment answers it. */
export function dossier(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Dossier',
    id: 'd-1',
    code: '000.00.00.H27-261203-0001',
    status: 'PROCESSING',
    channel: 'AT_DESK',
    overdue: false,
    receivedAt: '2026-12-03T02:15:00.000Z',
    dueDate: '2026-12-08',
    promisedOn: null,
    version: 3,
    nationalStatusCode: 4,
    dueAt: '2026-12-08T10:00:00.000Z',
    clockStoppedAt: null,
    procedureFee: 50000,
    postalFee: 0,
    resultDelivery: 'AT_DESK',
    deliveryAddress: null,
    resultReadyAt: null,
    resultReturnedAt: null,
    rating: null,
    ratingComment: null,
    ratedAt: null,
    portalReference: null,
    allowedActions: ['REQUEST_SUPPLEMENT', 'AWAIT_FINANCIAL_OBLIGATION', 'RESULT_READY', 'STOP'],
    applicant: {
      __typename: 'DossierApplicant',
      fullName: 'Nguyễn Thị Hường',
      nationalId: '042190012345',
      phone: '0912345678',
      email: null,
      address: 'Thôn Yên Thượng, xã Cẩm Xuyên, tỉnh Hà Tĩnh',
      masked: false,
    },
    procedure: { __typename: 'Procedure', id: 'proc-1', code: '1.001193', name: 'Đăng ký khai sinh', processingTime: 3, processingUnit: 'WORKING_DAYS', field: { __typename: 'ProcedureField', id: 'f-hotich', name: 'Hộ tịch' } },
    agency: { __typename: 'Agency', id: 'ag-1', name: 'UBND xã Cẩm Xuyên' },
    desk: { __typename: 'OneStopDesk', id: 'desk-1', name: 'Trung tâm Phục vụ hành chính công tỉnh' },
    postOffice: null,
    components: [{ __typename: 'DossierComponent', id: 'dc1', position: 1, name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0, digitised: true }],
    timeline: [
      event('e1', 'RECEIVED_AT_DESK', 'Tiếp nhận hồ sơ', '2026-12-03T02:15:00.000Z', { toStatus: 'RECEIVED' }),
      event('e2', 'FORWARD', 'Chuyển cơ quan giải quyết', '2026-12-03T03:00:00.000Z', { fromStatus: 'RECEIVED', toStatus: 'PROCESSING' }),
    ],
    ...overrides,
  };
}
