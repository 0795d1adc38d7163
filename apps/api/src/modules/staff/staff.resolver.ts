import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Injectable } from '../../platform/container';
import { ConnectionType, PageArgs } from '../../platform/graphql/connection';
import type { GraphQLContext } from '../../platform/graphql/context';
import { DateScalar } from '../../platform/graphql/scalars';
import { AdministrativeUnit } from '../administrative-units/administrative-unit.entity';
import { Agency } from '../agencies/agency.entity';
import { Shift } from '../counters/counter.entity';
import { ShiftService } from '../counters/shift.service';
import { OneStopDesk } from '../one-stop-desks/one-stop-desk.entity';
import { PostOffice } from '../post-offices/post-office.entity';
import { Absence, ProcedureField, Qualification, Staff, StaffAssignment, TrainingSession } from './staff.entity';
import {
  AbsencePayload,
  AddAbsenceInput,
  AddQualificationInput,
  AssignStaffInput,
  CreateProcedureFieldInput,
  CreateStaffInput,
  CreateTrainingSessionInput,
  EndAssignmentInput,
  ProcedureFieldPayload,
  QualificationPayload,
  StaffAssignmentPayload,
  StaffFilter,
  StaffPayload,
  TrainingSessionPayload,
  UpdateProcedureFieldInput,
  UpdateStaffInput,
} from './staff.inputs';
import { StaffService } from './staff.service';

export const StaffConnection = ConnectionType(Staff, 'Staff');
export const TrainingSessionConnection = ConnectionType(TrainingSession, 'TrainingSession');

@Injectable()
@Resolver(() => Staff)
export class StaffResolver {
  constructor(
    private readonly staff: StaffService,
    private readonly shiftService: ShiftService,
  ) {}

  @Query(() => [ProcedureField], { description: 'The procedure fields (lĩnh vực) in use, in Vietnamese order.' })
  procedureFields(
    @Arg('includeRetired', () => Boolean, { defaultValue: false, description: 'Also the retired ones (see retiredOn).' }) includeRetired: boolean,
    @Ctx() ctx: GraphQLContext,
  ) {
    return this.staff.fields(ctx.actor, includeRetired);
  }

  @Mutation(() => ProcedureFieldPayload, { description: 'Adds a procedure field to the national list (national administrators only).' })
  async createProcedureField(@Arg('input', () => CreateProcedureFieldInput) input: CreateProcedureFieldInput, @Ctx() ctx: GraphQLContext) {
    return { procedureField: await this.staff.createField(ctx.actor, input) };
  }

  @Mutation(() => ProcedureFieldPayload, { description: 'Renames, retires or restores a procedure field (national administrators only).' })
  async updateProcedureField(@Arg('input', () => UpdateProcedureFieldInput) input: UpdateProcedureFieldInput, @Ctx() ctx: GraphQLContext) {
    return { procedureField: await this.staff.updateField(ctx.actor, input) };
  }

  @Query(() => StaffConnection, { description: 'The staff register within your province, by name in Vietnamese order.' })
  staffMembers(@Args(() => PageArgs) page: PageArgs, @Arg('filter', () => StaffFilter, { nullable: true }) filter: StaffFilter | null, @Ctx() ctx: GraphQLContext) {
    return this.staff.list(ctx.actor, filter ?? {}, page);
  }

  @Query(() => Staff, { nullable: true })
  staffMember(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return this.staff.find(ctx.actor, id);
  }

