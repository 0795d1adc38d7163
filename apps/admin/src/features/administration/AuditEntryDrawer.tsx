import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Drawer from '@mui/material/Drawer';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
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
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import type { AuditEntryRowFragment } from '../../graphql/generated';
import { formatDateTime } from '../../dates';
import { DetailList } from '../organisation/DetailList';
import { diffSnapshots, type DiffRow } from './auditDiff';
import { AuditValueText, RecordName, type ValueContext } from './AuditValue';
import { useAuditLabels } from './useAuditLabels';

/** One value of the diff, as an official reads it (names, labels, dd/MM/yyyy), or a muted "empty" / "absent". */
function Value({ value, field, present, ctx }: { value: unknown; field: string; present: boolean; ctx: ValueContext }) {
  const { t } = useTranslation();
  const empty =
    value === undefined || value === null || value === '' || (typeof value === 'object' && Object.keys(value as object).length === 0);
  if (empty) {
    return (
      <Typography component="span" variant="body2" color="text.disabled" sx={{ fontStyle: 'italic' }}>
        {present ? t('administration.audit.empty') : '—'}
      </Typography>
    );
  }
  return <AuditValueText value={value} field={field} ctx={ctx} />;
}

/** Before and after of an entry, field by field, under their labels; the fields that differ are highlighted. */
export function AuditDiff({
  before,
  after,
  ctx,
}: {
  before: Record<string, unknown> | null | undefined;
  after: Record<string, unknown> | null | undefined;
  ctx: ValueContext;
}) {
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
                  <Box component="span" sx={{ fontSize: '0.8125rem', fontWeight: 500 }}>
                    {ctx.labels.fieldLabel(ctx.entityType, row.field)}
                  </Box>
                  {row.change === 'changed' && (
                    <Chip size="small" color="warning" variant="outlined" label={t('administration.audit.changed')} sx={{ ml: 1, height: 20 }} />
                  )}
                </TableCell>
                <TableCell sx={{ verticalAlign: 'top', ...(row.change === 'changed' ? { color: 'error.dark' } : {}) }} data-testid="diff-before">
                  <Value value={row.before} field={row.field} present={before != null && row.field in before} ctx={ctx} />
                </TableCell>
                <TableCell
                  sx={{ verticalAlign: 'top', ...(row.change === 'changed' ? { color: 'success.dark', fontWeight: 500 } : {}) }}
                  data-testid="diff-after"
                >
                  <Value value={row.after} field={row.field} present={after != null && row.field in after} ctx={ctx} />
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
  const labels = useAuditLabels();
  const ctx = useMemo<ValueContext | null>(
    () =>
      entry
        ? { entityType: entry.entityType, references: new Map(entry.references.map((r) => [r.id.toLowerCase(), r])), labels, onNavigate: onClose }
        : null,
    [entry, labels, onClose],
  );
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
      {entry && ctx && (
        <Box sx={{ p: { xs: 2, md: 3 } }}>
          <Stack direction="row" sx={{ alignItems: 'flex-start', gap: 1, mb: 2 }}>
            <Box sx={{ flexGrow: 1, minWidth: 0 }}>
              <Typography variant="h2" id="audit-drawer-title">
                {labels.actionLabel(entry.action)} · {labels.entityTypeLabel(entry.entityType)}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {formatDateTime(entry.occurredAt)} · {labels.actorLabel(entry)}
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
                { label: t('administration.audit.action'), value: labels.actionLabel(entry.action) },
                {
                  label: t('administration.audit.entity'),
                  value: (
                    <span data-testid="audit-entity">
                      {labels.entityTypeLabel(entry.entityType)}: <RecordName id={entry.entityId} ctx={ctx} />
                    </span>
                  ),
                },
                { label: t('administration.audit.actor'), value: labels.actorLabel(entry) },
                { label: t('administration.audit.ip'), value: entry.ip },
              ]}
            />
          </Box>
          <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 500, mb: 1 }}>
            {t('administration.audit.beforeAfter')}
          </Typography>
          <AuditDiff key={entry.id} before={entry.before} after={entry.after} ctx={ctx} />
          {entry.requestId && (
            // For support staff tracing a request in the server logs; collapsed (and not rendered) until opened.
            <Accordion disableGutters elevation={0} sx={{ mt: 3, '&:before': { display: 'none' } }} slotProps={{ transition: { unmountOnExit: true } }}>
              <AccordionSummary expandIcon={<ExpandMoreIcon />} data-testid="audit-technical">
                <Typography variant="body2" color="text.secondary">
                  {t('audit.technical')}
                </Typography>
              </AccordionSummary>
              <AccordionDetails>
                <DetailList items={[{ label: t('administration.audit.requestId'), value: <code>{entry.requestId}</code> }]} />
              </AccordionDetails>
            </Accordion>
          )}
        </Box>
      )}
    </Drawer>
  );
}
