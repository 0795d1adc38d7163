import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage, DEFAULT_LANGUAGE } from '../../i18n';

/** Numbers and VND amounts in the user's language (1.234.567 ₫ in Vietnamese). */
export function useNumberFormats() {
  const { i18n } = useTranslation();
  const lang = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE;
  return useMemo(() => {
    const count = new Intl.NumberFormat(lang);
    const vnd = new Intl.NumberFormat(lang, { style: 'currency', currency: 'VND', maximumFractionDigits: 0 });
    return { count: (n: number) => count.format(n), vnd: (n: number) => vnd.format(n) };
  }, [lang]);
}

/** The API answers errors in the requested language: ask again when the language changes while an error shows. */
export function useRefetchErrorOnLanguageChange(error: unknown, refetch: () => unknown) {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const previous = useRef(language);
  useEffect(() => {
    if (previous.current !== language && error) void refetch();
    previous.current = language;
  }, [language, error, refetch]);
}
