import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { Injectable } from '../../platform/container';
import type { GraphQLContext } from '../../platform/graphql/context';
import { DossierForecastService } from './dossier-forecast.service';
import { DossierForecast, DossierForecastInput } from './dossier-forecast.types';

@Injectable()
@Resolver(() => DossierForecast)
export class DossierForecastResolver {
  constructor(private readonly forecasts: DossierForecastService) {}

  @Query(() => DossierForecast, {
    description:
      'Dự báo lượng hồ sơ: a desk’s expected arrivals per day and opening slot for the coming weeks (weekday × slot means of the last 8 comparable weeks, month seasonality with a year of history, 0 on holidays), the counters they need, and the error on the last 4 weeks (steering committee, administrators and post office managers of the desk’s province).',
  })
  dossierForecast(@Arg('input', () => DossierForecastInput) input: DossierForecastInput, @Ctx() ctx: GraphQLContext) {
    return this.forecasts.forecast(ctx.actor, input);
  }
}
