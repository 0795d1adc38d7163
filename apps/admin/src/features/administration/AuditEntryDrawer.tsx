import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Drawer from '@mui/material/Drawer';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { alpha } from '@mui/material/styles';
import CloseIcon from '@mui/icons-material/Close';
import type { AuditEntryRowFragment } from '../../graphql/generated';
import { formatDateTime } from '../../dates';
import { DetailList } from '../organisation/DetailList';
import { diffSnapshots, formatValue, type DiffRow } from './auditDiff';
import { useAuditLabels } from './useAuditLabels';
import { recordHref } from './labels';

/** One value of the diff: text, JSON, or a muted "empty" / "absent". */
function Value({ value, present }: { value: unknown; present: boolean }) {
  const { t } = useTranslation();
  const text = formatValue(value);
  if (text === null) {
    return (
      <Typography component="span" variant="body2" color="text.disabled" sx={{ fontStyle: 'italic' }}>
        {present ? t('administration.audit.empty') : '—'}
      </Typography>
    );
  }
  return (
    <Typography component="span" variant="body2" sx={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
      {text}
    </Typography>
  );
}

/** Before and after of an entry, field by field; the fields that differ are highlighted. */
export function AuditDiff({ before, after }: { before: Record<string, unknown> | null | undefined; after: Record<string, unknown> | null | undefined }) {
  const { t } = useTranslation();
  const [changedOnly, setChangedOnly] = useState(false);
  const rows = diffSnapshots(before, after);
  if (rows.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary" data-testid="diff-none">
        {t('administration.audit.noSnapshot')}
      </Typography>
    );
  }
  const changes = rows.filter((r) => r.change !== null).length;
  const shown = changedOnly ? rows.filter((r) => r.change !== null) : rows;
  const note = !before
    ? t('administration.audit.created')
    : !after
      ? t('administration.audit.removed')
      : t('administration.audit.changedCount', { count: changes });
  const paletteOf = (row: DiffRow) => (row.change === 'changed' ? 'warning' : row.change === 'added' ? 'success' : row.change === 'removed' ? 'error' : null);
  return (
    <Box>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: 1, mb: 1 }}>
        <Typography variant="body2" color="text.secondary" data-testid="diff-summary">
          {note}
        </Typography>
        {before && after && (
          <FormControlLabel
            control={<Switch size="small" checked={changedOnly} onChange={(e) => setChangedOnly(e.target.checked)} />}
            label={t('administration.audit.changedOnly')}
            sx={{ mr: 0 }}
          />
        )}
      </Stack>
      <Table size="small" aria-label={t('administration.audit.diffLabel')} data-testid="audit-diff" sx={{ tableLayout: 'fixed' }}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: '28%' }}>{t('administration.audit.field')}</TableCell>
            <TableCell sx={{ width: '36%' }}>{t('administration.audit.before')}</TableCell>
            <TableCell sx={{ width: '36%' }}>{t('administration.audit.after')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {shown.map((row) => {
            const palette = paletteOf(row);
            return (
              <TableRow
                key={row.field}
                data-testid="diff-row"
                data-field={row.field}
                data-change={row.change ?? 'same'}
                sx={
                  palette
                    ? {
                        bgcolor: (theme) => alpha(theme.palette[palette].main, 0.1),
                        '& > td:first-of-type': { boxShadow: (theme) => `inset 3px 0 0 ${theme.palette[palette].main}` },
                      }
                    : undefined
                }
              >
                <TableCell sx={{ verticalAlign: 'top' }}>
                  <Box component="code" sx={{ fontSize: '0.8125rem', overflowWrap: 'anywhere' }}>
                    {row.field}
                  </Box>
                  {row.change === 'changed' && (
                    <Chip size="small" color="warning" variant="outlined" label={t('administration.audit.changed')} sx={{ ml: 1, height: 20 }} />
                  )}
                </TableCell>
                <TableCell sx={{ verticalAlign: 'top', ...(row.change === 'changed' ? { color: 'error.dark' } : {}) }} data-testid="diff-before">
                  <Value value={row.before} present={before != null && row.field in before} />
                </TableCell>
                <TableCell
                  sx={{ verticalAlign: 'top', ...(row.change === 'changed' ? { color: 'success.dark', fontWeight: 500 } : {}) }}
                  data-testid="diff-after"
                >
                  <Value value={row.after} present={after != null && row.field in after} />
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Box>
  );
}

/** An audit entry: who did what to which record, when and from where, and the record before and after. */
export function AuditEntryDrawer({ entry, onClose }: { entry: AuditEntryRowFragment | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { actionLabel, entityTypeLabel } = useAuditLabels();
  const href = entry ? recordHref(entry.entityType, entry.entityId) : null;
  return (
    <Drawer
      anchor="right"
      open={entry !== null}
      onClose={onClose}
      // Above the app bar (which sits above the permanent navigation drawer).
      sx={{ zIndex: (theme) => theme.zIndex.modal }}
      slotProps={{
        paper: {
          sx: { width: { xs: '100%', md: 760 }, maxWidth: '100%' },
          'data-testid': 'audit-drawer',
          role: 'dialog',
          'aria-labelledby': 'audit-drawer-title',
        } as object,
      }}
    >
      {entry && (
        <Box sx={{ p: { xs: 2, md: 3 } }}>
          <Stack direction="row" sx={{ alignItems: 'flex-start', gap: 1, mb: 2 }}>
            <Box sx={{ flexGrow: 1, minWidth: 0 }}>
              <Typography variant="h2" id="audit-drawer-title">
                {actionLabel(entry.action)} · {entityTypeLabel(entry.entityType)}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {formatDateTime(entry.occurredAt)} · {entry.actorLabel}
              </Typography>
            </Box>
            <IconButton aria-label={t('form.close')} onClick={onClose} edge="end" data-testid="audit-drawer-close">
              <CloseIcon />
            </IconButton>
          </Stack>
          <Box sx={{ mb: 3 }}>
            <DetailList
              items={[
                { label: t('administration.audit.time'), value: formatDateTime(entry.occurredAt) },
                { label: t('administration.audit.action'), value: <code>{entry.action}</code> },
                {
                  label: t('administration.audit.entity'),
                  value: href ? (
                    <Link component={RouterLink} to={href} onClick={onClose}>
                      {entityTypeLabel(entry.entityType)} <code>{entry.entityId}</code>
                    </Link>
                  ) : (
                    <>
                      {entityTypeLabel(entry.entityType)} <code>{entry.entityId}</code>
                    </>
                  ),
                },
                { label: t('administration.audit.actor'), value: entry.actorLabel },
                { label: t('administration.audit.requestId'), value: entry.requestId ? <code>{entry.requestId}</code> : null },
                { label: t('administration.audit.ip'), value: entry.ip },
              ]}
            />
          </Box>
          <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 500, mb: 1 }}>
            {t('administration.audit.beforeAfter')}
          </Typography>
          <AuditDiff key={entry.id} before={entry.before} after={entry.after} />
        </Box>
      )}
    </Drawer>
  );
}
