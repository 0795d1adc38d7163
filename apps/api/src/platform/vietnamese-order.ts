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
 * COLLATE "C"), built from the tables below by `sortKeyFunctionSql` (migration
 * 1764000000000-vietnamese-order); `vietnameseSortKey` is the same key in TypeScript, for sorts done in
 * memory and for the test that checks the two agree. A change to the tables needs a new migration.
 *
 * The key: primary (each letter as a stand-in character in alphabet order, U+0041…U+0061, digits and
 * punctuation as they are), U+0001, secondary (each letter's tone 0–5), U+0001, the name.
 */

/** The alphabet, lower case, with the letters Vietnamese borrows (f j w z) where Latin has them. */
const ALPHABET = ['a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'ô', 'ơ', 'p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'w', 'x', 'y', 'z'];
/** Tone marks (combining), in dictionary order after the unmarked letter: huyền, hỏi, ngã, sắc, nặng. */
const TONES = ['\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];
const VOWELS = new Set(['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y']);
/** ASCII characters that would fall among the stand-ins: they sort with the punctuation instead. */
const ASCII_AMONG_STAND_INS = '[\\]^_`';

interface Letter {
  char: string;
  standIn: string;
  tone: string;
}

/** Every letter form (both cases, every tone) with its stand-in and tone digit. */
const LETTERS: Letter[] = ALPHABET.flatMap((base, i) => {
  const standIn = String.fromCharCode(0x41 + i);
  const forms = [{ form: base, tone: '0' }, ...(VOWELS.has(base) ? TONES.map((mark, t) => ({ form: (base + mark).normalize('NFC'), tone: String(t + 1) })) : [])];
  return forms.flatMap(({ form, tone }) => [...new Set([form, form.toUpperCase()])].map((char) => ({ char, standIn, tone })));
});

const BY_CHAR = new Map(LETTERS.map((l) => [l.char, l]));

/** The sort key of a name (NFC, as the API stores names), equal to `osp_sort_key` in SQL. */
export function vietnameseSortKey(name: string): string {
  let primary = '';
  let secondary = '';
  for (const char of name) {
    const letter = BY_CHAR.get(char);
    if (letter) {
      primary += letter.standIn;
      secondary += letter.tone;
    } else {
      primary += ASCII_AMONG_STAND_INS.includes(char) ? '!' : char;
      secondary += char;
    }
  }
  return `${primary}\u0001${secondary}\u0001${name}`;
}

/** Compares two names in Vietnamese order (for Array.prototype.sort). */
export function compareVietnamese(a: string, b: string): number {
  const ka = vietnameseSortKey(a);
  const kb = vietnameseSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * The DDL of the type and the function, one statement each (PostgreSQL and PGlite alike: translate()
 * and concatenation only). The type is named with its schema: the embedded test server is one session
 * whose schema is dropped and made again between test files, and PGlite then no longer finds a new
 * type by its bare name.
 */
export function sortKeyFunctionSql(): string[] {
  const from = LETTERS.map((l) => l.char).join('');
  const primary = `translate(translate($1, ${literal(ASCII_AMONG_STAND_INS)}, ${literal('!'.repeat(ASCII_AMONG_STAND_INS.length))}), ${literal(from)}, ${literal(LETTERS.map((l) => l.standIn).join(''))})`;
  const secondary = `translate($1, ${literal(from)}, ${literal(LETTERS.map((l) => l.tone).join(''))})`;
  return [
    `CREATE DOMAIN public.osp_sort_text AS text COLLATE "C"`,
    `CREATE FUNCTION osp_sort_key(text) RETURNS public.osp_sort_text
       LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
       AS $fn$ SELECT (${primary} || chr(1) || ${secondary} || chr(1) || $1)::public.osp_sort_text $fn$`,
    `COMMENT ON FUNCTION osp_sort_key(text) IS 'Vietnamese alphabetical order: ORDER BY osp_sort_key(name). See apps/api/src/platform/vietnamese-order.ts.'`,
  ];
}
