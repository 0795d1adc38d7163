/**
 * Vietnamese alphabetical order, the one rule every name sort of the product follows (lists, keyset
 * cursors, exports): letters in the order of the Vietnamese alphabet
 *   a ă â b c d đ e ê (f) g h i (j) k l m n o ô ơ p q r s t u ư v (w) x y (z)
 * with the tone of a letter deciding only between names equal without tones, in the dictionary order
 *   ngang, huyền (à), hỏi (ả), ngã (ã), sắc (á), nặng (ạ);
 * then, between names equal but for case, the name itself (code point order).
 *
 * PostgreSQL has ICU collations ("vi-x-icu"), the embedded PGlite has none and sorts by code point
 * ("Đồng Nai" after "Tỉnh …", "Bắc Kạn" after "Bình Thuận"). So both databases order by the same
 * immutable SQL function, `osp_sort_key(text)`, whose text compares byte-wise (type osp_sort_text,
 * COLLATE "C"), created by migration 1764000000000-vietnamese-order from `sortKeyFunctionSql`;
 * `vietnameseSortKey` is the same key in TypeScript, for sorts done in memory and for the test that
 * checks the two agree. A change to the rule needs a new migration.
 *
 * How: the name decomposed (NFD: "ắ" is a + breve + acute), đ spelt d + a mark, ASCII letters lower
 * case. The primary part keeps letters and writes the marks that make a letter (breve ă, circumflex
 * â ê ô, horn ơ ư, bar đ) as ASCII characters above "z" ({ | } ~), in that order, so "a" < "ă" < "â" <
 * "b" and a name with "ă" follows every name with "a" there; tones are dropped. The secondary part
 * keeps the tones as characters above "z" too, so a letter without tone comes first. Then the name.
 * Only normalize(), replace(), lower() and two short translate()s: a few microseconds a name (a first
 * version with one long translate() table took 27 µs, which a page sorted without an index pays per row).
 */

/** Marks that make a letter, as they sort after the bare letter: breve (ă), circumflex (â ê ô), horn (ơ ư). */
const LETTER_MARKS = '\u0306\u0302\u031B';
const LETTER_MARK_KEYS = '{|}';
/** đ / Đ (not decomposed by NFD): d and the bar's key, after the other marks. */
const D_BAR = 'd~';
/** Tones, in dictionary order: huyền, hỏi, ngã, sắc, nặng. */
const TONES = '\u0300\u0309\u0303\u0301\u0323';
const TONE_KEYS = '{|}~\u007F';
/** ASCII characters of the name that would read as marks: they sort with the punctuation instead. */
const ASCII_AS_MARKS = '{|}~';

const SEPARATOR = '\u0001';

function translate(text: string, from: string, to: string): string {
  let out = '';
  for (const char of text) {
    const i = from.indexOf(char);
    out += i < 0 ? char : (to[i] ?? '');
  }
  return out;
}

/** The sort key of a name, equal to `osp_sort_key` in SQL. */
export function vietnameseSortKey(name: string): string {
  const decomposed = translate(name, ASCII_AS_MARKS, '!!!!').normalize('NFD').replace(/[đĐ]/g, D_BAR).replace(/[A-Z]+/g, (s) => s.toLowerCase());
  const primary = translate(decomposed, LETTER_MARKS + TONES, LETTER_MARK_KEYS);
  const secondary = translate(translate(decomposed, LETTER_MARKS, ''), TONES, TONE_KEYS);
  return `${primary}${SEPARATOR}${secondary}${SEPARATOR}${name}`;
}

/** Compares two names in Vietnamese order (for Array.prototype.sort). */
export function compareVietnamese(a: string, b: string): number {
  const ka = vietnameseSortKey(a);
  const kb = vietnameseSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
/** A string literal of PostgreSQL's escape form (U&'…') for characters that do not print. */
const unicodeLiteral = (text: string) => `U&'${[...text].map((c) => `\\${c.codePointAt(0)!.toString(16).padStart(4, '0')}`).join('')}'`;

/**
 * The DDL of the type and the function, one statement each (PostgreSQL and PGlite alike). The type is
 * named with its schema: the embedded test server is one session whose schema is dropped and made
 * again between test files, and PGlite then no longer finds a new type by its bare name.
 */
export function sortKeyFunctionSql(): string[] {
  // $1 decomposed: no ASCII mark look-alikes, NFD, đ spelt out, ASCII lower case (lower() under "C" on both databases).
  const decomposed = `lower(replace(replace(normalize(translate($1, ${literal(ASCII_AS_MARKS)}, '!!!!'), NFD), 'đ', ${literal(D_BAR)}), 'Đ', ${literal(D_BAR)}) COLLATE "C")`;
  // Written out twice rather than in a subquery: a one-expression SQL function is inlined into the query.
  const primary = `translate(${decomposed}, ${unicodeLiteral(LETTER_MARKS + TONES)}, ${literal(LETTER_MARK_KEYS)})`;
  const secondary = `translate(translate(${decomposed}, ${unicodeLiteral(LETTER_MARKS)}, ''), ${unicodeLiteral(TONES)}, ${unicodeLiteral(TONE_KEYS)})`;
  return [
    `CREATE DOMAIN public.osp_sort_text AS text COLLATE "C"`,
    `CREATE FUNCTION osp_sort_key(text) RETURNS public.osp_sort_text
       LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
       AS $fn$ SELECT (${primary} || chr(1) || ${secondary} || chr(1) || $1)::public.osp_sort_text $fn$`,
    `COMMENT ON FUNCTION osp_sort_key(text) IS 'Vietnamese alphabetical order: ORDER BY osp_sort_key(name). See apps/api/src/platform/vietnamese-order.ts.'`,
  ];
}
