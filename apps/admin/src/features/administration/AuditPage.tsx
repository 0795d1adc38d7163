import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useApolloClient, useQuery } from '@apollo/client/react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import ListSubheader from '@mui/material/ListSubheader';
import MenuItem from '@mui/material/MenuItem';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import FilterAltOffIcon from '@mui/icons-material/FilterAltOff';
import type { GridColDef } from '@mui/x-data-grid';
import { ListGrid } from '../../components/ListGrid';
import { AuditEntriesDocument, type AuditEntryRowFragment } from '../../graphql/generated';
import { apiProblem } from '../../graphql/errors';
import { formatDateTime, isIsoDate } from '../../dates';
import { useCursorPages, useRememberPage } from '../../hooks/useCursorPages';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { AuditEntryDrawer } from './AuditEntryDrawer';
import { DayFilter } from './DayFilter';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, isAuditEntityType, type AuditEntityType } from './labels';
import { useAuditLabels } from './useAuditLabels';

const PARAM = { entityType: 'type', action: 'action', from: 'from', to: 'to', entityId: 'entity', signIns: 'signins' } as const;
type Param = keyof typeof PARAM;

/** The start of a day in Vietnam (the times the trail shows) as the API's DateTimeISO, whatever the browser's zone. */
const startOfDayIso = (day: string, plusDays = 0) => {
  const date = new Date(`${day}T00:00:00+07:00`);
  return Number.isNaN(date.getTime()) ? null : new Date(date.getTime() + plusDays * 86_400_000).toISOString();
};

