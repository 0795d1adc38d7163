import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { useQuery } from '@apollo/client/react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import FormControlLabel from '@mui/material/FormControlLabel';
import Snackbar from '@mui/material/Snackbar';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import { GridActionsCellItem, type GridColDef } from '@mui/x-data-grid';
import BlockOutlined from '@mui/icons-material/BlockOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import KeyOutlined from '@mui/icons-material/KeyOutlined';
import { ApiClientsDocument, type ApiClientRowFragment } from '../../graphql/generated';
import { ListGrid } from '../../components/ListGrid';
import { ListToolbar } from '../../components/ListToolbar';
import { formatDateTime } from '../../dates';
import { apiProblem } from '../../graphql/errors';
import { useAddressParams } from '../../hooks/useAddressParams';
import { useCursorPages, useRememberPage } from '../../hooks/useCursorPages';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useSession } from '../auth/SessionContext';
import { ApiClientFormDialog, RevokeDialog, RotateDialog, SecretDialog, type Credentials } from './ApiClientDialogs';

const PARAM = { search: 'q', includeRevoked: 'revoked' } as const;

type Dialog = { kind: 'create' } | { kind: 'edit' | 'rotate' | 'revoke'; client: ApiClientRowFragment } | { kind: 'secret'; credentials: Credentials } | null;

/**
 * Ứng dụng kết nối: the third-party portals (the national and provincial public-service portals, the
 * provinces' one-stop systems) that send the province's online dossiers through the public API. An
 * administrator registers one (its secret shown once, to hand to the portal's technical contact),
 * changes its contact, scopes and hourly limits, rotates its secret, or revokes it.
 */
