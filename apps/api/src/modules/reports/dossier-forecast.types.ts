import { IsOptional, IsUUID, Max, Min } from 'class-validator';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, TimeOfDayScalar } from '../../platform/graphql/scalars';
import { OneStopDesk } from '../one-stop-desks/one-stop-desk.entity';

export enum ForecastDayStatus {
  OPEN = 'OPEN',
  HOLIDAY = 'HOLIDAY',
  CLOSED = 'CLOSED',
}
registerEnumType(ForecastDayStatus, {
  name: 'ForecastDayStatus',
  valuesConfig: {
    OPEN: { description: 'The desk opens: its slots are forecast.' },
    HOLIDAY: { description: 'A public holiday or an extra day off of the working-day calendar: 0 arrivals.' },
    CLOSED: { description: 'The desk does not open that day (no opening hours, or closed by an opening exception): 0 arrivals.' },
  },
});

@InputType({ description: 'The demand forecast of one desk (see modules/reports/dossier-forecast.model.ts for the method).' })
export class DossierForecastInput {
  @Field(() => ID) @IsUUID() deskId!: string;
  @Field(() => Int, { defaultValue: 4, description: 'Weeks to forecast, 1 to 8.' }) @Min(1) @Max(8) weeks!: number;
  @Field(() => DateScalar, { nullable: true, description: 'First week (its Monday is taken); default next week. From 8 weeks back to 52 weeks ahead.' }) @IsOptional() from?: string | null;
  @Field(() => Float, { nullable: true, description: 'Dossiers one counter receives per hour, to turn arrivals into counters; default 4.' })
  @IsOptional()
  @Min(0.5)
  @Max(60)
  dossiersPerCounterHour?: number | null;
}

@ObjectType({ description: 'The forecast of an opening slot.' })
export class ForecastSlot {
  @Field(() => TimeOfDayScalar) opensAt!: number;
  @Field(() => TimeOfDayScalar) closesAt!: number;
  @Field(() => Float, { nullable: true, description: 'Expected arrivals (one decimal); null: too little history.' }) expected!: number | null;
  @Field(() => Float, { nullable: true, description: 'Low end of the usual range (mean − one standard deviation).' }) low!: number | null;
  @Field(() => Float, { nullable: true, description: 'High end of the usual range (mean + one standard deviation).' }) high!: number | null;
  @Field(() => Int, { description: 'Comparable past days the forecast rests on.' }) basis!: number;
  @Field(() => Int, { nullable: true, description: 'Counters to staff for these arrivals (at least 1, at most the open counters); null without a forecast.' }) counters!: number | null;
}

@ObjectType({ description: 'A forecast day.' })
export class ForecastDay {
  @Field(() => DateScalar) day!: string;
  @Field(() => Int, { description: '1 = Thứ Hai … 7 = Chủ nhật.' }) weekday!: number;
  @Field(() => ForecastDayStatus) status!: ForecastDayStatus;
  @Field(() => String, { nullable: true, description: 'The holiday’s or the exception’s name.' }) note!: string | null;
  @Field(() => Float, { nullable: true, description: 'Expected arrivals of the day (sum of its slots; 0 on a closed day; null when a slot has no forecast).' }) expected!: number | null;
  @Field(() => [ForecastSlot]) slots!: ForecastSlot[];
}

@ObjectType({ description: 'A past day of the backtest: what was forecast from the data before its week, and what arrived.' })
export class ForecastBacktestDay {
  @Field(() => DateScalar) day!: string;
  @Field(() => ForecastDayStatus) status!: ForecastDayStatus;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => Float, { nullable: true }) forecast!: number | null;
  @Field(() => Int, { nullable: true, description: 'Arrivals in the slots compared (null when not compared).' }) actual!: number | null;
}

@ObjectType({ description: 'A past week forecast from the data before its Monday only, against what arrived.' })
export class ForecastBacktestWeek {
  @Field(() => DateScalar) from!: string;
  @Field(() => DateScalar) to!: string;
  @Field(() => Float, { nullable: true, description: 'Forecast arrivals over the slots compared.' }) forecast!: number | null;
  @Field(() => Int, { nullable: true, description: 'Actual arrivals over the slots compared.' }) actual!: number | null;
  @Field(() => Int, { description: 'Slots compared (normal open days with a forecast).' }) slotsCompared!: number;
  @Field(() => Float, { nullable: true, description: 'Mean absolute error: dossiers per slot.' }) mae!: number | null;
  @Field(() => Float, { nullable: true, description: 'Weighted absolute percentage error: Σ|forecast − actual| ÷ Σ actual, in %.' }) wape!: number | null;
  @Field(() => [ForecastBacktestDay]) days!: ForecastBacktestDay[];
}

@ObjectType({ description: 'Dự báo lượng hồ sơ: a desk’s expected arrivals per day and opening slot, with its error on past weeks.' })
export class DossierForecast {
  @Field(() => OneStopDesk) desk!: OneStopDesk;
  @Field(() => DateScalar) from!: string;
  @Field(() => DateScalar) to!: string;
  @Field(() => DateScalar, { description: 'First day of the data read (the desk’s first dossier, or the read window’s start).' }) historyFrom!: string;
  @Field(() => DateScalar, { description: 'Last day of the data the forecast rests on (the day before it is made).' }) historyTo!: string;
  @Field(() => Int, { description: 'Normal open days with data before the forecast.' }) historyDays!: number;
  @Field(() => Boolean, { description: 'Whether every open slot has a forecast (at least 3 comparable past days).' }) enoughHistory!: boolean;
  @Field(() => Boolean, { description: 'Whether month factors were applied (a full year of history).' }) seasonal!: boolean;
  @Field(() => Float) dossiersPerCounterHour!: number;
  @Field(() => Int) openCounters!: number;
  @Field(() => [ForecastDay]) days!: ForecastDay[];
  @Field(() => [ForecastBacktestWeek], { description: 'The last 4 full weeks before the forecast is made, oldest first.' }) backtest!: ForecastBacktestWeek[];
  @Field(() => Float, { nullable: true, description: 'MAE over the 4 past weeks.' }) backtestMae!: number | null;
  @Field(() => Float, { nullable: true, description: 'WAPE (%) over the 4 past weeks.' }) backtestWape!: number | null;
}
