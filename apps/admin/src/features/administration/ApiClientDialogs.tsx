import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import {
  ApiClientProvincesDocument,
  CreateApiClientDocument,
  RevokeApiClientDocument,
  RotateApiClientSecretDocument,
  UpdateApiClientDocument,
  type ApiClientRowFragment,
  type ApiClientScope,
} from '../../graphql/generated';
import { ConfirmBox } from '../../components/ConfirmBox';
import { fieldHelp } from '../../components/FieldHelp';
import { FormDialog } from '../../components/FormDialog';
import { formatDateTime } from '../../dates';
import { useFormState } from '../../hooks/useFormState';

export const API_CLIENT_SCOPES: readonly ApiClientScope[] = ['SUBMIT_DOSSIERS', 'READ_OWN_DOSSIERS', 'READ_CATALOGUE'];
/** The API's defaults and bounds (modules/api-clients). */
const DEFAULT_REQUESTS_PER_HOUR = 3600;
const DEFAULT_COST_PER_HOUR = 500_000;

/** A new client's credentials, or a rotated secret: what the portal needs, shown once. */
export interface Credentials {
  name: string;
  clientId: string;
  clientSecret: string;
  rotated: boolean;
}

/** A number field of the form: digits only, '' while empty. */
const digits = (text: string) => text.replace(/\D/g, '').slice(0, 9);

/**
 * Thêm / Sửa ứng dụng kết nối: who runs the portal, whom to call, what it may do, for which province
 * (a national administrator picks it; a province's administrator registers for their own) and its
 * hourly limits. The API checks every field and names the one it refuses.
 */
