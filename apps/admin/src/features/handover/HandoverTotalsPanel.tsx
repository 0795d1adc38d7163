import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { HandoverTotalsFieldsFragment } from '../../graphql/generated';
import { formatCount, formatVnd } from './HandoverForm';

function Figure({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId: string }) {
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="h5" component="p" sx={{ fontWeight: 500, overflowWrap: 'anywhere' }} data-testid={testId}>
        {value}
      </Typography>
      {hint && (
        <Typography variant="caption" color="text.secondary">
          {hint}
        </Typography>
      )}
    </Box>
  );
}

/** Handovers in effect as figures: civil servants relieved vs postal staff deployed, and the investment. */
export function HandoverTotalsPanel({ totals, testId = 'handover-totals' }: { totals: HandoverTotalsFieldsFragment; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Box data-testid={testId} sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'repeat(3, minmax(0, 1fr))' }, gap: 2 }}>
      <Figure
        label={t('handover.totals.relieved')}
        value={formatCount(totals.civilServantsRelieved)}
        hint={t('handover.totals.personnelInEffect', { count: totals.personnelHandovers })}
        testId={`${testId}-relieved`}
      />
      <Figure label={t('handover.totals.deployed')} value={formatCount(totals.postalStaffDeployed)} testId={`${testId}-deployed`} />
      <Figure
        label={t('handover.totals.investment')}
        value={formatVnd(totals.investmentTotal)}
        hint={t('handover.totals.facilityInEffect', { count: totals.facilityHandovers })}
        testId={`${testId}-investment`}
      />
    </Box>
  );
}