export function ApiClientsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('administration.sections.apiClients'));
  const { user } = useSession();
  const national = user !== null && user.scope === null;
  const { params, set } = useAddressParams();
  const search = params.get(PARAM.search) ?? '';
  const includeRevoked = params.get(PARAM.includeRevoked) === '1';
  const setParam = (key: keyof typeof PARAM, value: string) => set(PARAM[key], value);
  const pages = useCursorPages(JSON.stringify([search, includeRevoked]));
  const { data, previousData, loading, error } = useQuery(ApiClientsDocument, {
    variables: { first: pages.first, after: pages.after, filter: { search: search || null, includeRevoked: includeRevoked || null } },
  });
  const connection = (data ?? previousData)?.apiClients;
  useRememberPage(pages.rememberPage, pages.pagination.page, data?.apiClients.pageInfo.endCursor);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const close = () => setDialog(null);

  const columns = useMemo<GridColDef<ApiClientRowFragment>[]>(
    () => [
      {
        field: 'name',
        headerName: t('administration.apiClients.fields.name'),
        minWidth: 180,
        flex: 1.5,
        renderCell: (p) => (
          <div>
            <Link component={RouterLink} to={`/administration/api-clients/${p.row.id}`} variant="body2" sx={{ fontWeight: 500 }} aria-label={t('apiClient.open', { name: p.row.name })} data-testid="api-client-link">
              {p.row.name}
            </Link>
            <Typography variant="caption" color="text.secondary">
              {p.row.ownerOrganisation}
            </Typography>
          </div>
        ),
      },
      {
        field: 'clientId',
        headerName: t('administration.apiClients.fields.clientId'),
        minWidth: 180,
        renderCell: (p) => (
          <Box component="code" sx={{ fontFamily: '"Roboto Mono", monospace', fontSize: '0.75rem', overflowWrap: 'anywhere' }}>
            {p.row.clientId}
          </Box>
        ),
      },
      {
        field: 'scopes',
        headerName: t('administration.apiClients.fields.scopes'),
        minWidth: 170,
        flex: 1,
        renderCell: (p) => (
          <div>
            <Stack direction="row" useFlexGap spacing={0.5} sx={{ flexWrap: 'wrap', py: 0.5 }}>
              {p.row.scopes.map((s) => (
                <Chip key={s} size="small" label={t(`administration.apiClients.scopesShort.${s}`)} />
              ))}
            </Stack>
            <Typography variant="caption" color="text.secondary" component="div">
              {t('administration.apiClients.limitsShort', { requests: p.row.requestsPerHour.toLocaleString('vi-VN'), cost: p.row.costPerHour.toLocaleString('vi-VN') })}
            </Typography>
          </div>
        ),
      },
      { field: 'provinces', headerName: t('administration.apiClients.fields.provinces'), minWidth: 130, flex: 1, valueGetter: (_v, row) => row.provinces.map((p) => p.name).join(', ') },
      {
        field: 'contact',
        headerName: t('administration.apiClients.contactTitle'),
        minWidth: 180,
        flex: 1,
        renderCell: (p) => (
          <div>
            <div>{p.row.contact.name}</div>
            <Typography variant="caption" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
              {[p.row.contact.email, p.row.contact.phone].filter(Boolean).join(' · ')}
            </Typography>
          </div>
        ),
      },
      {
        field: 'status',
        headerName: t('organisation.fields.status'),
        minWidth: 190,
        renderCell: (p) => (
          <div>
            {p.row.revokedAt ? (
              <Chip size="small" variant="outlined" label={t('administration.apiClients.revokedOn', { date: formatDateTime(p.row.revokedAt).slice(0, 10) })} data-testid="api-client-status" />
            ) : (
              <Chip size="small" color="success" variant="outlined" label={t('administration.apiClients.active')} data-testid="api-client-status" />
            )}
            <Typography variant="caption" color="text.secondary" component="div">
              {p.row.lastUsedAt ? t('administration.apiClients.lastUsed', { at: formatDateTime(p.row.lastUsedAt) }) : t('administration.apiClients.neverUsed')}
            </Typography>
            {p.row.previousSecretValidUntil && !p.row.revokedAt && (
              <Typography variant="caption" color="warning.main" component="div">
                {t('administration.apiClients.previousUntil', { at: formatDateTime(p.row.previousSecretValidUntil) })}
              </Typography>
            )}
          </div>
        ),
      },
      {
        field: 'actions',
        type: 'actions',
        headerName: t('administration.users.actions'),
        minWidth: 130,
        getActions: ({ row }) =>
          row.revokedAt
            ? []
            : [
                <GridActionsCellItem key="edit" icon={<EditOutlined />} label={t('administration.apiClients.editFor', { name: row.name })} title={t('administration.apiClients.edit')} onClick={() => setDialog({ kind: 'edit', client: row })} data-testid="api-client-edit" />,
                <GridActionsCellItem key="rotate" icon={<KeyOutlined />} label={t('administration.apiClients.rotateFor', { name: row.name })} title={t('administration.apiClients.rotate')} onClick={() => setDialog({ kind: 'rotate', client: row })} data-testid="api-client-rotate-open" />,
                <GridActionsCellItem key="revoke" icon={<BlockOutlined />} label={t('administration.apiClients.revokeFor', { name: row.name })} title={t('administration.apiClients.revoke')} onClick={() => setDialog({ kind: 'revoke', client: row })} data-testid="api-client-revoke-open" />,
              ],
      },
    ],
    [t],
  );
  // A province's administrator registers for their own province only: the column would say the same on every row.
  const shown = national ? columns : columns.filter((c) => c.field !== 'provinces');

  return (
    <>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2, maxWidth: 900 }}>
        {t('administration.apiClients.intro')}
      </Typography>
      <ListToolbar
        search={search}
        onSearch={(text) => setParam('search', text)}
        searchLabel={t('administration.apiClients.search')}
        searchTestId="api-clients-search"
        countText={connection ? t('administration.apiClients.count', { count: connection.totalCount }) : ''}
        action={
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => setDialog({ kind: 'create' })} data-testid="create-api-client">
            {t('administration.apiClients.create')}
          </Button>
        }
      >
        <FormControlLabel
          control={
            <Switch
              checked={includeRevoked}
              onChange={(e) => setParam('includeRevoked', e.target.checked ? '1' : '')}
              slotProps={{ input: { 'data-testid': 'api-clients-include-revoked' } as object }}
            />
          }
          label={t('administration.apiClients.includeRevoked')}
          sx={{ mr: 0 }}
        />
      </ListToolbar>
      <ListGrid
        genericForbidden
        label={t('administration.sections.apiClients')}
        testId="api-clients-grid"
        rows={connection?.edges.map((e) => e.node) ?? []}
        columns={shown}
        rowCount={connection?.totalCount ?? 0}
        loading={loading}
        problem={apiProblem(error)}
        pagination={pages.pagination}
        onPaginationModelChange={pages.onPaginationModelChange}
      />
      {(dialog?.kind === 'create' || dialog?.kind === 'edit') && (
        <ApiClientFormDialog
          client={dialog.kind === 'edit' ? dialog.client : null}
          national={national}
          onClose={close}
          onCreated={(credentials) => setDialog({ kind: 'secret', credentials })}
          onSaved={(name) => {
            close();
            setNotice(t('administration.apiClients.saved', { name }));
          }}
        />
      )}
      {dialog?.kind === 'rotate' && <RotateDialog client={dialog.client} onClose={close} onRotated={(credentials) => setDialog({ kind: 'secret', credentials })} />}
      {dialog?.kind === 'revoke' && (
        <RevokeDialog
          client={dialog.client}
          onClose={close}
          onRevoked={() => {
            close();
            setNotice(t('administration.apiClients.revoked', { name: dialog.client.name }));
          }}
        />
      )}
      {dialog?.kind === 'secret' && <SecretDialog credentials={dialog.credentials} onClose={close} />}
      <Snackbar
        open={notice !== null}
        autoHideDuration={6000}
        onClose={() => setNotice(null)}
        message={notice}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
        slotProps={{ content: { 'data-testid': 'notice' } as object }}
      />
    </>
  );
}
