import { useEffect, useState } from 'react';
import { isValid } from 'date-fns';
import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../../dates';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';

interface DayFilterProps {
  label: string;
  /** The day in the address (YYYY-MM-DD), or '' for none. */
  value: string;
  onChange: (day: string) => void;
  minDay?: string;
  maxDay?: string;
  error?: string;
  testId?: string;
}

/**
 * A day of a filter, typed (dd/MM/yyyy) or picked. What is being typed stays in the field; the filter
 * follows once it is a whole, plausible day (typing the "2" of "2026" is not year 2), or at once when cleared.
 */
export function DayFilter({ label, value, onChange, minDay, maxDay, error, testId }: DayFilterProps) {
  const [draft, setDraft] = useState<Date | null>(fromIsoDate(value));
  const [draftFor, setDraftFor] = useState(value);
  if (draftFor !== value) {
    // The filter changed from outside (cleared, or the address): show it.
    setDraftFor(value);
    setDraft(fromIsoDate(value));
  }
  const settled = useDebouncedValue(draft, 400);
  useEffect(() => {
    if (settled && isValid(settled) && settled.getFullYear() >= 1900 && settled.getFullYear() <= 2100) {
      const day = toIsoDate(settled);
      if (day !== value) onChange(day);
    }
    // Runs when the typed day settles; value and onChange are read fresh on that render.
  }, [settled]);

  return (
    <DatePicker
      label={label}
      format={DATE_FORMAT}
      value={draft}
      minDate={fromIsoDate(minDay) ?? undefined}
      maxDate={fromIsoDate(maxDay) ?? undefined}
      onChange={(next) => {
        setDraft(next);
        if (next === null && value) onChange('');
      }}
      slotProps={{
        field: { clearable: true },
        textField: { size: 'small', sx: { width: 190 }, error: Boolean(error), helperText: error, 'data-testid': testId } as object,
      }}
    />
  );
}
