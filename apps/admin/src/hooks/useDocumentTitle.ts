import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the tab title to "<page> · <app>" (the frame sets the area's title; pages refine it). */
export function useDocumentTitle(page: string | null | undefined) {
  const { t } = useTranslation();
  useEffect(() => {
    if (page) document.title = `${page} · ${t('app.name')}`;
  }, [page, t]);
}