export function ApiClientFormDialog({
  client,
  national,
  onClose,
  onCreated,
  onSaved,
}: {
  client: ApiClientRowFragment | null;
  national: boolean;
  onClose: () => void;
  onCreated: (credentials: Credentials) => void;
  onSaved: (name: string) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(client?.name ?? '');
  const [owner, setOwner] = useState(client?.ownerOrganisation ?? '');
  const [contactName, setContactName] = useState(client?.contact.name ?? '');
  const [email, setEmail] = useState(client?.contact.email ?? '');
  const [phone, setPhone] = useState(client?.contact.phone ?? '');
  const [scopes, setScopes] = useState<ApiClientScope[]>(client ? [...client.scopes] : ['SUBMIT_DOSSIERS', 'READ_OWN_DOSSIERS', 'READ_CATALOGUE']);
  const [provinceId, setProvinceId] = useState(client?.provinces[0]?.id ?? '');
  const [requests, setRequests] = useState(String(client?.requestsPerHour ?? DEFAULT_REQUESTS_PER_HOUR));
  const [cost, setCost] = useState(String(client?.costPerHour ?? DEFAULT_COST_PER_HOUR));
  const provinces = useQuery(ApiClientProvincesDocument, { skip: !national || Boolean(client) });
  const [create] = useMutation(CreateApiClientDocument, { refetchQueries: ['ApiClients'] });
  const [update] = useMutation(UpdateApiClientDocument);
  const form = useFormState();

  const submit = () => {
    const missing = t('form.required');
    if (
      !form.check({
        name: !name.trim() && missing,
        ownerOrganisation: !owner.trim() && missing,
        'contact.name': !contactName.trim() && missing,
        'contact.email': !email.trim() && missing,
        scopes: scopes.length === 0 && t('administration.apiClients.scopesRequired'),
        provinceIds: national && !client && !provinceId && missing,
        requestsPerHour: !requests && missing,
        costPerHour: !cost && missing,
      })
    )
      return;
    const common = {
      name: name.trim(),
      ownerOrganisation: owner.trim(),
      contact: { name: contactName.trim(), email: email.trim(), phone: phone.trim() || null },
      scopes,
      requestsPerHour: Number(requests),
      costPerHour: Number(cost),
    };
    void form.run(async () => {
      if (client) {
        await update({ variables: { input: { id: client.id, version: client.version, ...common } } });
        onSaved(common.name);
      } else {
        const result = await create({ variables: { input: { ...common, provinceIds: national ? [provinceId] : null } } });
        const created = result.data?.createApiClient;
        if (created) onCreated({ name: created.apiClient.name, clientId: created.apiClient.clientId, clientSecret: created.clientSecret, rotated: false });
      }
    });
  };

  const text = (label: string, value: string, set: (v: string) => void, field: string, testId: string, extra: { required?: boolean; hint?: string; max?: number; type?: string } = {}) => (
    <TextField
      label={label}
      value={value}
      onChange={(e) => set(e.target.value)}
      required={extra.required}
      type={extra.type}
      {...fieldHelp({ hint: extra.hint, error: form.message(field), max: extra.max })}
      slotProps={{ htmlInput: { 'data-testid': testId, maxLength: extra.max } }}
    />
  );

  return (
    <FormDialog
      title={client ? t('administration.apiClients.editTitle', { name: client.name }) : t('administration.apiClients.createTitle')}
      submitLabel={client ? t('form.save') : t('administration.apiClients.createSubmit')}
      busy={form.busy}
      problem={form.problem}
      fields={['name', 'ownerOrganisation', 'contact.name', 'contact.email', 'contact.phone', 'scopes', 'provinceIds', 'requestsPerHour', 'costPerHour']}
      onSubmit={submit}
      onClose={onClose}
      maxWidth="md"
      dividers
      testId="api-client-form"
    >
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <Box sx={{ flex: 1, display: 'grid', gap: 2, alignContent: 'start' }}>
          {text(t('administration.apiClients.fields.name'), name, setName, 'name', 'api-client-name', { required: true, max: 200, hint: t('administration.apiClients.nameHint') })}
          {text(t('administration.apiClients.fields.owner'), owner, setOwner, 'ownerOrganisation', 'api-client-owner', { required: true, max: 300 })}
          {national && !client && (
            <TextField
              select
              required
              label={t('administration.apiClients.fields.province')}
              value={provinceId}
              onChange={(e) => setProvinceId(e.target.value)}
              {...fieldHelp({ error: form.message('provinceIds') })}
              slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'api-client-province' } }}
            >
              <MenuItem value="" disabled>
                {t('form.choose')}
              </MenuItem>
              {provinces.data?.administrativeUnits.edges.map(({ node }) => (
                <MenuItem key={node.id} value={node.id}>
                  {node.name}
                </MenuItem>
              ))}
            </TextField>
          )}
          <FormControl error={Boolean(form.message('scopes'))} component="fieldset" variant="standard">
            <FormLabel component="legend">{t('administration.apiClients.fields.scopes')}</FormLabel>
            <FormGroup>
              {API_CLIENT_SCOPES.map((scope) => (
                <FormControlLabel
                  key={scope}
                  control={
                    <Checkbox
                      checked={scopes.includes(scope)}
                      onChange={(e) => setScopes((prev) => (e.target.checked ? API_CLIENT_SCOPES.filter((s) => s === scope || prev.includes(s)) : prev.filter((s) => s !== scope)))}
                      slotProps={{ input: { 'data-testid': `api-client-scope-${scope}` } as object }}
                    />
                  }
                  label={t(`administration.apiClients.scopes.${scope}`)}
                />
              ))}
            </FormGroup>
            {form.message('scopes') && <FormHelperText>{form.message('scopes')}</FormHelperText>}
          </FormControl>
        </Box>
        <Box sx={{ flex: 1, display: 'grid', gap: 2, alignContent: 'start' }}>
          <Typography variant="subtitle2">{t('administration.apiClients.contactTitle')}</Typography>
          {text(t('administration.apiClients.fields.contactName'), contactName, setContactName, 'contact.name', 'api-client-contact-name', { required: true, max: 200 })}
          {text(t('administration.apiClients.fields.email'), email, setEmail, 'contact.email', 'api-client-email', { required: true, max: 320, type: 'email' })}
          {text(t('administration.apiClients.fields.phone'), phone, setPhone, 'contact.phone', 'api-client-phone', { max: 30 })}
          <Typography variant="subtitle2">{t('administration.apiClients.limitsTitle')}</Typography>
          {text(t('administration.apiClients.fields.requestsPerHour'), requests, (v) => setRequests(digits(v)), 'requestsPerHour', 'api-client-requests', {
            required: true,
            hint: t('administration.apiClients.requestsHint', { value: DEFAULT_REQUESTS_PER_HOUR.toLocaleString('vi-VN') }),
          })}
          {text(t('administration.apiClients.fields.costPerHour'), cost, (v) => setCost(digits(v)), 'costPerHour', 'api-client-cost', {
            required: true,
            hint: t('administration.apiClients.costHint', { value: DEFAULT_COST_PER_HOUR.toLocaleString('vi-VN') }),
          })}
        </Box>
      </Stack>
    </FormDialog>
  );
}

/**
 * The credentials a portal needs, shown once: the client id and the secret, each with a copy button.
 * The secret is stored only as a hash; closing this dialog is the last time anyone sees it.
 */
export function SecretDialog({ credentials, onClose }: { credentials: Credentials; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <OneTimeSecretDialog
      title={credentials.rotated ? t('administration.apiClients.rotatedTitle', { name: credentials.name }) : t('administration.apiClients.createdTitle', { name: credentials.name })}
      lines={[
        { label: t('administration.apiClients.fields.clientId'), value: credentials.clientId, testId: 'api-client-id-value' },
        { label: t('administration.apiClients.fields.secret'), value: credentials.clientSecret, testId: 'api-client-secret-value' },
      ]}
      warning={t('administration.apiClients.secretOnce')}
      note={credentials.rotated ? t('administration.apiClients.graceNote') : undefined}
      onClose={onClose}
      testId="api-client-secret"
    />
  );
}

/**
 * A secret shown once (a client's secret, a webhook endpoint's signing key): each value with a copy
 * button, a warning that it cannot be shown again, and a tick "I have saved it" before the dialog closes.
 * `<testId>-dialog`, `<testId>-saved`, `<testId>-close`; each line's own test id and `<its id>-copy`.
 */
