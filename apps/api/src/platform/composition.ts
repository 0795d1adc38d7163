import type { DataSource, MixedList } from 'typeorm';
import type { Config } from './config';
import type { Container } from './container';
import type { Logger } from './logger';
import type { Actor } from './graphql/context';

/** Turns a request's `Authorization` header into the acting user (or throws UNAUTHENTICATED). */
export type Authenticate = (authorization: string | undefined) => Promise<Actor>;

/**
 * What the application's entry point hands the platform: the domain modules' entities, migrations
 * and resolvers, and the hooks the platform calls. The platform imports nothing from `modules/`;
 * `src/app.ts` composes the modules and a new module is registered there, in one place.
 */
export interface Composition {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: readonly Function[];
  /** Runs once the services are built, before the first request (e.g. loads the token signing key). */
  init?(container: Container): Promise<void>;
  /** The sign-in hook: how a request's bearer token becomes an actor. */
  authenticate(container: Container): Authenticate;
  /** Loads the demo data on first start (`OSP_SEED=demo`); answers what it loaded, or null. */
  seed?(dataSource: DataSource): Promise<Record<string, unknown> | null | undefined | void>;
  /**
   * Plain HTTP GET routes a module serves beside GraphQL (e.g. a calendar feed a phone subscribes to).
   * The handler answers a status, a content type and a body; it runs inside the request's context
   * (request id, language, SQL count) and its unexpected errors are answered like any other.
   */
  routes?(container: Container): HttpRoute[];
  /**
   * Streamed uploads (POST, the file as the body; e.g. the report imports' POST /imports), authenticated
   * like /graphql (bearer token) and guarded against cross-site requests as Apollo guards it.
   */
  uploads?(container: Container): UploadRoute[];
  /**
   * Background workers (e.g. webhook deliveries): started once the services are built, stopped on
   * shutdown after the last request in flight and before the database closes.
   */
  workers?(container: Container, config: Config, log: Logger): BackgroundWorker[];
}

export interface BackgroundWorker {
  start(): Promise<void>;
  /** Stops taking work and waits for the work in hand (bounded by the worker's own timeouts). */
  stop(): Promise<void>;
}

export interface HttpRoute {
  /** An Express path pattern, e.g. '/calendar/:token.ics'; never under /graphql. */
  path: string;
  handle(params: Record<string, string>): Promise<{ status: number; contentType: string; body: string; headers?: Record<string, string> }>;
}

/**
 * A POST route that takes a file as its streamed body. The platform authenticates the request (the actor,
 * as for /graphql), refuses what a browser could send cross-site without a preflight (a "simple" content
 * type with neither `x-apollo-operation-name` nor `apollo-require-preflight`: Apollo's CSRF prevention
 * rule), refuses a declared length over `maxBytes` (413), and answers the handler's JSON, or a typed
 * error as `{ errors: [{ message, extensions: { code, fields } }] }` with its HTTP status.
 */
export interface UploadRoute {
  path: string;
  maxBytes: number;
  handle(actor: Actor, body: import('node:stream').Readable, request: { query: Record<string, string | undefined>; header(name: string): string | undefined }): Promise<{ status: number; body: unknown }>;
}
