import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@apollo/client/react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import KeyOutlined from '@mui/icons-material/KeyOutlined';
import {
  CreateWebhookEndpointDocument,
  DeleteWebhookEndpointDocument,
  RotateWebhookEndpointSecretDocument,
  UpdateWebhookEndpointDocument,
  type WebhookEndpointRowFragment,
} from '../../graphql/generated';
import { fieldHelp } from '../../components/FieldHelp';
import { FormDialog } from '../../components/FormDialog';
import { formatDate } from '../../dates';
import { useFormState } from '../../hooks/useFormState';
import { OneTimeSecretDialog } from './ApiClientDialogs';

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit' | 'rotate' | 'remove'; endpoint: WebhookEndpointRowFragment }
  | { kind: 'secret'; signingSecret: string; url: string }
  | null;

const mono = { fontFamily: '"Roboto Mono", monospace', fontSize: '0.8125rem', overflowWrap: 'anywhere' } as const;

/**
 * Địa chỉ nhận thông báo: where the client's dossiers' changes are pushed. Adding one or making a new
 * signing key shows the key once; pausing keeps the endpoint and stops sending; removing keeps its log.
 */
export function WebhookEndpointsSection({
  client,
  endpoints,
  canEdit,
  onChanged,
  onNotice,
}: {
  client: { id: string; name: string };
  endpoints: readonly WebhookEndpointRowFragment[];
  canEdit: boolean;
  onChanged: () => void;
  onNotice: (text: string) => void;
}) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  return (
    <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 } }} data-testid="webhook-endpoints">
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap', mb: 1 }}>
        <Typography variant="h2" component="h3" sx={{ fontSize: '1.25rem', flex: '1 1 300px' }}>
          {t('apiClient.endpoints.title')}
        </Typography>
        {canEdit && (
          <Button variant="outlined" startIcon={<AddIcon />} onClick={() => setDialog({ kind: 'create' })} data-testid="webhook-endpoint-add">
            {t('apiClient.endpoints.add')}
          </Button>
        )}
      </Box>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t('apiClient.endpoints.intro')}
      </Typography>
      {endpoints.length === 0 ? (
        <Typography variant="body2" data-testid="webhook-endpoints-none">
          {t('apiClient.endpoints.none')}
        </Typography>
      ) : (
        <Stack component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }}>
          {endpoints.map((endpoint) => (
            <Box
              component="li"
              key={endpoint.id}
              data-testid="webhook-endpoint"
              data-url={endpoint.url}
              sx={{ display: 'flex', gap: 1.5, alignItems: 'center', flexWrap: 'wrap', py: 1.25, borderTop: 1, borderColor: 'divider' }}
            >
              <Box sx={{ flex: '1 1 260px', minWidth: 0 }}>
                <Box component="code" sx={mono}>
                  {endpoint.url}
                </Box>
                <Typography variant="caption" color="text.secondary" component="div">
                  {[endpoint.description, t('apiClient.endpoints.createdAt', { at: formatDate(endpoint.createdAt) })].filter(Boolean).join(' · ')}
                </Typography>
              </Box>
              <Chip
                size="small"
                variant="outlined"
                color={endpoint.active ? 'success' : 'default'}
                label={endpoint.active ? t('apiClient.endpoints.active') : t('apiClient.endpoints.paused')}
                data-testid="webhook-endpoint-status"
              />
              {canEdit && (
                <Box sx={{ display: 'flex' }}>
                  <Tooltip title={t('apiClient.endpoints.edit')}>
                    <IconButton aria-label={t('apiClient.endpoints.editFor', { url: endpoint.url })} onClick={() => setDialog({ kind: 'edit', endpoint })} data-testid="webhook-endpoint-edit">
                      <EditOutlined fontSize="small" />
                    </IconButton>
                  </Tooltip>
                  <Tooltip title={t('apiClient.endpoints.rotate')}>
                    <IconButton aria-label={t('apiClient.endpoints.rotateFor', { url: endpoint.url })} onClick={() => setDialog({ kind: 'rotate', endpoint })} data-testid="webhook-endpoint-rotate">
                      <KeyOutlined fontSize="small" />
                    </IconButton>
                  </Tooltip>
                  <Tooltip title={t('apiClient.endpoints.remove')}>
                    <IconButton aria-label={t('apiClient.endpoints.removeFor', { url: endpoint.url })} onClick={() => setDialog({ kind: 'remove', endpoint })} data-testid="webhook-endpoint-remove">
                      <DeleteOutline fontSize="small" />
                    </IconButton>
                  </Tooltip>
                </Box>
              )}
            </Box>
          ))}
        </Stack>
      )}
      {(dialog?.kind === 'create' || dialog?.kind === 'edit') && (
        <EndpointFormDialog
          client={client}
          endpoint={dialog.kind === 'edit' ? dialog.endpoint : null}
          onClose={close}
          onCreated={(signingSecret, url) => {
            onChanged();
            setDialog({ kind: 'secret', signingSecret, url });
          }}
          onSaved={() => {
            close();
            onChanged();
            onNotice(t('apiClient.endpoints.saved'));
          }}
        />
      )}
      {dialog?.kind === 'rotate' && <RotateEndpointDialog endpoint={dialog.endpoint} onClose={close} onRotated={(signingSecret) => setDialog({ kind: 'secret', signingSecret, url: dialog.endpoint.url })} />}
      {dialog?.kind === 'remove' && (
        <RemoveEndpointDialog
          endpoint={dialog.endpoint}
          onClose={close}
          onRemoved={() => {
            close();
            onChanged();
            onNotice(t('apiClient.endpoints.removed', { url: dialog.endpoint.url }));
          }}
        />
      )}
      {dialog?.kind === 'secret' && (
        <OneTimeSecretDialog
          title={t('apiClient.endpoints.secretTitle')}
          lines={[
            { label: t('apiClient.endpoints.url'), value: dialog.url, testId: 'webhook-endpoint-url-value' },
            { label: t('apiClient.endpoints.secretLabel'), value: dialog.signingSecret, testId: 'webhook-secret-value' },
          ]}
          warning={t('apiClient.endpoints.secretOnce')}
          note={t('apiClient.endpoints.secretNote')}
          onClose={close}
          testId="webhook-secret"
        />
      )}
    </Paper>
  );
}

