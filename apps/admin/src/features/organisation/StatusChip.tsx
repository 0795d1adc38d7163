import { useTranslation } from 'react-i18next';
import Chip from '@mui/material/Chip';
import { formatDate } from '../../dates';

/** Operating, or retired since a day. */
export function StatusChip({ retiredOn, size = 'small' }: { retiredOn?: string | null; size?: 'small' | 'medium' }) {
  const { t } = useTranslation();
  return retiredOn ? (
    <Chip size={size} variant="outlined" label={t('organisation.status.retiredOn', { date: formatDate(retiredOn) })} data-testid="status-chip" />
  ) : (
    <Chip size={size} color="success" variant="outlined" label={t('organisation.status.active')} data-testid="status-chip" />
  );
}
