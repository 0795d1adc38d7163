import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { Injectable } from '../../platform/container';
import type { GraphQLContext } from '../../platform/graphql/context';
import { ExportedFile } from '../../platform/graphql/exported-file';
import { ReportExportService } from './report-export.service';
import { QuarterlyReportInput } from './quarterly-report.inputs';
import { QuarterlyReportService } from './quarterly-report.service';
import { DossierVolumeFilter, DossierVolumeReport } from './report.inputs';
import { ReportService } from './report.service';

@Injectable()
@Resolver()
export class ReportResolver {
  constructor(
    private readonly reports: ReportService,
    private readonly exports: ReportExportService,
    private readonly quarterly: QuarterlyReportService,
  ) {}

  @Query(() => DossierVolumeReport, {
    description:
      'Dossier volumes of a unit period by period, from the dossiers held here (daily rollups) and the figures units reported (aggregate figures), rolled up through merged units as of `filter.asOf`, with drill-down by child unit, desk or post office (steering committee and administrators; post office managers: their post office tree).',
  })
  dossierVolumes(@Arg('filter', () => DossierVolumeFilter) filter: DossierVolumeFilter, @Ctx() ctx: GraphQLContext) {
    return this.reports.dossierVolumes(ctx.actor, filter);
  }

  @Query(() => ExportedFile, { description: 'The volumes grid of `dossierVolumes(filter)` as an .xlsx spreadsheet (its rows, the totals, the sources), Vietnamese headers; the same readers.' })
  exportDossierVolumes(@Arg('filter', () => DossierVolumeFilter) filter: DossierVolumeFilter, @Ctx() ctx: GraphQLContext) {
    return this.exports.dossierVolumes(ctx.actor, filter);
  }

  @Query(() => ExportedFile, {
    description:
      'The quarterly report (báo cáo quý) of a unit as an .xlsx workbook or a PDF, laid out as Decree 30/2020/NĐ-CP lays out a report: the figures by channel beside the same quarter of the year before, by child unit, with their sources, and the targets with their lights (the readers of dossierVolumes). Vietnamese.',
  })
  quarterlyReport(@Arg('input', () => QuarterlyReportInput) input: QuarterlyReportInput, @Ctx() ctx: GraphQLContext) {
    return this.quarterly.render(ctx.actor, input);
  }
}