/** Thêm / Sửa địa chỉ nhận: the address (HTTPS; the API names what it refuses), a note, and sending on or paused. */
function EndpointFormDialog({
  client,
  endpoint,
  onClose,
  onCreated,
  onSaved,
}: {
  client: { id: string; name: string };
  endpoint: WebhookEndpointRowFragment | null;
  onClose: () => void;
  onCreated: (signingSecret: string, url: string) => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [url, setUrl] = useState(endpoint?.url ?? '');
  const [description, setDescription] = useState(endpoint?.description ?? '');
  const [active, setActive] = useState(endpoint?.active ?? true);
  const [create] = useMutation(CreateWebhookEndpointDocument);
  const [update] = useMutation(UpdateWebhookEndpointDocument);
  const form = useFormState();
  const submit = () => {
    if (!form.check({ url: !url.trim() && t('form.required') })) return;
    void form.run(async () => {
      if (endpoint) {
        await update({ variables: { input: { id: endpoint.id, url: url.trim(), description: description.trim(), active } } });
        onSaved();
      } else {
        const result = await create({ variables: { input: { clientId: client.id, url: url.trim(), description: description.trim() || null } } });
        const created = result.data?.createWebhookEndpoint;
        if (created) onCreated(created.signingSecret, created.endpoint.url);
      }
    });
  };
  return (
    <FormDialog
      title={endpoint ? t('apiClient.endpoints.editTitle') : t('apiClient.endpoints.addTitle', { name: client.name })}
      submitLabel={endpoint ? t('form.save') : t('apiClient.endpoints.add')}
      busy={form.busy}
      problem={form.problem}
      fields={['url', 'description', 'active']}
      onSubmit={submit}
      onClose={onClose}
      testId="webhook-endpoint-form"
    >
      <TextField
        label={t('apiClient.endpoints.url')}
        value={url}
        required
        type="url"
        onChange={(e) => setUrl(e.target.value)}
        {...fieldHelp({ hint: t('apiClient.endpoints.urlHint'), error: form.message('url'), max: 2000 })}
        slotProps={{ htmlInput: { 'data-testid': 'webhook-endpoint-url', maxLength: 2000, spellCheck: false } }}
      />
      <TextField
        label={t('apiClient.endpoints.description')}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        {...fieldHelp({ error: form.message('description'), max: 200 })}
        slotProps={{ htmlInput: { 'data-testid': 'webhook-endpoint-description', maxLength: 200 } }}
      />
      {endpoint && (
        <FormControlLabel
          control={<Switch checked={active} onChange={(e) => setActive(e.target.checked)} slotProps={{ input: { 'data-testid': 'webhook-endpoint-active' } as object }} />}
          label={t('apiClient.endpoints.activeLabel')}
        />
      )}
    </FormDialog>
  );
}

function RotateEndpointDialog({ endpoint, onClose, onRotated }: { endpoint: WebhookEndpointRowFragment; onClose: () => void; onRotated: (signingSecret: string) => void }) {
  const { t } = useTranslation();
  const [rotate] = useMutation(RotateWebhookEndpointSecretDocument);
  const form = useFormState();
  const submit = () =>
    void form.run(async () => {
      const result = await rotate({ variables: { input: { id: endpoint.id } } });
      const rotated = result.data?.rotateWebhookEndpointSecret;
      if (rotated) onRotated(rotated.signingSecret);
    });
  return (
    <FormDialog
      title={t('apiClient.endpoints.rotateTitle')}
      submitLabel={t('apiClient.endpoints.rotateSubmit')}
      busy={form.busy}
      problem={form.problem}
      fields={[]}
      onSubmit={submit}
      onClose={onClose}
      testId="webhook-endpoint-rotate-form"
    >
      <Box component="code" sx={mono}>
        {endpoint.url}
      </Box>
      <Typography variant="body2">{t('apiClient.endpoints.rotateExplain')}</Typography>
    </FormDialog>
  );
}

function RemoveEndpointDialog({ endpoint, onClose, onRemoved }: { endpoint: WebhookEndpointRowFragment; onClose: () => void; onRemoved: () => void }) {
  const { t } = useTranslation();
  const [remove] = useMutation(DeleteWebhookEndpointDocument);
  const form = useFormState(onRemoved);
  const submit = () => void form.run(() => remove({ variables: { input: { id: endpoint.id } } }));
  return (
    <FormDialog
      title={t('apiClient.endpoints.removeTitle')}
      submitLabel={t('apiClient.endpoints.removeSubmit')}
      tone="error"
      busy={form.busy}
      problem={form.problem}
      fields={[]}
      onSubmit={submit}
      onClose={onClose}
      testId="webhook-endpoint-remove-form"
    >
      <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
        {t('apiClient.endpoints.removeText', { url: endpoint.url })}
      </Typography>
    </FormDialog>
  );
}
