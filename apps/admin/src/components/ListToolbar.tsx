import { useEffect, useState, type ReactNode } from 'react';
import Box from '@mui/material/Box';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import SearchIcon from '@mui/icons-material/Search';
import { useDebouncedValue } from '../hooks/useDebouncedValue';

interface ListToolbarProps {
  /** The search in the address; the field seeds from it and sets it once typing pauses. */
  search: string;
  onSearch: (text: string) => void;
  searchLabel: string;
  searchTestId: string;
  /** The other filters, after the search field. */
  children?: ReactNode;
  /** How many records match (the line under the filters); '' while unknown. */
  countText: string;
  /** The create button, on the right under the filters. */
  action?: ReactNode;
}

/** The filters of a list (search first, diacritics ignored by the API), how many records match, and the create button. */
export function ListToolbar({ search, onSearch, searchLabel, searchTestId, children, countText, action }: ListToolbarProps) {
  const [text, setText] = useState(search);
  const debounced = useDebouncedValue(text.trim(), 300);
  useEffect(() => {
    if (debounced !== search) onSearch(debounced);
    // Only the typed text drives this; the URL value seeds `text` once.
  }, [debounced]);

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
            htmlInput: { 'data-testid': searchTestId, type: 'search' },
          }}
        />
        {children}
      </Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1.5, minHeight: 40 }}>
        <Typography variant="body2" color="text.secondary" sx={{ flexGrow: 1 }} role="status" data-testid="list-count">
          {countText}
        </Typography>
        {action}
      </Box>
    </>
  );
}
