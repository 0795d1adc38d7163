import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Snackbar from '@mui/material/Snackbar';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import BlockOutlined from '@mui/icons-material/BlockOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import KeyOutlined from '@mui/icons-material/KeyOutlined';
import { ApiClientPageDocument } from '../../graphql/generated';
import { PageCrumbs, RecordPageFallback } from '../../components/RecordPage';
import { formatDate, formatDateTime } from '../../dates';
import { apiProblem } from '../../graphql/errors';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useSession } from '../auth/SessionContext';
import { DetailList } from '../organisation/DetailList';
import { ApiClientFormDialog, RevokeDialog, RotateDialog, SecretDialog, type Credentials } from './ApiClientDialogs';
import { ClientUsageChart } from './ClientUsageChart';
import { WebhookDeliveriesSection } from './WebhookDeliveries';
import { WebhookEndpointsSection } from './WebhookEndpoints';

/** The days of traffic the page charts. */
const USAGE_DAYS = 30;

type Dialog = { kind: 'edit' | 'rotate' | 'revoke' } | { kind: 'secret'; credentials: Credentials } | null;

/**
 * One portal client: who runs it, what it may do and within which limits, its traffic over the last 30
 * days, where its notifications go (webhook endpoints) and the log of their deliveries, with replay.
 */
export function ApiClientPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { user } = useSession();
  const national = user !== null && user.scope === null;
  const { data, loading, error, refetch } = useQuery(ApiClientPageDocument, { variables: { id, days: USAGE_DAYS } });
  const client = data?.apiClient ?? null;
  useDocumentTitle(client?.name ?? t('administration.sections.apiClients'));
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const close = () => setDialog(null);
  const crumbs = (
    <PageCrumbs
      label={t('administration.sections.apiClients')}
      items={[{ label: t('administration.sections.apiClients'), href: '/administration/api-clients' }, client && { label: client.name }]}
    />
  );
  if (!client) {
    return (
      <RecordPageFallback
        crumbs={crumbs}
        problem={apiProblem(error)}
        loading={loading}
        loadingLabel={t('apiClient.loading')}
        skeleton={{ titleWidth: '50%', titleHeight: 48, blocks: [200, 300, 200] }}
        notFound={{ title: t('apiClient.notFound'), backHref: '/administration/api-clients', backLabel: t('apiClient.back'), testId: 'api-client-not-found' }}
      />
    );
  }
  const active = !client.revokedAt;
  return (
    <Stack spacing={2.5} data-testid="api-client-page">
      <Box>
        {crumbs}
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap' }}>
          <Typography variant="h2" component="h2" sx={{ flex: '1 1 320px' }}>
            {client.name}
          </Typography>
          {active && (
            <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
              <Button variant="outlined" startIcon={<EditOutlined />} onClick={() => setDialog({ kind: 'edit' })} data-testid="api-client-page-edit">
                {t('administration.apiClients.edit')}
              </Button>
              <Button variant="outlined" startIcon={<KeyOutlined />} onClick={() => setDialog({ kind: 'rotate' })} data-testid="api-client-page-rotate">
                {t('administration.apiClients.rotate')}
              </Button>
              <Button variant="outlined" color="error" startIcon={<BlockOutlined />} onClick={() => setDialog({ kind: 'revoke' })} data-testid="api-client-page-revoke">
                {t('administration.apiClients.revoke')}
              </Button>
            </Box>
          )}
        </Box>
        <Box sx={{ display: 'flex', gap: 1, mt: 1, flexWrap: 'wrap' }}>
          {active ? (
            <Chip size="small" color="success" variant="outlined" label={t('administration.apiClients.active')} data-testid="api-client-status" />
          ) : (
            <Chip size="small" variant="outlined" label={t('administration.apiClients.revokedOn', { date: formatDate(client.revokedAt) })} data-testid="api-client-status" />
          )}
          {client.scopes.map((s) => (
            <Chip key={s} size="small" label={t(`administration.apiClients.scopesShort.${s}`)} />
          ))}
        </Box>
      </Box>
      <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 } }}>
        <DetailList
          items={[
            { label: t('apiClient.facts.owner'), value: client.ownerOrganisation },
            {
              label: t('apiClient.facts.clientId'),
              value: (
                <Box component="code" sx={{ fontFamily: '"Roboto Mono", monospace' }}>
                  {client.clientId}
                </Box>
              ),
            },
            { label: t('apiClient.facts.provinces'), value: client.provinces.map((p) => p.name).join(', ') },
            { label: t('apiClient.facts.scopes'), value: client.scopes.map((s) => t(`administration.apiClients.scopes.${s}`)).join('; ') },
            {
              label: t('apiClient.facts.limits'),
              value: t('administration.apiClients.limitsShort', { requests: client.requestsPerHour.toLocaleString('vi-VN'), cost: client.costPerHour.toLocaleString('vi-VN') }),
            },
            { label: t('apiClient.facts.contact'), value: [client.contact.name, client.contact.email, client.contact.phone].filter(Boolean).join(' · ') },
            { label: t('apiClient.facts.createdAt'), value: formatDate(client.createdAt) },
            {
              label: t('apiClient.facts.lastUsedAt'),
              value: (
                <>
                  {client.lastUsedAt ? formatDateTime(client.lastUsedAt) : t('administration.apiClients.neverUsed')}
                  {client.previousSecretValidUntil && active && (
                    <Typography variant="caption" color="warning.main" component="div">
                      {t('administration.apiClients.previousUntil', { at: formatDateTime(client.previousSecretValidUntil) })}
                    </Typography>
                  )}
                </>
              ),
            },
          ]}
        />
      </Paper>
      <ClientUsageChart days={client.usage} />
      <WebhookEndpointsSection client={client} endpoints={client.webhookEndpoints} canEdit={active} onChanged={() => void refetch()} onNotice={setNotice} />
      <WebhookDeliveriesSection clientId={client.id} canReplay={active} />
      {dialog?.kind === 'edit' && (
        <ApiClientFormDialog
          client={client}
          national={national}
          onClose={close}
          onCreated={() => undefined}
          onSaved={(name) => {
            close();
            void refetch();
            setNotice(t('administration.apiClients.saved', { name }));
          }}
        />
      )}
      {dialog?.kind === 'rotate' && <RotateDialog client={client} onClose={close} onRotated={(credentials) => setDialog({ kind: 'secret', credentials })} />}
      {dialog?.kind === 'revoke' && (
        <RevokeDialog
          client={client}
          onClose={close}
          onRevoked={() => {
            close();
            void refetch();
            setNotice(t('administration.apiClients.revoked', { name: client.name }));
          }}
        />
      )}
      {dialog?.kind === 'secret' && (
        <SecretDialog
          credentials={dialog.credentials}
          onClose={() => {
            close();
            void refetch();
          }}
        />
      )}
      <Snackbar
        open={notice !== null}
        autoHideDuration={6000}
        onClose={() => setNotice(null)}
        message={notice}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
        slotProps={{ content: { 'data-testid': 'notice' } as object }}
      />
    </Stack>
  );
}
