import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { Injectable } from '../../platform/container';
import type { GraphQLContext } from '../../platform/graphql/context';
import { ExportedFile } from '../../platform/graphql/exported-file';
import { StaffingReport, StaffingReportFilter } from './staffing-report.inputs';
import { StaffingReportService } from './staffing-report.service';

@Injectable()
@Resolver()
export class StaffingReportResolver {
  constructor(private readonly staffing: StaffingReportService) {}

  @Query(() => StaffingReport, {
    description:
      'Staffing of a unit period by period: civil servants relieved by personnel handovers, postal staff deployed at its desks, training classes and attendances; rolled up through merged units as of `filter.asOf` as dossierVolumes is (same readers).',
  })
  staffingReport(@Arg('filter', () => StaffingReportFilter) filter: StaffingReportFilter, @Ctx() ctx: GraphQLContext) {
    return this.staffing.staffingReport(ctx.actor, filter);
  }

  @Query(() => ExportedFile, { description: 'The staffing grid of `staffingReport(filter)` as an .xlsx spreadsheet (its periods, the totals), Vietnamese headers; the same readers.' })
  exportStaffingReport(@Arg('filter', () => StaffingReportFilter) filter: StaffingReportFilter, @Ctx() ctx: GraphQLContext) {
    return this.staffing.exportStaffingReport(ctx.actor, filter);
  }
}
