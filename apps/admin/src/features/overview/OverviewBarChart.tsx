import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { BarChart } from '@mui/x-charts/BarChart';
import { ChartBox } from '../../components/ChartBox';
import type { ChartSeries } from './overviewData';

interface OverviewBarChartProps {
  /** Shown above the chart (the figure's caption). */
  title: string;
  /** One group of bars per category (the x axis). */
  categories: string[];
  series: ChartSeries[];
  xLabel: string;
  yLabel: string;
  height?: number;
  /** Room for the value axis's labels (px), for figures in the hundred thousands; MUI's default without it. */
  yAxisWidth?: number;
  testId?: string;
}

/**
 * Grouped bars with a title, axis labels and a legend, in the user's language. The exact numbers are in
 * the table the page shows beside every chart; the chart is a figure captioned by its title.
 */
export function OverviewBarChart({ title, categories, series, xLabel, yLabel, height = 320, yAxisWidth, testId }: OverviewBarChartProps) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const numbers = useMemo(() => new Intl.NumberFormat(i18n.resolvedLanguage ?? 'vi'), [i18n.resolvedLanguage]);
  const chartSeries = useMemo(
    () => series.map((s) => ({ ...s, valueFormatter: (value: number | null) => (value == null ? '' : numbers.format(value)) })),
    [series, numbers],
  );
  return (
    <Box component="figure" aria-labelledby={titleId} data-testid={testId} sx={{ m: 0, minWidth: 0 }}>
      <Typography id={titleId} component="figcaption" variant="subtitle1" sx={{ fontWeight: 500, mb: 0.5 }}>
        {title}
      </Typography>
      <ChartBox height={height}>
        {(width) => (
          <BarChart
            width={width}
            height={height}
            series={chartSeries}
            xAxis={[{ id: 'categories', scaleType: 'band', data: categories, label: xLabel }]}
            yAxis={[{ id: 'values', label: yLabel, tickMinStep: 1, valueFormatter: (value: number) => numbers.format(value), ...(yAxisWidth ? { width: yAxisWidth } : {}) }]}
            grid={{ horizontal: true }}
            slotProps={{ legend: { position: { vertical: 'top', horizontal: 'center' } } }}
            localeText={{ noData: t('overview.chart.noData'), loading: t('overview.chart.loading') }}
          />
        )}
      </ChartBox>
    </Box>
  );
}
