/**
 * The vocabulary of the scope matrix (test/scope.test.ts): who calls, what may come of it, a row of
 * the matrix and the scenario that plays it. Domain files (e.g. rollout.scope.ts) export their rows
 * and scenarios in these terms; scope.test.ts runs them all and checks they cover the schema.
 */
import type { GqlOptions, GraphQLResult, TestApp } from '../harness';

export type Who =
  | 'anonymous'
  | 'revoked'
  | 'admin'
  | 'hatinh.bcd'
  | 'hatinh.buudien'
  | 'hatinh.quay'
  | 'hatinh.stttt'
  | 'hatinh.quantri'
  | 'dongnai.bcd'
  | 'binhphuoc.buudien'
  | 'dongnai.quantri'
  /** A Hà Tĩnh portal's API client whose token carries every scope (scope/portal.scope.ts). */
  | 'portal';

/**
 * A = allowed (an answer with data), H = hidden (no error, nothing of another province: null, false,
 * an empty page or totals of nothing), U = UNAUTHENTICATED, F = FORBIDDEN, N = NOT_FOUND, B = BAD_USER_INPUT.
 */
export type Outcome = 'ALLOWED' | 'HIDDEN' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT';
export type Row = [operation: string, who: Who, outcome: Outcome, scenario: string];

export interface Attempt {
  res: GraphQLResult;
  /** Checks the answer (allowed or hidden) or, for a refused write, that nothing changed. */
  verify?: (data: any, outcome: Outcome) => Promise<void> | void;
  /**
   * For a hidden case that the national administrator's same read would not find either (public
   * tracking with a wrong phone): the read that does find something, to show it is hidden, not missing.
   */
  control?: () => Promise<GraphQLResult>;
}
export type Scenario = (caller: GqlOptions, who: Who) => Promise<Attempt>;
export type Scenarios = Record<string, Record<string, Scenario>>;

/** What a domain's scenarios get from the test file: the app (started in its beforeAll). */
export interface ScopeContext {
  app(): TestApp;
}

export const HATINH_USERS = ['hatinh.bcd', 'hatinh.buudien', 'hatinh.quay', 'hatinh.stttt', 'hatinh.quantri'] as const;
export const forEachHaTinhUser = (operation: string, scenario: string): Row[] => HATINH_USERS.map((who): Row => [operation, who, 'ALLOWED', scenario]);
/** Signed in, in the province, but without a role that writes the organisation, the map, the users or the rollout plan. */
export const READERS_ONLY: Who[] = ['hatinh.buudien', 'hatinh.quay', 'hatinh.stttt', 'binhphuoc.buudien'];
export const forbiddenToReaders = (operation: string, scenario: string): Row[] => READERS_ONLY.map((who): Row => [operation, who, 'FORBIDDEN', scenario]);

export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** Two failures that say the same thing, ids aside: nothing tells a record of another province from none. */
export function sameErrorApartFromIds(a: GraphQLResult, b: GraphQLResult): boolean {
  const strip = (r: GraphQLResult) => JSON.stringify({ errors: r.errors?.map((e) => ({ ...e, extensions: { ...e.extensions, requestId: undefined } })) }).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>');
  return Boolean(a.errors?.length) && strip(a) === strip(b);
}

/** Nothing: null, false (nothing done), a page without a record, or totals that count nothing (a list of them too). */
export function isEmpty(data: any): boolean {
  if (data === null || data === false) return true;
  if (typeof data !== 'object') return false;
  if (Array.isArray(data)) return data.length > 0 && data.every((item) => item !== null && typeof item === 'object' && 'count' in item && item.count === 0);
  if ('edges' in data) return data.totalCount === 0 && Array.isArray(data.edges) && data.edges.length === 0;
  const values = Object.values(data);
  return values.length > 0 && values.every((v) => v === 0);
}
