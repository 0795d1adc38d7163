import { badInput, type Bilingual } from './errors';

/** Escapes LIKE wildcards in user text and wraps it for a "contains" match. */
export const likeFragment = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Trimmed text that must not be empty, or a field error on `field`. */
export function requiredText(value: string, field: string, what: Bilingual = { vi: 'Tên', en: 'The name' }): string {
  const trimmed = value.trim();
  if (!trimmed) throw badInput(field, { vi: `${what.vi} không được để trống.`, en: `${what.en} must not be empty.` });
  return trimmed;
}

/** A record's name: trimmed, not empty. */
export const trimmedName = (name: string) => requiredText(name, 'name');

/** Text without diacritics, lower case, spaces collapsed: how searches and file headers are matched (the SQL `osp_fold` does the same). */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