  @Query(() => Staff, { nullable: true, description: 'The staff record of the signed-in user, if they have one.' })
  myStaffRecord(@Ctx() ctx: GraphQLContext) {
    return this.staff.ofUser(ctx.actor);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Số định danh cá nhân: shown to the person’s managers and the province’s administrators only (null to others).' })
  async nationalId(@Root() s: Staff, @Ctx() ctx: GraphQLContext) {
    return s.nationalId && (await this.staff.seesPersonalData(ctx.actor, s)) ? s.nationalId.trim() : null;
  }

  @FieldResolver(() => PostOffice, { nullable: true, description: 'The employer, when a post office.' })
  postOffice(@Root() s: Staff, @Ctx() ctx: GraphQLContext) {
    return s.postOfficeId ? ctx.loaders.byId(PostOffice).load(s.postOfficeId) : null;
  }

  @FieldResolver(() => Agency, { nullable: true, description: 'The employer, when an agency.' })
  agency(@Root() s: Staff, @Ctx() ctx: GraphQLContext) {
    return s.agencyId ? ctx.loaders.byId(Agency).load(s.agencyId) : null;
  }

  @FieldResolver(() => AdministrativeUnit, { nullable: true })
  homeUnit(@Root() s: Staff, @Ctx() ctx: GraphQLContext) {
    return s.homeUnitId ? ctx.loaders.byId(AdministrativeUnit).load(s.homeUnitId) : null;
  }

  @FieldResolver(() => OneStopDesk, { nullable: true })
  homeDesk(@Root() s: Staff, @Ctx() ctx: GraphQLContext) {
    return s.homeDeskId ? ctx.loaders.byId(OneStopDesk).load(s.homeDeskId) : null;
  }

  @FieldResolver(() => Boolean, { description: 'Whether the person signs in with a user account.' })
  hasUserAccount(@Root() s: Staff) {
    return s.userId !== null;
  }

  @FieldResolver(() => [StaffAssignment], { description: 'Desks the person is or was deployed to, latest first.' })
  assignments(@Root() s: Staff, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.named<string, StaffAssignment[]>('staff.assignments', (ids) => this.staff.assignmentsOf(ids)).load(s.id);
  }

  @FieldResolver(() => [Qualification], { description: 'Latest first.' })
  qualifications(@Root() s: Staff, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.named<string, Qualification[]>('staff.qualifications', (ids) => this.staff.qualificationsOf(ids)).load(s.id);
  }

  @FieldResolver(() => [Absence], { description: 'Latest first.' })
  absences(@Root() s: Staff, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.named<string, Absence[]>('staff.absences', (ids) => this.staff.absencesOf(ids)).load(s.id);
  }

  @FieldResolver(() => [Shift], { description: 'The person’s shifts (not cancelled) from one day to another (at most 93 days).' })
  shifts(@Root() s: Staff, @Arg('from', () => DateScalar) from: string, @Arg('to', () => DateScalar) to: string, @Ctx() ctx: GraphQLContext) {
    return this.shiftService.ofStaff(ctx.actor, s.id, from, to);
  }

  @Mutation(() => StaffPayload, { description: 'Adds a person to the staff register.' })
  async createStaff(@Arg('input', () => CreateStaffInput) input: CreateStaffInput, @Ctx() ctx: GraphQLContext) {
    return { staff: await this.staff.create(ctx.actor, input) };
  }

  @Mutation(() => StaffPayload)
  async updateStaff(@Arg('input', () => UpdateStaffInput) input: UpdateStaffInput, @Ctx() ctx: GraphQLContext) {
    return { staff: await this.staff.update(ctx.actor, input) };
  }

  @Mutation(() => StaffAssignmentPayload, { description: 'Deploys a person to a desk from a day (to a day).' })
  async assignStaff(@Arg('input', () => AssignStaffInput) input: AssignStaffInput, @Ctx() ctx: GraphQLContext) {
    return { assignment: await this.staff.assign(ctx.actor, input) };
  }

  @Mutation(() => StaffAssignmentPayload, { description: 'Ends a deployment on a day (refused while shifts remain after it).' })
  async endStaffAssignment(@Arg('input', () => EndAssignmentInput) input: EndAssignmentInput, @Ctx() ctx: GraphQLContext) {
    return { assignment: await this.staff.endAssignment(ctx.actor, input) };
  }

  @Mutation(() => QualificationPayload)
  async addQualification(@Arg('input', () => AddQualificationInput) input: AddQualificationInput, @Ctx() ctx: GraphQLContext) {
    return { qualification: await this.staff.addQualification(ctx.actor, input) };
  }

  @Mutation(() => AbsencePayload, { description: 'Records days away (see the absence’s collidingShifts).' })
  async addAbsence(@Arg('input', () => AddAbsenceInput) input: AddAbsenceInput, @Ctx() ctx: GraphQLContext) {
    return { absence: await this.staff.addAbsence(ctx.actor, input) };
  }
}

@Injectable()
@Resolver(() => StaffAssignment)
export class StaffAssignmentResolver {
  @FieldResolver(() => OneStopDesk, { nullable: true })
  desk(@Root() a: StaffAssignment, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.byId(OneStopDesk).load(a.deskId);
  }

  @FieldResolver(() => Staff, { nullable: true })
  staff(@Root() a: StaffAssignment, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.byId(Staff).load(a.staffId);
  }
}

@Injectable()
@Resolver(() => Qualification)
export class QualificationResolver {
  @FieldResolver(() => ProcedureField, { nullable: true })
  field(@Root() q: Qualification, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.byId(ProcedureField).load(q.fieldId);
  }

  @FieldResolver(() => TrainingSession, { nullable: true })
  trainingSession(@Root() q: Qualification, @Ctx() ctx: GraphQLContext) {
    return q.trainingSessionId ? ctx.loaders.byId(TrainingSession).load(q.trainingSessionId) : null;
  }
}

@Injectable()
@Resolver(() => TrainingSession)
export class TrainingSessionResolver {
  constructor(private readonly staff: StaffService) {}

  @Query(() => TrainingSessionConnection, { description: 'Training classes within your province, latest first.' })
  trainingSessions(@Args(() => PageArgs) page: PageArgs, @Ctx() ctx: GraphQLContext) {
    return this.staff.trainingSessions(ctx.actor, page);
  }

  @FieldResolver(() => ProcedureField, { nullable: true })
  field(@Root() t: TrainingSession, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.byId(ProcedureField).load(t.fieldId);
  }

  @FieldResolver(() => [Staff], { description: 'Who attended, in Vietnamese order.' })
  attendees(@Root() t: TrainingSession, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.named<string, Staff[]>('staff.attendees', (ids) => this.staff.attendeesOf(ids)).load(t.id);
  }

  @Mutation(() => TrainingSessionPayload, { description: 'Records a training class: each attendee is qualified for its field from that day.' })
  createTrainingSession(@Arg('input', () => CreateTrainingSessionInput) input: CreateTrainingSessionInput, @Ctx() ctx: GraphQLContext) {
    return this.staff.createTrainingSession(ctx.actor, input);
  }
}

@Injectable()
@Resolver(() => Absence)
export class AbsenceResolver {
  @FieldResolver(() => Staff, { nullable: true })
  staff(@Root() a: Absence, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.byId(Staff).load(a.staffId);
  }
}
