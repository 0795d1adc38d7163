import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useMutation, useQuery } from '@apollo/client/react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Drawer from '@mui/material/Drawer';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import ReplayIcon from '@mui/icons-material/Replay';
import VisibilityOutlined from '@mui/icons-material/VisibilityOutlined';
import { GridActionsCellItem, type GridColDef } from '@mui/x-data-grid';
import { ReplayWebhookDeliveryDocument, WebhookDeliveriesDocument, type WebhookDeliveryRowFragment, type WebhookDeliveryStatus } from '../../graphql/generated';
import { FilterSelect } from '../../components/FilterSelect';
import { ListGrid } from '../../components/ListGrid';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDateTime } from '../../dates';
import { apiProblem, type ApiProblem } from '../../graphql/errors';
import { useCursorPages, useRememberPage } from '../../hooks/useCursorPages';

const STATUSES: readonly WebhookDeliveryStatus[] = ['PENDING', 'RETRYING', 'DELIVERED', 'FAILED'];
const STATUS_COLOUR: Record<WebhookDeliveryStatus, 'default' | 'info' | 'warning' | 'success' | 'error'> = {
  PENDING: 'info',
  RETRYING: 'warning',
  DELIVERED: 'success',
  FAILED: 'error',
};

/**
 * Why an attempt failed, in the reader's language: the response code column already says "HTTP 503";
 * what the API records for a failure without an answer (the network's own words, in English) becomes
 * one of a few kinds, the original kept as the cell's title for the portal's technical contact.
 */
function attemptError(t: TFunction, attempt: { httpStatus?: number | null; error?: string | null }): { text: string; title?: string } {
  const raw = attempt.error ?? '';
  if (!raw || attempt.httpStatus != null) return { text: '' };
  const kind: 'timeout' | 'refused' | 'unknownHost' | 'tls' | 'interrupted' | 'network' = /timed out/i.test(raw)
    ? 'timeout'
    : /ECONNREFUSED/.test(raw)
      ? 'refused'
      : /ENOTFOUND|EAI_AGAIN/.test(raw)
        ? 'unknownHost'
        : /CERT|SSL|TLS/i.test(raw)
          ? 'tls'
          : /interrupted/.test(raw)
            ? 'interrupted'
            : 'network';
  return { text: t(`apiClient.deliveries.errors.${kind}`), title: raw };
}

/** The payload as sent, indented for reading (as it came if it is not JSON). */
function readable(payload: string): string {
  try {
    return JSON.stringify(JSON.parse(payload), null, 2);
  } catch {
    return payload;
  }
}

/**
 * Nhật ký gửi thông báo: the client's notifications newest first, each with its status, attempts and
 * next retry; a drawer shows every attempt (when, automatic or by hand, the receiver's code, how long,
 * the error) and what was sent; "Gửi lại" queues a new attempt now, with the same notification id.
 */
