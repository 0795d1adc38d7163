import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { formatDate } from '../../dates';
import { OverviewBarChart } from '../overview/OverviewBarChart';

export interface UsageDay {
  day: string;
  requests: number;
  costPoints: number;
  refused: number;
}

/**
 * Lưu lượng 30 ngày qua: the client's requests per Vietnam day, served and refused over its hourly
 * limits, stacked, with the totals in words under the chart (the figures a screen reader also gets).
 */
export function ClientUsageChart({ days }: { days: readonly UsageDay[] }) {
  const { t, i18n } = useTranslation();
  const numbers = useMemo(() => new Intl.NumberFormat(i18n.resolvedLanguage ?? 'vi'), [i18n.resolvedLanguage]);
  // `requests` are the admitted ones; `refused` were answered 429 and are counted apart.
  const totals = days.reduce((sum, d) => ({ requests: sum.requests + d.requests, costPoints: sum.costPoints + d.costPoints, refused: sum.refused + d.refused }), {
    requests: 0,
    costPoints: 0,
    refused: 0,
  });
  const busiest = days.reduce<UsageDay | null>((best, d) => (d.requests > (best?.requests ?? 0) ? d : best), null);
  const categories = days.map((d) => formatDate(d.day).slice(0, 5));
  const series = [
    { id: 'accepted', label: t('apiClient.usage.accepted'), data: days.map((d) => d.requests), color: '#1565c0', stack: 'requests' },
    { id: 'refused', label: t('apiClient.usage.refused'), data: days.map((d) => d.refused), color: '#c62828', stack: 'requests' },
  ];
  return (
    <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 } }} data-testid="api-client-usage">
      <Typography variant="h2" component="h3" sx={{ fontSize: '1.25rem', mb: 0.5 }}>
        {t('apiClient.usage.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t('apiClient.usage.intro')}
      </Typography>
      <OverviewBarChart title={t('apiClient.usage.chartTitle')} categories={categories} series={series} xLabel={t('apiClient.usage.xLabel')} yLabel={t('apiClient.usage.yLabel')} height={260} testId="api-client-usage-chart" />
      <Typography variant="body2" data-testid="api-client-usage-totals">
        {totals.requests === 0
          ? t('apiClient.usage.none')
          : t('apiClient.usage.totals', { requests: numbers.format(totals.requests), cost: numbers.format(totals.costPoints), refused: numbers.format(totals.refused) })}
        {busiest && ` ${t('apiClient.usage.busiest', { day: formatDate(busiest.day), requests: numbers.format(busiest.requests) })}`}
      </Typography>
    </Paper>
  );
}