/** Nhật ký: every change in the reader's province, newest first; filters in the address. */
export function AuditPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('administration.sections.audit'));
  const { actionLabel, entityTypeLabel, actorLabel } = useAuditLabels();
  const [params, setParams] = useSearchParams();
  const rawType = params.get(PARAM.entityType) ?? '';
  const entityType: AuditEntityType | '' = isAuditEntityType(rawType) ? rawType : '';
  const action = params.get(PARAM.action) ?? '';
  const from = isIsoDate(params.get(PARAM.from)) ? (params.get(PARAM.from) as string) : '';
  const to = isIsoDate(params.get(PARAM.to)) ? (params.get(PARAM.to) as string) : '';
  const entityId = params.get(PARAM.entityId) ?? '';
  // Sign-ins and sign-outs are many and rarely what a reader looks for: hidden unless asked for.
  const showSignIns = params.get(PARAM.signIns) === '1';
  const rangeInvalid = Boolean(from && to && to < from);

  const setParam = useCallback(
    (changes: Partial<Record<Param, string>>) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(changes) as Array<[Param, string]>) {
            if (value) next.set(PARAM[key], value);
            else next.delete(PARAM[key]);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  const filter = {
    entityType: entityType || null,
    action: action || null,
    entityId: entityId || null,
    from: from ? startOfDayIso(from) : null,
    // The API's `to` is exclusive: up to the end of the chosen day.
    to: to ? startOfDayIso(to, 1) : null,
    includeSignIns: showSignIns,
  };
  const client = useApolloClient();
  // Each visit reads the trail afresh (it grows with every change); within the visit, pages and
  // filters already seen come from the cache. (A network-first policy would make Apollo ask again
  // for the previous filter each time the filter changes.)
  useState(() => {
    client.cache.evict({ id: 'ROOT_QUERY', fieldName: 'auditEntries' });
    client.cache.gc();
  });
  const pages = useCursorPages(JSON.stringify(filter));
  const { data, previousData, loading, error } = useQuery(AuditEntriesDocument, {
    variables: { first: pages.first, after: pages.after, filter },
    skip: rangeInvalid,
  });
  const connection = (data ?? previousData)?.auditEntries;
  useRememberPage(pages.rememberPage, pages.pagination.page, data?.auditEntries.pageInfo.endCursor);
  const [open, setOpen] = useState<AuditEntryRowFragment | null>(null);

  const actions = AUDIT_ACTIONS.filter((a) => !entityType || a.entityType === entityType);
  const actionItems = (entityType ? [entityType] : (Object.keys(AUDIT_ENTITY_TYPES) as AuditEntityType[])).flatMap((type) => [
    ...(entityType ? [] : [<ListSubheader key={`h-${type}`}>{entityTypeLabel(type)}</ListSubheader>]),
    ...actions
      .filter((a) => a.entityType === type)
      .map((a) => (
        <MenuItem key={a.action} value={a.action}>
          {actionLabel(a.action)}
        </MenuItem>
      )),
  ]);
  const hasFilters = Boolean(entityType || action || from || to || entityId);

  const columns = useMemo<GridColDef<AuditEntryRowFragment>[]>(
    () => [
      { field: 'occurredAt', headerName: t('administration.audit.time'), minWidth: 140, valueGetter: (_v, row) => formatDateTime(row.occurredAt) },
      { field: 'action', headerName: t('administration.audit.action'), minWidth: 150, flex: 1, valueGetter: (_v, row) => actionLabel(row.action) },
      {
        field: 'entityType',
        headerName: t('administration.audit.entityType'),
        minWidth: 170,
        flex: 1,
        valueGetter: (_v, row) => entityTypeLabel(row.entityType),
      },
      {
        field: 'entityName',
        headerName: t('administration.audit.entity'),
        minWidth: 200,
        flex: 1.6,
        valueGetter: (_v, row) => row.entityName ?? t('audit.unknownRecord'),
      },
      { field: 'actorLabel', headerName: t('administration.audit.actor'), minWidth: 150, flex: 1, valueGetter: (_v, row) => actorLabel(row) },
    ],
    [t, actionLabel, entityTypeLabel, actorLabel],
  );

  return (
    <>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, alignItems: 'flex-start', mb: 1.5 }}>
        <TextField
          select
          size="small"
          label={t('administration.audit.entityType')}
          value={entityType}
          onChange={(e) => {
            const next = e.target.value;
            // An action of another entity type no longer fits.
            const keep = AUDIT_ACTIONS.some((a) => a.action === action && (!next || a.entityType === next));
            setParam({ entityType: next, ...(keep ? {} : { action: '' }) });
          }}
          sx={{ flex: '0 1 220px', minWidth: 180 }}
          slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'audit-entity-type' } as object } }}
        >
          <MenuItem value="">{t('organisation.filters.all')}</MenuItem>
          {(Object.keys(AUDIT_ENTITY_TYPES) as AuditEntityType[]).map((type) => (
            <MenuItem key={type} value={type}>
              {entityTypeLabel(type)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          size="small"
          label={t('administration.audit.action')}
          value={actions.some((a) => a.action === action) ? action : ''}
          onChange={(e) => setParam({ action: e.target.value })}
          sx={{ flex: '0 1 220px', minWidth: 180 }}
          slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'audit-action' } as object } }}
        >
          <MenuItem value="">{t('organisation.filters.all')}</MenuItem>
          {actionItems}
        </TextField>
        <DayFilter label={t('administration.audit.from')} value={from} maxDay={to} onChange={(day) => setParam({ from: day })} testId="audit-from" />
        <DayFilter
          label={t('administration.audit.to')}
          value={to}
          minDay={from}
          onChange={(day) => setParam({ to: day })}
          error={rangeInvalid ? t('administration.audit.rangeInvalid') : undefined}
          testId="audit-to"
        />
        {hasFilters && (
          <Button
            startIcon={<FilterAltOffIcon />}
            onClick={() => setParam({ entityType: '', action: '', from: '', to: '', entityId: '' })}
            sx={{ alignSelf: 'center' }}
            data-testid="audit-clear-filters"
          >
            {t('administration.audit.clearFilters')}
          </Button>
        )}
      </Box>
      <Box sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 1.5, mb: 1.5, minHeight: 40 }}>
        {entityId && (
          <Chip
            label={t('administration.audit.entityFilter', {
              type: entityType ? entityTypeLabel(entityType) : t('administration.audit.record'),
              name: connection?.edges.find((e) => e.node.entityId === entityId)?.node.entityName ?? t('audit.selectedRecord'),
            })}
            onDelete={() => setParam({ entityId: '' })}
            data-testid="audit-entity-filter"
          />
        )}
        <FormControlLabel
          control={<Switch size="small" checked={showSignIns} onChange={(e) => setParam({ signIns: e.target.checked ? '1' : '' })} data-testid="audit-sign-ins" />}
          label={t('audit.showSignIns')}
          sx={{ mr: 0 }}
        />
        <Typography variant="body2" color="text.secondary" sx={{ flexGrow: 1 }} role="status" data-testid="list-count">
          {connection && !rangeInvalid ? t('administration.audit.count', { count: connection.totalCount }) : ''}
        </Typography>
        <Typography variant="caption" color="text.secondary">
          {t('administration.audit.hint')}
        </Typography>
      </Box>
      <ListGrid
        genericForbidden
        label={t('administration.sections.audit')}
        testId="audit-grid"
        rows={rangeInvalid ? [] : (connection?.edges.map((e) => e.node) ?? [])}
        columns={columns}
        rowCount={rangeInvalid ? 0 : (connection?.totalCount ?? 0)}
        loading={loading}
        problem={apiProblem(error)}
        pagination={pages.pagination}
        onPaginationModelChange={pages.onPaginationModelChange}
        onOpen={setOpen}
      />
      <AuditEntryDrawer entry={open} onClose={() => setOpen(null)} />
    </>
  );
}
