import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import LockOutlined from '@mui/icons-material/LockOutlined';

/** A page the signed-in person's roles do not open (reached by typing or sharing its address). */
export function NoAccessPage() {
  const { t } = useTranslation();
  return (
    <Paper variant="outlined" sx={{ p: 4, textAlign: 'center' }} data-testid="no-access">
      <LockOutlined color="action" sx={{ fontSize: 48, mb: 1 }} />
      <Typography variant="h1" gutterBottom>
        {t('noAccess.title')}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 3 }}>
        {t('noAccess.body')}
      </Typography>
      <Button component={Link} to="/" variant="outlined">
        {t('noAccess.back')}
      </Button>
    </Paper>
  );
}
