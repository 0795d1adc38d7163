/** One field of an audited record, before and after the change. */
export interface DiffRow {
  field: string;
  /** `undefined` when the side has no such field (or no snapshot at all). */
  before: unknown;
  after: unknown;
  /**
   * - `changed`: both sides have a snapshot and the values differ (or the field came or went);
   * - `added` / `removed`: the whole record was created / has no snapshot after;
   * - null: the same on both sides.
   */
  change: 'changed' | 'added' | 'removed' | null;
}

type Snapshot = Record<string, unknown> | null | undefined;

/** JSON with object keys sorted, so equal values compare equal whatever the key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** The fields of `before` and `after` side by side, in the order the record lists them. */
export function diffSnapshots(before: Snapshot, after: Snapshot): DiffRow[] {
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return fields.map((field) => {
    const b = before ? before[field] : undefined;
    const a = after ? after[field] : undefined;
    let change: DiffRow['change'] = null;
    if (!before) change = 'added';
    else if (!after) change = 'removed';
    else if (!(field in before) || !(field in after) || canonical(b) !== canonical(a)) change = 'changed';
    return { field, before: b, after: a, change };
  });
}
