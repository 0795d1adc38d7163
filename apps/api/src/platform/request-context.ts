import { AsyncLocalStorage } from 'node:async_hooks';

export type Lang = 'vi' | 'en';

/** What is known about the HTTP request being served, reachable from anywhere below it. */
export interface RequestStore {
  requestId: string;
  lang: Lang;
  ip: string | null;
  /** SQL statements sent to the database while serving this request. */
  sqlStatements: number;
  /** Set when the request ran past its time budget: it has been answered, and sends no more SQL. */
  timedOut?: boolean;
  /** Who the request acts as, for its log line: a user's or a portal client's id and name (not set for the anonymous). */
  actor?: { kind: string; id: string | null; label: string };
}

const storage = new AsyncLocalStorage<RequestStore>();

export function runInRequest<T>(store: RequestStore, fn: () => T): T {
  return storage.run(store, fn);
}

export function currentRequest(): RequestStore | undefined {
  return storage.getStore();
}

/** Vietnamese unless the client prefers English (`Accept-Language: en…` ranked before `vi`). */
export function languageFrom(acceptLanguage: string | undefined | null): Lang {
  if (!acceptLanguage) return 'vi';
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag, q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((l) => l.tag && !Number.isNaN(l.q) && l.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag.startsWith('vi')) return 'vi';
    if (tag.startsWith('en')) return 'en';
  }
  return 'vi';
}
