import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@apollo/client/react';
import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import InputAdornment from '@mui/material/InputAdornment';
import ListSubheader from '@mui/material/ListSubheader';
import MenuItem from '@mui/material/MenuItem';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import SearchIcon from '@mui/icons-material/Search';
import { ProvinceOptionsDocument } from '../../graphql/generated';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import type { ListFilters } from './useRecordList';

export interface CategoryChoice {
  value: string;
  label: string;
}

interface ListToolbarProps {
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

/** Search (diacritics ignored by the API), province, level or kind, retired records, and the create button. */
export function ListToolbar({ filters, setFilter, searchLabel, categoryLabel, categories, count, action }: ListToolbarProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(filters.search);
  const debounced = useDebouncedValue(text.trim(), 300);
  useEffect(() => {
    if (debounced !== filters.search) setFilter('search', debounced);
    // Only the typed text drives this; the URL value seeds `text` once.
  }, [debounced]);

  const { data: provinces } = useQuery(ProvinceOptionsDocument);
  const all = provinces?.administrativeUnits.edges.map((e) => e.node) ?? [];
  const current = all.filter((p) => !p.validTo);
  const former = all.filter((p) => p.validTo);

  return (
    <>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, alignItems: 'center', mb: 1.5 }}>
        <TextField
          size="small"
          label={searchLabel}
          value={text}
          onChange={(e) => setText(e.target.value)}
          sx={{ flex: '1 1 240px', minWidth: 200 }}
          slotProps={{
            input: {
              startAdornment: (
                <InputAdornment position="start">
                  <SearchIcon fontSize="small" />
                </InputAdornment>
              ),
            },
            htmlInput: { 'data-testid': 'list-search', type: 'search' },
          }}
        />
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
      </Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1.5, minHeight: 40 }}>
        <Typography variant="body2" color="text.secondary" sx={{ flexGrow: 1 }} role="status" data-testid="list-count">
          {count === undefined ? '' : t('organisation.filters.count', { count })}
        </Typography>
        {action}
      </Box>
    </>
  );
}
