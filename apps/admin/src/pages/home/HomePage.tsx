import { useTranslation } from 'react-i18next';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { StatusCard } from './StatusCard';

export function HomePage() {
  const { t } = useTranslation();
  return (
    <Stack spacing={3}>
      <div>
        <Typography variant="h1" gutterBottom>
          {t('nav.overview')}
        </Typography>
        <Typography color="text.secondary">{t('home.intro')}</Typography>
      </div>
      <StatusCard />
    </Stack>
  );
}
