import { registerEnumType } from 'type-graphql';

export enum Role {
  STEERING_COMMITTEE = 'STEERING_COMMITTEE',
  POST_OFFICE_MANAGER = 'POST_OFFICE_MANAGER',
  COUNTER_CLERK = 'COUNTER_CLERK',
  AGENCY_OFFICER = 'AGENCY_OFFICER',
  SYSTEM_ADMIN = 'SYSTEM_ADMIN',
}

registerEnumType(Role, {
  name: 'Role',
  description: 'What a user may do. A user may hold several roles; every role acts within the user’s scope.',
  valuesConfig: {
    STEERING_COMMITTEE: { description: 'Ban Chỉ đạo: reads everything in its province, configures programmes, phases and targets' },
    POST_OFFICE_MANAGER: { description: 'Quản lý bưu điện: staff, counters and rosters of its post office' },
    COUNTER_CLERK: { description: 'Nhân viên quầy: dossiers at its desk' },
    AGENCY_OFFICER: { description: 'Cán bộ cơ quan: dossiers its agency decides' },
    SYSTEM_ADMIN: { description: 'Quản trị hệ thống: users and reference data' },
  },
});
