import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Snackbar from '@mui/material/Snackbar';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import LockResetIcon from '@mui/icons-material/LockReset';
import PersonOffIcon from '@mui/icons-material/PersonOffOutlined';
import { GridActionsCellItem, type GridColDef } from '@mui/x-data-grid';
import { ListGrid } from '../../components/ListGrid';
import { ListToolbar } from '../../components/ListToolbar';
import { UsersDocument, type Role, type UserRowFragment } from '../../graphql/generated';
import { apiProblem } from '../../graphql/errors';
import { useCursorPages, useRememberPage } from '../../hooks/useCursorPages';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useSession } from '../auth/SessionContext';
import { ROLES } from './labels';
import { UserCreateDialog } from './UserCreateDialog';
import { DeactivateUserDialog, ResetPasswordDialog } from './UserDialogs';

const PARAM = { search: 'q', role: 'role', includeInactive: 'inactive' } as const;

type Dialog = { kind: 'create' } | { kind: 'deactivate' | 'reset'; user: UserRowFragment } | null;

/** Người dùng: the users of the administrator's scope, by name and role; create, deactivate, reset a password. */
export function UsersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('administration.sections.users'));
  const { user: me } = useSession();
  const [params, setParams] = useSearchParams();
  const search = params.get(PARAM.search) ?? '';
  const role = ROLES.find((r) => r === params.get(PARAM.role)) ?? null;
  const includeInactive = params.get(PARAM.includeInactive) === '1';
  const setParam = useCallback(
    (key: keyof typeof PARAM, value: string) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (value) next.set(PARAM[key], value);
          else next.delete(PARAM[key]);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  const pages = useCursorPages(JSON.stringify([search, role, includeInactive]));
  const { data, previousData, loading, error } = useQuery(UsersDocument, {
    variables: { first: pages.first, after: pages.after, filter: { search: search || null, role, includeInactive: includeInactive || null } },
  });
  const connection = (data ?? previousData)?.users;
  useRememberPage(pages.rememberPage, pages.pagination.page, data?.users.pageInfo.endCursor);

  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const close = () => setDialog(null);

  const columns = useMemo<GridColDef<UserRowFragment>[]>(
    () => [
      {
        field: 'username',
        headerName: t('administration.users.fields.username'),
        minWidth: 150,
        flex: 1,
        renderCell: (p) => (
          <Typography variant="body2" component="span" sx={{ fontWeight: 500 }}>
            {p.row.username}
          </Typography>
        ),
      },
      { field: 'displayName', headerName: t('administration.users.fields.displayName'), minWidth: 180, flex: 1.5 },
      {
        field: 'roles',
        headerName: t('administration.users.fields.roles'),
        minWidth: 170,
        flex: 1.3,
        valueGetter: (_v, row) => row.roles.map((r) => t(`roles.${r}`)).join(', '),
        renderCell: (p) => (
          <Box sx={{ display: 'flex', gap: 0.5, alignItems: 'center', height: '100%', overflow: 'hidden' }}>
            {p.row.roles.map((r) => (
              <Chip key={r} size="small" label={t(`roles.${r}`)} />
            ))}
          </Box>
        ),
      },
      {
        field: 'scope',
        headerName: t('administration.users.fields.scope'),
        minWidth: 140,
        flex: 1,
        valueGetter: (_v, row) => row.scope?.name ?? t('user.national'),
      },
      {
        field: 'workplace',
        headerName: t('administration.users.fields.workplace'),
        minWidth: 160,
        flex: 1.4,
        valueGetter: (_v, row) => row.postOffice?.name ?? row.oneStopDesk?.name ?? row.agency?.name ?? '—',
      },
      {
        field: 'active',
        headerName: t('organisation.fields.status'),
        minWidth: 130,
        renderCell: (p) =>
          p.row.active ? (
            <Chip size="small" color="success" variant="outlined" label={t('administration.users.active')} data-testid="user-status" />
          ) : (
            <Chip size="small" variant="outlined" label={t('administration.users.inactive')} data-testid="user-status" />
          ),
      },
      {
        field: 'actions',
        type: 'actions',
        headerName: t('administration.users.actions'),
        minWidth: 100,
        getActions: ({ row }) => [
          <GridActionsCellItem
            key="reset"
            icon={<LockResetIcon />}
            label={t('administration.users.resetFor', { username: row.username })}
            title={t('administration.users.reset')}
            onClick={() => setDialog({ kind: 'reset', user: row })}
            data-testid="user-reset"
          />,
          ...(row.active && row.id !== me?.id
            ? [
                <GridActionsCellItem
                  key="deactivate"
                  icon={<PersonOffIcon />}
                  label={t('administration.users.deactivateFor', { username: row.username })}
                  title={t('administration.users.deactivate')}
                  onClick={() => setDialog({ kind: 'deactivate', user: row })}
                  data-testid="user-deactivate"
                />,
              ]
            : []),
        ],
      },
    ],
    [t, me?.id],
  );

  return (
    <>
      <ListToolbar
        search={search}
        onSearch={(text) => setParam('search', text)}
        searchLabel={t('administration.users.search')}
        searchTestId="users-search"
        countText={connection ? t('administration.users.count', { count: connection.totalCount }) : ''}
        action={
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => setDialog({ kind: 'create' })} data-testid="create-user">
            {t('administration.users.create')}
          </Button>
        }
      >
        <TextField
          select
          size="small"
          label={t('administration.users.fields.roles')}
          value={role ?? ''}
          onChange={(e) => setParam('role', e.target.value)}
          sx={{ flex: '0 1 220px', minWidth: 180 }}
          slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'users-role' } as object } }}
        >
          <MenuItem value="">{t('organisation.filters.all')}</MenuItem>
          {ROLES.map((r: Role) => (
            <MenuItem key={r} value={r}>
              {t(`roles.${r}`)}
            </MenuItem>
          ))}
        </TextField>
        <FormControlLabel
          control={
            <Switch
              checked={includeInactive}
              onChange={(e) => setParam('includeInactive', e.target.checked ? '1' : '')}
              slotProps={{ input: { 'data-testid': 'users-include-inactive' } as object }}
            />
          }
          label={t('administration.users.includeInactive')}
          sx={{ mr: 0 }}
        />
      </ListToolbar>
      <ListGrid
        genericForbidden
        label={t('administration.sections.users')}
        testId="users-grid"
        rows={connection?.edges.map((e) => e.node) ?? []}
        columns={columns}
        rowCount={connection?.totalCount ?? 0}
        loading={loading}
        problem={apiProblem(error)}
        pagination={pages.pagination}
        onPaginationModelChange={pages.onPaginationModelChange}
      />
      {dialog?.kind === 'create' && (
        <UserCreateDialog
          onClose={close}
          onCreated={(created) => {
            close();
            setNotice(t('administration.users.created', { username: created.username }));
          }}
        />
      )}
      {dialog?.kind === 'deactivate' && (
        <DeactivateUserDialog
          user={dialog.user}
          onClose={close}
          onDone={() => {
            close();
            setNotice(t('administration.users.deactivated', { username: dialog.user.username }));
          }}
        />
      )}
      {dialog?.kind === 'reset' && (
        <ResetPasswordDialog
          user={dialog.user}
          onClose={close}
          onDone={() => {
            close();
            setNotice(t('administration.users.passwordReset', { username: dialog.user.username }));
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
    </>
  );
}
