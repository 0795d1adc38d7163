import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import EventNoteOutlined from '@mui/icons-material/EventNoteOutlined';
import { DetailSection } from '../organisation/DetailPage';
import { useRosterAccess } from './access';

/** On a desk's page: its roster board, for those who keep or read rosters. */
export function DeskRosterLink({ deskId }: { deskId: string }) {
  const { t } = useTranslation();
  const { read } = useRosterAccess();
  if (!read) return null;
  return (
    <DetailSection title={t('roster.title')}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
        {t('roster.desk.link')}
      </Typography>
      <Button component={RouterLink} to={`/staff/roster?desk=${deskId}`} variant="outlined" startIcon={<EventNoteOutlined />} data-testid="desk-roster-link">
        {t('roster.desk.open')}
      </Button>
    </DetailSection>
  );
}
