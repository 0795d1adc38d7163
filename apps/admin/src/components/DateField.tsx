import { useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import { fieldHelp } from './FieldHelp';
import { DATE_FORMAT, formatDate, fromIsoDate, isIsoDate, toIsoDate, todayIso } from '../dates';

interface DateFieldProps {
  label: string;
  /** YYYY-MM-DD, '' when empty, or {@link INVALID_DAY} while what is typed is not a day. */
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  error?: string;
  helperText?: string;
  /** On the field (its day, month and year sections are inside). */
  testId?: string;
  size?: 'small' | 'medium';
  /** The earliest day offered (YYYY-MM-DD). */
  minDate?: string | null;
  disableFuture?: boolean;
  fullWidth?: boolean;
}

/** What a DateField hands the form while the day typed is not a whole, real day yet. */
export const INVALID_DAY = 'invalid';

/**
 * A day, typed or picked, shown dd/MM/yyyy; the form gets the API's YYYY-MM-DD, '' when empty, or
 * {@link INVALID_DAY} while what is typed is not a day (the field keeps showing it).
 */
export function DateField({ label, value, onChange, required, error, helperText, testId, size, minDate, disableFuture, fullWidth = true }: DateFieldProps) {
  // The field shows what was typed (`shown`), not the value handed back: a parent that applies a day a
  // moment later (a report filter kept in the address) or not at all (a part-typed year) would otherwise
  // reset the field under the typing (31/12 became 03/01). A new `value` from outside (a form reset,
  // the address going back) that is not what the field last handed over replaces what it shows.
  const [shown, setShown] = useState<Date | null>(() => (value === INVALID_DAY ? null : fromIsoDate(value)));
  const handed = useRef(value);
  const [previous, setPrevious] = useState(value);
  if (value !== previous) {
    setPrevious(value);
    if (value !== handed.current && value !== INVALID_DAY) {
      handed.current = value;
      setShown(fromIsoDate(value));
    }
  }
  return (
    <DatePicker
      label={label}
      format={DATE_FORMAT}
      value={shown}
      onChange={(date) => {
        setShown(date);
        const day = !date ? '' : !Number.isNaN(date.getTime()) && date.getFullYear() >= 1900 ? toIsoDate(date) : INVALID_DAY;
        handed.current = day;
        onChange(day);
      }}
      minDate={fromIsoDate(minDate) ?? undefined}
      disableFuture={disableFuture}
      slotProps={{
        textField: { required, size, fullWidth, ...fieldHelp({ hint: helperText, error }), 'data-testid': testId } as object,
      }}
    />
  );
}

/**
 * The form's message for a DateField's value: empty (when required), not a real day, in the future
 * (`noFuture`), or before `min`; undefined when the day will do.
 */
export function dayProblem(
  value: string,
  required: boolean,
  t: TFunction,
  { noFuture = false, min }: { noFuture?: boolean; min?: string | null } = {},
): string | undefined {
  if (!value) return required ? t('form.required') : undefined;
  if (!isIsoDate(value)) return t('form.invalidDate');
  if (noFuture && value > todayIso()) return t('handover.form.futureDate');
  if (min && value < min) return t('handover.form.notBefore', { date: formatDate(min) });
  return undefined;
}