export function OneTimeSecretDialog({
  title,
  lines,
  warning,
  note,
  onClose,
  testId,
}: {
  title: string;
  lines: readonly { label: string; value: string; testId: string }[];
  warning: string;
  note?: string;
  onClose: () => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const copy = (label: string, value: string) => {
    void navigator.clipboard?.writeText(value).then(
      () => setCopied(label),
      () => setCopied(null),
    );
  };
  return (
    <Dialog open maxWidth="sm" fullWidth aria-labelledby={`${testId}-title`} data-testid={`${testId}-dialog`}>
      <DialogTitle id={`${testId}-title`}>{title}</DialogTitle>
      <DialogContent sx={{ display: 'grid', gap: 2 }}>
        <Alert severity="warning">{warning}</Alert>
        {lines.map((line) => (
          <Box key={line.testId}>
            <Typography variant="caption" color="text.secondary">
              {line.label}
            </Typography>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <Box
                component="code"
                data-testid={line.testId}
                sx={{ flex: 1, p: 1, bgcolor: 'grey.100', borderRadius: 1, fontFamily: '"Roboto Mono", monospace', fontSize: '0.875rem', overflowWrap: 'anywhere', userSelect: 'all' }}
              >
                {line.value}
              </Box>
              <Tooltip title={copied === line.label ? t('administration.apiClients.copied') : t('administration.apiClients.copy')}>
                <IconButton aria-label={t('administration.apiClients.copyWhat', { what: line.label })} onClick={() => copy(line.label, line.value)} data-testid={`${line.testId}-copy`}>
                  <ContentCopyIcon fontSize="small" />
                </IconButton>
              </Tooltip>
            </Stack>
          </Box>
        ))}
        {note && <Typography variant="body2">{note}</Typography>}
        <ConfirmBox checked={saved} onChange={setSaved} label={t('administration.apiClients.savedConfirm')} testId={`${testId}-saved`} />
      </DialogContent>
      <DialogActions>
        <Button variant="contained" disabled={!saved} onClick={onClose} data-testid={`${testId}-close`}>
          {t('administration.apiClients.secretClose')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** Đổi khóa bí mật: a new secret (shown once); the previous one keeps working for 24 hours. */
export function RotateDialog({ client, onClose, onRotated }: { client: ApiClientRowFragment; onClose: () => void; onRotated: (credentials: Credentials) => void }) {
  const { t } = useTranslation();
  const [rotate] = useMutation(RotateApiClientSecretDocument);
  const form = useFormState();
  const submit = () =>
    void form.run(async () => {
      const result = await rotate({ variables: { input: { id: client.id, version: client.version } } });
      const rotated = result.data?.rotateApiClientSecret;
      if (rotated) onRotated({ name: rotated.apiClient.name, clientId: rotated.apiClient.clientId, clientSecret: rotated.clientSecret, rotated: true });
    });
  return (
    <FormDialog
      title={t('administration.apiClients.rotateTitle', { name: client.name })}
      submitLabel={t('administration.apiClients.rotateSubmit')}
      busy={form.busy}
      problem={form.problem}
      fields={[]}
      onSubmit={submit}
      onClose={onClose}
      testId="api-client-rotate"
    >
      <Typography variant="body2">{t('administration.apiClients.rotateExplain')}</Typography>
      {client.previousSecretValidUntil && (
        <Alert severity="info">{t('administration.apiClients.rotateAgain', { until: formatDateTime(client.previousSecretValidUntil) })}</Alert>
      )}
    </FormDialog>
  );
}

/** Thu hồi: final and at once; the client gets no token and the tokens it holds stop working. */
export function RevokeDialog({ client, onClose, onRevoked }: { client: ApiClientRowFragment; onClose: () => void; onRevoked: () => void }) {
  const { t } = useTranslation();
  const [sure, setSure] = useState(false);
  const [revoke] = useMutation(RevokeApiClientDocument);
  const form = useFormState(onRevoked);
  const submit = () => {
    if (!form.check({ confirm: !sure && t('administration.apiClients.revokeConfirmRequired') })) return;
    void form.run(() => revoke({ variables: { input: { id: client.id, version: client.version } } }));
  };
  return (
    <FormDialog
      title={t('administration.apiClients.revokeTitle', { name: client.name })}
      submitLabel={t('administration.apiClients.revokeSubmit')}
      tone="error"
      busy={form.busy}
      problem={form.problem}
      fields={['confirm']}
      onSubmit={submit}
      onClose={onClose}
      testId="api-client-revoke"
    >
      <Alert severity="warning">{t('administration.apiClients.revokeWarning', { name: client.name, owner: client.ownerOrganisation })}</Alert>
      <ConfirmBox checked={sure} onChange={setSure} label={t('administration.apiClients.revokeConfirm')} error={form.message('confirm')} testId="api-client-revoke-confirm" />
    </FormDialog>
  );
}
