import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { Injectable } from '../../platform/container';
import type { GraphQLContext } from '../../platform/graphql/context';
import { ExportedFile } from '../../platform/graphql/exported-file';
import { qualitySpreadsheet } from './quality-export';
import { ServiceQualityFilter, ServiceQualityReport } from './quality.inputs';
import { ServiceQualityService } from './quality.service';

@Injectable()
@Resolver()
export class ServiceQualityResolver {
  constructor(private readonly quality: ServiceQualityService) {}

  @Query(() => ServiceQualityReport, {
    description:
      'The service-quality index of Decision 766/QĐ-TTg as far as the data here allows (results on time, received online, digitised, satisfaction), per period and per child unit, desk or post office, each figure with its method; reference points, never the 100-point index. Readers as dossierVolumes.',
  })
  serviceQualityIndex(@Arg('filter', () => ServiceQualityFilter) filter: ServiceQualityFilter, @Ctx() ctx: GraphQLContext) {
    return this.quality.index(ctx.actor, filter);
  }

  @Query(() => ExportedFile, {
    description: 'The grid of `serviceQualityIndex(filter)` as an .xlsx spreadsheet (the periods, the breakdown, the totals, each figure’s method below them), Vietnamese headers; the same readers.',
  })
  async exportServiceQualityIndex(@Arg('filter', () => ServiceQualityFilter) filter: ServiceQualityFilter, @Ctx() ctx: GraphQLContext) {
    return qualitySpreadsheet(await this.quality.index(ctx.actor, filter));
  }
}
