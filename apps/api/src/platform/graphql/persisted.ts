import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { Kind, parse, print, visit, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { AppError, type Bilingual } from '../errors';

/** One operation of the manifest (Apollo's persisted query manifest format, version 1). */
export interface PersistedOperation {
  id: string;
  name: string;
  type: 'query' | 'mutation' | 'subscription';
  body: string;
}

export interface PersistedManifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: PersistedOperation[];
}

export const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The body of an operation as the manifest holds it (scripts/persisted-operations.mjs does the same):
 * graphql-js's print() of the operation followed by the fragments it uses, transitively, by name.
 */
export function operationBody(operation: OperationDefinitionNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): string | null {
  const used = new Set<string>();
  let missing = false;
  const collect = (node: OperationDefinitionNode | FragmentDefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        if (used.has(name)) return;
        const fragment = fragments.get(name);
        if (!fragment) {
          missing = true;
          return;
        }
        used.add(name);
        collect(fragment);
      },
    });
  collect(operation);
  if (missing) return null;
  const definitions = [operation, ...[...used].sort().map((name) => fragments.get(name) as FragmentDefinitionNode)];
  return print({ kind: Kind.DOCUMENT, definitions } as DocumentNode);
}

export const PERSISTED_QUERY_NOT_ALLOWED: Bilingual = {
  vi: 'Ứng dụng kết nối chỉ được chạy các thao tác đã công bố (persisted operations), gửi bằng mã sha256 trong packages/schema/persisted-operations.json.',
  en: 'API clients may run only the published operations (persisted operations), sent by their sha256 hash from packages/schema/persisted-operations.json.',
};

/** HTTP status of PERSISTED_QUERY_NOT_ALLOWED: the request itself is not acceptable (as any other malformed request). */
export const PERSISTED_QUERY_NOT_ALLOWED_STATUS = 400;

export const notAllowed = (reason: string) => new AppError('PERSISTED_QUERY_NOT_ALLOWED', PERSISTED_QUERY_NOT_ALLOWED, [], { reason }).withHttp(PERSISTED_QUERY_NOT_ALLOWED_STATUS);

/** What a request body says about its operation, as far as the allow-list cares. */
export interface OperationRequest {
  query?: unknown;
  operationName?: unknown;
  extensions?: { persistedQuery?: { version?: unknown; sha256Hash?: unknown } } & Record<string, unknown>;
}

/**
 * The allow-list of portals' clients: the operations of packages/schema/persisted-operations.json,
 * by id (the sha256 of the body). `resolve` turns a request into the manifest's body, or refuses it.
 */
export class PersistedOperations {
  private readonly byId = new Map<string, PersistedOperation>();
  private readonly maxTokens: number;

  constructor(manifest: PersistedManifest, options: { maxTokens?: number } = {}) {
    if (manifest.format !== 'apollo-persisted-query-manifest' || manifest.version !== 1) throw new Error('not an Apollo persisted query manifest (version 1)');
    for (const op of manifest.operations) {
      if (sha256Hex(op.body) !== op.id) throw new Error(`persisted operation ${op.name}: its id is not the sha256 of its body (run npm run persisted)`);
      this.byId.set(op.id, op);
    }
    this.maxTokens = options.maxTokens ?? 5000;
  }

  static load(path: string, options: { maxTokens?: number } = {}): PersistedOperations {
    if (!existsSync(path)) throw new Error(`the persisted operations manifest ${path} does not exist (run npm run persisted, or set OSP_PERSISTED_OPERATIONS)`);
    return new PersistedOperations(JSON.parse(readFileSync(path, 'utf8')) as PersistedManifest, options);
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: string): PersistedOperation | undefined {
    return this.byId.get(id);
  }

  /**
   * The manifest's operation a request names, or an error for a client (`strict`):
   * - `extensions.persistedQuery` (version 1) with a `sha256Hash` of the manifest; a query text sent
   *   along must hash to it;
   * - else a query text whose sha256 is a manifest id;
   * - else a text that parses to a manifest operation (the one `operationName` names, with the
   *   fragments it uses; whitespace, comments and the document's other operations do not matter).
   * Not strict (staff, the anonymous): a manifest hash is resolved, anything else is left to Apollo
   * (null). Strict: anything else is PERSISTED_QUERY_NOT_ALLOWED.
   */
  resolve(body: OperationRequest, strict: boolean): PersistedOperation | null {
    const pq = body.extensions?.persistedQuery;
    const text = typeof body.query === 'string' && body.query !== '' ? body.query : null;
    if (pq !== undefined) {
      const hash = typeof pq?.sha256Hash === 'string' ? pq.sha256Hash.toLowerCase() : null;
      const known = hash && pq?.version === 1 ? this.byId.get(hash) : undefined;
      if (!known) {
        if (strict) throw notAllowed(pq?.version !== 1 ? 'persistedQuery.version must be 1' : 'the sha256Hash is not a published operation');
        return null; // Apollo's own automatic persisted queries, for staff
      }
      if (text !== null && sha256Hex(text) !== known.id) {
        if (strict) throw notAllowed('the query text does not hash to the sha256Hash');
        return null;
      }
      return known;
    }
    if (text === null) {
      if (strict) throw notAllowed('no persistedQuery extension and no query');
      return null;
    }
    const exact = this.byId.get(sha256Hex(text));
    if (exact) return exact;
    if (!strict) return null;
    const canonical = this.canonical(text, typeof body.operationName === 'string' ? body.operationName : null);
    if (canonical) return canonical;
    throw notAllowed('the query is not a published operation');
  }

  /** The manifest operation a document's text stands for, if it is one (parsed with the token limit). */
  private canonical(text: string, operationName: string | null): PersistedOperation | null {
    let doc: DocumentNode;
    try {
      doc = parse(text, { noLocation: true, maxTokens: this.maxTokens });
    } catch {
      return null;
    }
    const fragments = new Map<string, FragmentDefinitionNode>();
    const operations: OperationDefinitionNode[] = [];
    for (const def of doc.definitions) {
      if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
      else if (def.kind === Kind.OPERATION_DEFINITION) operations.push(def);
      else return null;
    }
    const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
    if (!operation) return null;
    const body = operationBody(operation, fragments);
    return body === null ? null : (this.byId.get(sha256Hex(body)) ?? null);
  }
}
