import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useQuery } from '@apollo/client/react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import UploadFileIcon from '@mui/icons-material/UploadFileOutlined';
import type { GridColDef } from '@mui/x-data-grid';
import { FilterSelect } from '../../components/FilterSelect';
import { ListGrid } from '../../components/ListGrid';
import { ListToolbar } from '../../components/ListToolbar';
import { formatDate } from '../../dates';
import { CatalogueProcedureFieldsDocument, CatalogueProceduresDocument, type BcciMode, type CatalogueProcedureRowFragment, type ProcedureFilter } from '../../graphql/generated';
import { useAddressParams } from '../../hooks/useAddressParams';
import { useCursorPages, useGridPage } from '../../hooks/useCursorPages';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { LinkCell } from '../organisation/LinkCell';
import { useCanKeepCatalogue } from './access';
import { BCCI_MODES, durationText, feeText, formatFee } from './format';
import { ImportDialog } from './ImportDialog';
import { ProcedureFormDialog } from './ProcedureFormDialog';

export const procedureHref = (row: { id: string }) => `/procedures/${row.id}`;

/** The filters, kept in the address: q (name or code), field, bcci, retired=1. */
const PARAM = { search: 'q', field: 'field', bcci: 'bcci', retired: 'retired' } as const;

/**
 * Thủ tục hành chính: the province's catalogue, server-paginated in Vietnamese order, found by letters of
 * the name (diacritics optional) or the start of the code, filtered by field and BCCI mode. The
 * province's administrators add procedures and import a file; everyone else reads.
 */
export function ProcedureListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useDocumentTitle(t('procedures.title'));
  const canKeep = useCanKeepCatalogue();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const { params, set } = useAddressParams();
  const search = params.get(PARAM.search) ?? '';
  const fieldId = params.get(PARAM.field) ?? '';
  const rawBcci = params.get(PARAM.bcci) ?? '';
  const bcci = BCCI_MODES.includes(rawBcci as BcciMode) ? (rawBcci as BcciMode) : '';
  const includeRetired = params.get(PARAM.retired) === '1';

  const filter: ProcedureFilter = { search: search || null, fieldId: fieldId || null, bcciModes: bcci ? [bcci] : null, includeRetired: includeRetired || null };
  const pages = useCursorPages(JSON.stringify(filter));
  const result = useQuery(CatalogueProceduresDocument, { variables: { first: pages.first, after: pages.after, filter } });
  const page = useGridPage(pages, result, result.data?.procedures, result.previousData?.procedures);
  const { data: fields } = useQuery(CatalogueProcedureFieldsDocument);

  const columns = useMemo<GridColDef<CatalogueProcedureRowFragment>[]>(
    () => [
      {
        field: 'code',
        headerName: t('procedures.fields.code'),
        width: 96,
        renderCell: (p) => (
          <Typography component="span" variant="body2" sx={{ fontFamily: '"Roboto Mono", monospace' }}>
            {p.row.code}
          </Typography>
        ),
      },
      {
        field: 'name',
        headerName: t('procedures.fields.name'),
        flex: 2.2,
        minWidth: 220,
        renderCell: (p) => (
          <Box>
            <LinkCell params={p} href={procedureHref(p.row)} />
            {p.row.retiredOn && <Chip size="small" label={t('procedures.status.retired', { day: formatDate(p.row.retiredOn) })} sx={{ ml: 1 }} />}
          </Box>
        ),
      },
      { field: 'field', headerName: t('procedures.fields.field'), flex: 1, minWidth: 110, valueGetter: (_v, row) => row.field.name },
      { field: 'level', headerName: t('procedures.fields.level'), width: 86, valueGetter: (_v, row) => t(`procedures.levels.${row.level}`) },
      { field: 'processingTime', headerName: t('procedures.fields.processingTime'), width: 118, valueGetter: (_v, row) => durationText(t, row.processingTime, row.processingUnit) },
      {
        field: 'procedureFee',
        headerName: t('procedures.fields.fees'),
        width: 128,
        renderCell: (p) => (
          <Box sx={{ whiteSpace: 'nowrap' }}>
            <Typography variant="body2" sx={{ fontVariantNumeric: 'tabular-nums' }}>
              {feeText(t, p.row.procedureFee)}
            </Typography>
            {p.row.postalFee > 0 && (
              <Typography variant="caption" color="text.secondary" sx={{ display: 'block', lineHeight: 1.3 }}>
                {t('procedures.postalFeeLine', { fee: formatFee(p.row.postalFee) })}
              </Typography>
            )}
          </Box>
        ),
      },
      { field: 'bcciMode', headerName: t('procedures.fields.bcciMode'), width: 132, valueGetter: (_v, row) => t(`procedures.bcciModes.${row.bcciMode}`) },
      { field: 'onlineLevel', headerName: t('procedures.fields.onlineLevel'), width: 112, valueGetter: (_v, row) => t(`procedures.onlineLevels.${row.onlineLevel}`) },
    ],
    [t],
  );

  return (
    <>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {t('procedures.intro')}
      </Typography>
      <ListToolbar
        search={search}
        onSearch={(text) => set(PARAM.search, text)}
        searchLabel={t('procedures.list.search')}
        searchTestId="procedure-search"
        countText={page.connection ? t('procedures.list.count', { count: page.connection.totalCount }) : ''}
        action={
          canKeep && (
            <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', justifyContent: 'flex-end' }}>
              <Button variant="outlined" startIcon={<UploadFileIcon />} onClick={() => setImporting(true)} data-testid="procedure-import">
                {t('procedures.list.import')}
              </Button>
              <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)} data-testid="procedure-create">
                {t('procedures.list.create')}
              </Button>
            </Box>
          )
        }
      >
        <FilterSelect
          label={t('procedures.list.field')}
          value={fields ? fieldId : ''}
          onChange={(value) => set(PARAM.field, value)}
          allLabel={t('procedures.list.allFields')}
          options={(fields?.procedureFields ?? []).map((f) => ({ value: f.id, label: f.name }))}
          sx={{ flex: '0 1 220px', minWidth: 170 }}
          testId="procedure-filter-field"
        />
        <FilterSelect
          label={t('procedures.list.bcci')}
          value={bcci}
          onChange={(value) => set(PARAM.bcci, value)}
          allLabel={t('procedures.list.allBcci')}
          options={BCCI_MODES.map((m) => ({ value: m, label: t(`procedures.bcciModes.${m}`) }))}
          sx={{ flex: '0 1 220px', minWidth: 190 }}
          testId="procedure-filter-bcci"
        />
        <FormControlLabel
          control={<Switch checked={includeRetired} onChange={(e) => set(PARAM.retired, e.target.checked ? '1' : '')} slotProps={{ input: { 'data-testid': 'procedure-filter-retired' } as object }} />}
          label={t('procedures.list.showRetired')}
          sx={{ mr: 0 }}
        />
      </ListToolbar>
      <ListGrid label={t('procedures.title')} testId="procedure-grid" columns={columns} {...page.grid} onOpen={(row) => void navigate(procedureHref(row))} />
      {creating && <ProcedureFormDialog onClose={() => setCreating(false)} onSaved={(id) => void navigate(procedureHref({ id }))} />}
      {importing && <ImportDialog onClose={() => setImporting(false)} />}
    </>
  );
}
