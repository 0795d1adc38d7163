import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';

/** What a field says under it. */
export interface HelpOptions {
  /** The rule or an example ("Ít nhất 8 ký tự, có cả chữ và số."): stays shown when there is an error. */
  hint?: ReactNode;
  /** The form's or the API's message, shown under the hint (never instead of it). */
  error?: string;
  /** The API's limit (see limits.ts), stated as "Tối đa 200 ký tự.". */
  max?: number;
  /** The text typed: with `max`, a live counter "12/2.000" (for notes, reasons, addresses). */
  value?: string;
}

/** A whole number with the separators of the language in use (2.000 in Vietnamese). */
export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-US' : 'vi-VN').format(value);
}

/**
 * The help of a field, as the `error` and `helperText` props of a TextField (spread them): the hint,
 * then the error under it, the limit and, for long text, a counter. One pattern for every form.
 */
export function fieldHelp(options: HelpOptions): { error: boolean; helperText: ReactNode } {
  const { hint, error, max } = options;
  return { error: Boolean(error), helperText: hint || error || max ? <FieldHelp {...options} /> : undefined };
}

/** The lines of {@link fieldHelp}; inside MUI's helper text (a <p>), so spans only. */
export function FieldHelp({ hint, error, max, value }: HelpOptions) {
  const { t, i18n } = useTranslation();
  const counted = max !== undefined && value !== undefined;
  const over = counted && value.length > max;
  const limit = max !== undefined ? t('form.limit', { max: formatNumber(max, i18n.language) }) : null;
  return (
    <Box component="span" sx={{ display: 'flex', gap: 1, justifyContent: 'space-between', alignItems: 'flex-start' }}>
      <Box component="span" sx={{ display: 'flex', flexDirection: 'column' }}>
        {(hint || limit) && (
          <Box component="span" className="FieldHelp-hint" sx={{ color: 'text.secondary' }}>
            {hint}
            {hint && limit ? ' ' : null}
            {limit && <span className="FieldHelp-limit">{limit}</span>}
          </Box>
        )}
        {error && (
          <Box component="span" className="FieldHelp-error" sx={{ color: 'error.main' }}>
            {error}
          </Box>
        )}
      </Box>
      {counted && (
        <Box
          component="span"
          className="FieldHelp-counter"
          aria-live="polite"
          sx={{ color: over ? 'error.main' : 'text.secondary', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}
        >
          {t('form.counter', { length: formatNumber(value.length, i18n.language), max: formatNumber(max, i18n.language) })}
        </Box>
      )}
    </Box>
  );
}