export function WebhookDeliveriesSection({ clientId, canReplay }: { clientId: string; canReplay: boolean }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<WebhookDeliveryStatus | ''>('');
  const pages = useCursorPages(JSON.stringify([clientId, status]), 10);
  const { data, previousData, loading, error, refetch } = useQuery(WebhookDeliveriesDocument, {
    variables: { first: pages.first, after: pages.after, filter: { clientId, status: status || null } },
  });
  const connection = (data ?? previousData)?.webhookDeliveries;
  useRememberPage(pages.rememberPage, pages.pagination.page, data?.webhookDeliveries.pageInfo.endCursor);
  const [open, setOpen] = useState<WebhookDeliveryRowFragment | null>(null);
  const [replay] = useMutation(ReplayWebhookDeliveryDocument);
  const [replayProblem, setReplayProblem] = useState<ApiProblem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const onReplay = (row: WebhookDeliveryRowFragment) => {
    setReplayProblem(null);
    setNotice(null);
    replay({ variables: { input: { id: row.id } } }).then(
      (result) => {
        const delivery = result.data?.replayWebhookDelivery.delivery;
        // The drawer, if it shows this delivery, shows it as the replay left it.
        if (delivery) setOpen((shown) => (shown?.id === delivery.id ? delivery : shown));
        setNotice(t('apiClient.deliveries.replayed', { id: row.messageId }));
        void refetch();
      },
      (e: unknown) => setReplayProblem(apiProblem(e)),
    );
  };

  const columns = useMemo<GridColDef<WebhookDeliveryRowFragment>[]>(
    () => [
      { field: 'createdAt', headerName: t('apiClient.deliveries.createdAt'), minWidth: 150, valueGetter: (_v, row) => formatDateTime(row.createdAt) },
      {
        field: 'eventType',
        headerName: t('apiClient.deliveries.event'),
        minWidth: 200,
        flex: 1,
        renderCell: (p) => (
          <div>
            <div>{t(`apiClient.deliveries.events.${p.row.eventType}`)}</div>
            <Typography variant="caption" color="text.secondary" sx={{ fontFamily: '"Roboto Mono", monospace' }}>
              {p.row.dossierCode}
            </Typography>
          </div>
        ),
      },
      {
        field: 'endpoint',
        headerName: t('apiClient.deliveries.endpoint'),
        minWidth: 200,
        flex: 1,
        renderCell: (p) => (
          <Box component="code" sx={{ fontFamily: '"Roboto Mono", monospace', fontSize: '0.75rem', overflowWrap: 'anywhere' }}>
            {p.row.endpoint.url}
          </Box>
        ),
      },
      {
        field: 'status',
        headerName: t('apiClient.deliveries.status'),
        minWidth: 190,
        renderCell: (p) => (
          <div>
            <Chip size="small" variant="outlined" color={STATUS_COLOUR[p.row.status]} label={t(`apiClient.deliveries.statuses.${p.row.status}`)} data-testid="webhook-delivery-status" />
            <Typography variant="caption" color="text.secondary" component="div">
              {p.row.deliveredAt
                ? t('apiClient.deliveries.deliveredAt', { at: formatDateTime(p.row.deliveredAt) })
                : p.row.nextAttemptAt
                  ? t('apiClient.deliveries.next', { at: formatDateTime(p.row.nextAttemptAt) })
                  : ''}
            </Typography>
          </div>
        ),
      },
      { field: 'attemptCount', headerName: t('apiClient.deliveries.attempts'), type: 'number', minWidth: 100 },
      {
        field: 'actions',
        type: 'actions',
        headerName: '',
        minWidth: 100,
        getActions: ({ row }) => [
          <GridActionsCellItem key="view" icon={<VisibilityOutlined />} label={t('apiClient.deliveries.viewFor', { id: row.messageId })} title={t('apiClient.deliveries.view')} onClick={() => setOpen(row)} data-testid="webhook-delivery-view" />,
          ...(canReplay
            ? [<GridActionsCellItem key="replay" icon={<ReplayIcon />} label={t('apiClient.deliveries.replayFor', { id: row.messageId })} title={t('apiClient.deliveries.replay')} onClick={() => onReplay(row)} data-testid="webhook-delivery-replay" />]
            : []),
        ],
      },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps -- onReplay is remade each render but reads no state of its own
    [t, canReplay],
  );

  return (
    <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 } }} data-testid="webhook-deliveries">
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap', mb: 1 }}>
        <Typography variant="h2" component="h3" sx={{ fontSize: '1.25rem', flex: '1 1 300px' }}>
          {t('apiClient.deliveries.title')}
        </Typography>
        <FilterSelect
          label={t('apiClient.deliveries.status')}
          value={status}
          onChange={(v) => setStatus(v as WebhookDeliveryStatus | '')}
          allLabel={t('apiClient.deliveries.allStatuses')}
          options={STATUSES.map((s) => ({ value: s, label: t(`apiClient.deliveries.statuses.${s}`) }))}
          sx={{ minWidth: 200 }}
          testId="webhook-deliveries-status"
        />
      </Box>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t('apiClient.deliveries.intro')}
      </Typography>
      {connection && (
        <Typography variant="body2" sx={{ mb: 1 }} data-testid="webhook-deliveries-count">
          {t('apiClient.deliveries.count', { count: connection.totalCount })}
        </Typography>
      )}
      {notice && (
        <Typography variant="body2" color="success.main" sx={{ mb: 1 }} role="status" data-testid="webhook-delivery-notice">
          {notice}
        </Typography>
      )}
      {replayProblem && <ProblemAlert problem={replayProblem} />}
      <ListGrid
        label={t('apiClient.deliveries.title')}
        testId="webhook-deliveries-grid"
        rows={connection?.edges.map((e) => e.node) ?? []}
        columns={columns}
        rowCount={connection?.totalCount ?? 0}
        loading={loading}
        problem={apiProblem(error)}
        pagination={pages.pagination}
        onPaginationModelChange={pages.onPaginationModelChange}
      />
      <DeliveryDrawer delivery={open} canReplay={canReplay} onReplay={onReplay} onClose={() => setOpen(null)} />
    </Paper>
  );
}

