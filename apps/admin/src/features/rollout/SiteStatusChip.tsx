import { useTranslation } from 'react-i18next';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import type { HandoverStatus, SiteStatus } from '../../graphql/generated';
import { HANDOVER_STATUS_COLOR, SITE_STATUS_COLOR } from './enums';

/** A site's status, and "Trễ hạn" beside it when it is past its planned launch. */
export function SiteStatusChip({ status, late = false }: { status: SiteStatus; late?: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }} data-testid="site-status">
      <Chip size="small" color={SITE_STATUS_COLOR[status]} variant={status === 'OPERATING' ? 'filled' : 'outlined'} label={t(`rollout.labels.siteStatus.${status}`)} />
      {late && <Chip size="small" color="error" label={t('rollout.labels.late')} data-testid="late-chip" />}
    </Stack>
  );
}

export function HandoverStatusChip({ status }: { status: HandoverStatus }) {
  const { t } = useTranslation();
  return <Chip size="small" color={HANDOVER_STATUS_COLOR[status]} variant="outlined" label={t(`rollout.labels.handoverStatus.${status}`)} data-testid="handover-status" />;
}
