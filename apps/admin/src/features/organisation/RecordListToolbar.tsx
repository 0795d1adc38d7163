import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@apollo/client/react';
import FormControlLabel from '@mui/material/FormControlLabel';
import ListSubheader from '@mui/material/ListSubheader';
import MenuItem from '@mui/material/MenuItem';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import { ListToolbar } from '../../components/ListToolbar';
import { ProvinceOptionsDocument } from '../../graphql/generated';
import type { ListFilters } from './useRecordList';

export interface CategoryChoice {
  value: string;
  label: string;
}

interface RecordListToolbarProps {
  filters: ListFilters;
  setFilter: <K extends keyof ListFilters>(key: K, value: ListFilters[K]) => void;
  searchLabel: string;
  categoryLabel: string;
  categories: readonly CategoryChoice[];
  /** How many records match (shown under the filters); undefined while unknown. */
  count?: number;
  /** The create button, on the right under the filters. */
  action?: ReactNode;
}

/** Search, province, level or kind, retired records, and the create button. */
export function RecordListToolbar({ filters, setFilter, searchLabel, categoryLabel, categories, count, action }: RecordListToolbarProps) {
  const { t } = useTranslation();
  const { data: provinces } = useQuery(ProvinceOptionsDocument);
  const all = provinces?.administrativeUnits.edges.map((e) => e.node) ?? [];
  const current = all.filter((p) => !p.validTo);
  const former = all.filter((p) => p.validTo);

  return (
    <ListToolbar
      search={filters.search}
      onSearch={(text) => setFilter('search', text)}
      searchLabel={searchLabel}
      searchTestId="list-search"
      countText={count === undefined ? '' : t('organisation.filters.count', { count })}
      action={action}
    >
      <TextField
        select
        size="small"
        label={t('organisation.filters.province')}
        value={all.length ? filters.province : ''}
        onChange={(e) => setFilter('province', e.target.value)}
        sx={{ flex: '0 1 220px', minWidth: 180 }}
        slotProps={{ htmlInput: { 'data-testid': 'list-province' } }}
      >
        <MenuItem value="">{t('organisation.filters.allProvinces')}</MenuItem>
        {current.map((p) => (
          <MenuItem key={p.code} value={p.code}>
            {p.name}
          </MenuItem>
        ))}
        {former.length > 0 && <ListSubheader>{t('organisation.filters.formerProvinces')}</ListSubheader>}
        {former.map((p) => (
          <MenuItem key={p.code} value={p.code}>
            {p.name}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        size="small"
        label={categoryLabel}
        value={filters.category}
        onChange={(e) => setFilter('category', e.target.value)}
        sx={{ flex: '0 1 200px', minWidth: 160 }}
      >
        <MenuItem value="">{t('organisation.filters.all')}</MenuItem>
        {categories.map((c) => (
          <MenuItem key={c.value} value={c.value}>
            {c.label}
          </MenuItem>
        ))}
      </TextField>
      <FormControlLabel
        control={<Switch checked={filters.includeRetired} onChange={(e) => setFilter('includeRetired', e.target.checked)} />}
        label={t('organisation.filters.includeRetired')}
        sx={{ mr: 0 }}
      />
    </ListToolbar>
  );
}
