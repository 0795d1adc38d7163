import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import ConstructionOutlined from '@mui/icons-material/ConstructionOutlined';
import type { AreaKey } from '../layout/areas';

/** Placeholder for an area that a later release builds. */
export function NotAvailablePage({ area }: { area: AreaKey }) {
  const { t } = useTranslation();
  const name = t(`nav.${area}`);
  return (
    <>
      <Typography variant="h1" gutterBottom>
        {name}
      </Typography>
      <Paper variant="outlined" sx={{ p: 4, textAlign: 'center' }} data-testid="not-available">
        <ConstructionOutlined color="action" sx={{ fontSize: 48, mb: 1 }} />
        <Typography variant="h2" gutterBottom>
          {t('notAvailable.title')}
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 3 }}>
          {t('notAvailable.body', { area: name })}
        </Typography>
        <Button component={Link} to="/" variant="outlined">
          {t('notAvailable.back')}
        </Button>
      </Paper>
    </>
  );
}
