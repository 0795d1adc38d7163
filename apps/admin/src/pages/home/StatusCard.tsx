import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import CheckCircleOutlinedIcon from '@mui/icons-material/CheckCircleOutlined';
import ErrorOutlinedIcon from '@mui/icons-material/ErrorOutlined';
import { HomeSummaryDocument } from '../../graphql/generated';

/** API status, and the provinces in force today. */
export function StatusCard() {
  const { t, i18n } = useTranslation();
  const { data, loading, error, refetch } = useQuery(HomeSummaryDocument, { notifyOnNetworkStatusChange: true });
  const units = data?.administrativeUnits;
  const today = new Intl.DateTimeFormat(i18n.resolvedLanguage === 'en' ? 'en-GB' : 'vi-VN', { dateStyle: 'long' }).format(new Date());

  // The API answers errors in the requested language: ask again when the language changes.
  const language = i18n.resolvedLanguage;
  const previousLanguage = useRef(language);
  useEffect(() => {
    if (previousLanguage.current !== language && error) void refetch();
    previousLanguage.current = language;
  }, [language, error, refetch]);

  // The API answered with an error, or could not be reached at all.
  const answered = error && (CombinedGraphQLErrors.is(error) || ServerError.is(error));
  const status = error ? (
    <Chip
      color="error"
      variant="outlined"
      icon={<ErrorOutlinedIcon />}
      label={t(answered ? 'status.apiError' : 'status.unreachable')}
      data-testid="api-status"
    />
  ) : units ? (
    <Chip color="success" variant="outlined" icon={<CheckCircleOutlinedIcon />} label={t('status.connected')} data-testid="api-status" />
  ) : null;

  return (
    <Card component="section" aria-labelledby="status-card-title" data-testid="status-card">
      <CardHeader
        title={t('status.title')}
        slotProps={{ title: { id: 'status-card-title', variant: 'h2', component: 'h2' } }}
        action={status}
      />
      {loading && <LinearProgress aria-label={t('status.loading')} />}
      <CardContent>
        {error && (
          <Alert
            severity="error"
            sx={{ mb: 2 }}
            action={
              <Button color="inherit" size="small" onClick={() => void refetch()}>
                {t('status.retry')}
              </Button>
            }
          >
            {error.message}
          </Alert>
        )}
        {loading && !units && <Typography color="text.secondary">{t('status.loading')}</Typography>}
        {units && (
          <>
            <Box sx={{ display: 'flex', alignItems: 'baseline', flexWrap: 'wrap', gap: 1, mb: 2 }}>
              <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 500 }}>
                {t('status.provincesInForce', { date: today })}
              </Typography>
              <Typography variant="body2" color="text.secondary" data-testid="province-count">
                {t('status.provinceCount', { count: units.totalCount })}
                {units.edges.length < units.totalCount && ` · ${t('status.shownOf', { shown: units.edges.length, total: units.totalCount })}`}
              </Typography>
            </Box>
            {units.edges.length === 0 ? (
              <Typography color="text.secondary">{t('status.empty')}</Typography>
            ) : (
              <Box
                component="ul"
                data-testid="province-list"
                sx={{
                  listStyle: 'none',
                  m: 0,
                  p: 0,
                  display: 'grid',
                  gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
                  gap: 1,
                }}
              >
                {units.edges.map(({ node }) => (
                  <Box
                    component="li"
                    key={node.id}
                    data-testid="province-item"
                    sx={{
                      display: 'flex',
                      justifyContent: 'space-between',
                      alignItems: 'center',
                      gap: 1,
                      px: 1.5,
                      py: 1,
                      border: 1,
                      borderColor: 'divider',
                      borderRadius: 1,
                      bgcolor: 'background.paper',
                    }}
                  >
                    <Typography variant="body2" noWrap title={node.name}>
                      {node.name}
                    </Typography>
                    <Typography variant="caption" color="text.secondary" sx={{ fontFamily: 'monospace', flexShrink: 0 }} aria-label={t('status.code', { code: node.code })}>
                      {node.code}
                    </Typography>
                  </Box>
                ))}
              </Box>
            )}
          </>
        )}
      </CardContent>
    </Card>
  );
}