/** What was sent, technical (JSON with the API's field names): folded until asked for. */
function PayloadToggle({ payload }: { payload: string }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  return (
    <Box>
      <Button size="small" onClick={() => setShown((v) => !v)} aria-expanded={shown} data-testid="webhook-delivery-payload-toggle">
        {shown ? t('apiClient.deliveries.payloadHide') : t('apiClient.deliveries.payload')}
      </Button>
      {shown && (
        <Box
          component="pre"
          data-testid="webhook-delivery-payload"
          sx={{ m: 0, mt: 1, p: 1.5, bgcolor: 'grey.100', borderRadius: 1, fontFamily: '"Roboto Mono", monospace', fontSize: '0.75rem', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
        >
          {readable(payload)}
        </Box>
      )}
    </Box>
  );
}

function DeliveryDrawer({
  delivery,
  canReplay,
  onReplay,
  onClose,
}: {
  delivery: WebhookDeliveryRowFragment | null;
  canReplay: boolean;
  onReplay: (row: WebhookDeliveryRowFragment) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Drawer
      anchor="right"
      open={delivery !== null}
      onClose={onClose}
      sx={{ zIndex: (theme) => theme.zIndex.modal }}
      slotProps={{ paper: { sx: { width: { xs: '100%', md: 720 }, maxWidth: '100%' }, 'data-testid': 'webhook-delivery-drawer', role: 'dialog', 'aria-labelledby': 'webhook-delivery-title' } as object }}
    >
      {delivery && (
        <Stack spacing={2} sx={{ p: { xs: 2, md: 3 } }}>
          <Box>
            <Typography variant="h2" id="webhook-delivery-title" sx={{ overflowWrap: 'anywhere' }}>
              {t('apiClient.deliveries.drawerTitle', { id: delivery.messageId })}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {t(`apiClient.deliveries.events.${delivery.eventType}`)} · {delivery.dossierCode} · {formatDateTime(delivery.createdAt)}
            </Typography>
            <Box sx={{ mt: 1, display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
              <Chip size="small" variant="outlined" color={STATUS_COLOUR[delivery.status]} label={t(`apiClient.deliveries.statuses.${delivery.status}`)} />
              <Box component="code" sx={{ fontFamily: '"Roboto Mono", monospace', fontSize: '0.75rem', overflowWrap: 'anywhere' }}>
                {delivery.endpoint.url}
              </Box>
            </Box>
          </Box>
          <Box>
            <Typography variant="subtitle1" sx={{ fontWeight: 500 }}>
              {t('apiClient.deliveries.attemptsTitle')}
            </Typography>
            {delivery.attempts.length === 0 ? (
              <Typography variant="body2">{t('apiClient.deliveries.noAttempts')}</Typography>
            ) : (
              <Box sx={{ overflowX: 'auto' }}>
                <Table size="small" data-testid="webhook-attempts">
                  <TableHead>
                    <TableRow>
                      <TableCell>{t('apiClient.deliveries.attemptNumber')}</TableCell>
                      <TableCell>{t('apiClient.deliveries.attemptAt')}</TableCell>
                      <TableCell>{t('apiClient.deliveries.attemptTrigger')}</TableCell>
                      <TableCell align="right">{t('apiClient.deliveries.httpStatus')}</TableCell>
                      <TableCell align="right">{t('apiClient.deliveries.duration')}</TableCell>
                      <TableCell>{t('apiClient.deliveries.error')}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {delivery.attempts.map((a) => (
                      <TableRow key={a.id} data-testid="webhook-attempt">
                        <TableCell>{a.number}</TableCell>
                        <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(a.at)}</TableCell>
                        <TableCell>{t(`apiClient.deliveries.triggers.${a.trigger}`)}</TableCell>
                        <TableCell align="right">{a.httpStatus ?? t('apiClient.deliveries.noResponse')}</TableCell>
                        <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                          {a.durationMs == null ? '—' : t('apiClient.deliveries.durationValue', { ms: a.durationMs.toLocaleString('vi-VN') })}
                        </TableCell>
                        <TableCell sx={{ overflowWrap: 'anywhere' }} title={attemptError(t, a).title}>
                          {attemptError(t, a).text}
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </Box>
            )}
          </Box>
          <PayloadToggle key={delivery.id} payload={delivery.payload} />
          <Box sx={{ display: 'flex', gap: 1, justifyContent: 'flex-end' }}>
            {canReplay && (
              <Button variant="outlined" startIcon={<ReplayIcon />} onClick={() => onReplay(delivery)} data-testid="webhook-delivery-replay-drawer">
                {t('apiClient.deliveries.replay')}
              </Button>
            )}
            <Button variant="contained" onClick={onClose}>
              {t('apiClient.deliveries.close')}
            </Button>
          </Box>
        </Stack>
      )}
    </Drawer>
  );
}
