import { useTranslation } from 'react-i18next';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import type { DossierStatus } from '../../graphql/generated';
import { STATUS_COLOUR } from './labels';

/** The status in words (the API's wording), and "Quá hạn" in red beside it when the dossier is late. */
export function DossierStatusChip({ status, overdue, size = 'small' }: { status: DossierStatus; overdue?: boolean; size?: 'small' | 'medium' }) {
  const { t } = useTranslation();
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
      <Chip size={size} color={STATUS_COLOUR[status]} variant={status === 'RESULT_RETURNED' ? 'outlined' : 'filled'} label={t(`dossiers.status.${status}`)} data-testid="dossier-status" />
      {overdue && <OverdueChip size={size} />}
    </Stack>
  );
}

export function OverdueChip({ size = 'small' }: { size?: 'small' | 'medium' }) {
  const { t } = useTranslation();
  return <Chip size={size} color="error" label={t('dossiers.overdue')} data-testid="dossier-overdue" />;
}
