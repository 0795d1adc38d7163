import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { GraphQLSchema } from 'graphql';
import { pinoHttp } from 'pino-http';
import type { DataSource } from 'typeorm';
import type { Config } from '../config';
import { databaseIsUp } from '../database/data-source';
import type { Authenticate, HttpRoute, UploadRoute } from '../composition';
import { AppError, createErrorFormatter, isDatabaseUnavailable, serviceUnavailable } from '../errors';
import { createContext, type GraphQLContext } from '../graphql/context';
import { compiledExecution } from '../graphql/executor';
import { PersistedOperations } from '../graphql/persisted';
import { databaseUnavailablePlugin, limitsPlugin } from '../graphql/plugins';
import type { Logger } from '../logger';
import { currentRequest, languageFrom, runInRequest } from '../request-context';
import { budgetExhausted, budgetHeaders, ClientBudgets } from './budgets';
import { authenticateFirst, budgetOf, clientGate, type EarlyAuth } from './clients';
import { errorHandler, refuseBatches, responseGuards, sendError } from './guards';
import { drainHttpServerPlugin } from './shutdown';

export interface HttpServer {
  app: express.Express;
  server: Server;
  apollo: ApolloServer<GraphQLContext>;
  /** Portals' hourly budgets (their clock is what tests move). */
  budgets: ClientBudgets;
  /** The operations portals' clients may run. */
  persisted: PersistedOperations;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export async function createHttpServer(
  config: Config,
  log: Logger,
  schema: GraphQLSchema,
  dataSource: DataSource,
  authenticate: Authenticate,
  routes: readonly HttpRoute[] = [],
  uploads: readonly UploadRoute[] = [],
): Promise<HttpServer> {
  const app = express();
  const server = createServer(app);
  app.disable('x-powered-by');
  // No ETag on res.send bodies: GraphQL answers are POST responses nobody revalidates, and hashing each
  // one costs CPU on every request. Static files keep theirs (serve-static sets its own).
  app.set('etag', false);
  // X-Forwarded-For counts only from the proxies named in OSP_TRUST_PROXY (default: none), else anyone
  // could pick the address that sign-in throttling counts against.
  app.set('trust proxy', config.trustProxy);

  // Every request gets an id (the caller's x-request-id if sane), a language, and its own SQL count.
  app.use((req: Request, res: Response, next: NextFunction) => {
    const given = req.header('x-request-id');
    const requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
    res.setHeader('x-request-id', requestId);
    const store = { requestId, lang: languageFrom(req.header('accept-language')), ip: req.ip ?? null, sqlStatements: 0 };
    if (config.exposeSqlCount) {
      const writeHead = res.writeHead.bind(res);
      res.writeHead = ((...args: Parameters<typeof res.writeHead>) => {
        if (!res.headersSent) res.setHeader('x-sql-statements', String(store.sqlStatements));
        return writeHead(...args);
      }) as typeof res.writeHead;
    }
    res.locals.request = store;
    runInRequest(store, () => next());
  });
  // Body parsing resumes in the socket's async context; step back into the request's.
  const reenter = (_req: Request, res: Response, next: NextFunction) => runInRequest(res.locals.request, () => next());
  app.use(
    pinoHttp({
      logger: log,
      genReqId: (_req, res) => res.getHeader('x-request-id') as string,
      // Every request's line says who made it (a user, or a portal's client by its name).
      customProps: (_req, res) => ({ sqlStatements: currentRequest()?.sqlStatements, actor: (res as unknown as Response).locals?.request?.actor }),
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
    }),
  );

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const up = await databaseIsUp(dataSource);
    res.status(up ? 200 : 503).json({ status: up ? 'ready' : 'unavailable', database: up ? 'up' : 'down' });
  });

  for (const route of routes) {
    app.get(route.path, (req: Request, res: Response, next: NextFunction) => {
      route.handle(req.params as Record<string, string>).then((answer) => {
        res.status(answer.status).set({ 'content-type': answer.contentType, ...answer.headers }).send(answer.body);
      }, next);
    });
  }

  for (const route of uploads) app.post(route.path, authenticateFirst(authenticate), reenter, uploadHandler(route));

  // Portals' clients: the persisted-operation allow-list and the hourly budgets (platform/http/clients.ts).
  const persisted = PersistedOperations.load(config.persistedOperations, { maxTokens: config.limits.maxTokens });
  const budgets = await ClientBudgets.create(dataSource, log, config.redisUrl);
  log.info({ operations: persisted.size, counters: budgets.store }, 'portal clients: persisted operations loaded');

  const apollo = new ApolloServer<GraphQLContext>({
    // graphql-jit compiles each operation once (platform/graphql/executor.ts); OSP_GRAPHQL_JIT=off runs graphql-js.
    ...(config.graphqlJit ? { gateway: compiledExecution(schema) } : { schema }),
    introspection: config.introspection,
    csrfPrevention: true,
    // Documents over the token limit are refused by the parser itself (graphql-armor's token limit turns
    // syntax errors into HTTP 500: see its issues #571/#605/#751); the other limits run in limitsPlugin.
    parseOptions: { maxTokens: config.limits.maxTokens },
    // One operation per request: an array body is refused (refuseBatches, before Apollo).
    allowBatchedHttpRequests: false,
    // main.ts owns SIGTERM/SIGINT: drain HTTP, then close the database, then exit 0.
    stopOnTerminationSignals: false,
    formatError: createErrorFormatter((error, requestId) => log.error({ err: error, requestId }, 'unexpected error in a GraphQL request'), {
      // Signed-in staff only: the anonymous and portals' clients never get "Did you mean …?".
      fieldSuggestions: config.fieldSuggestions,
      maxTokens: config.limits.maxTokens,
    }),
    plugins: [
      drainHttpServerPlugin(server, { graceMs: config.shutdownGraceMs, log }),
      ApolloServerPluginLandingPageDisabled(),
      // Nothing here uses @cacheControl; the default plugin would add a hook to every field resolved.
      ApolloServerPluginCacheControlDisabled(),
      limitsPlugin<GraphQLContext>(config.limits, {
        limitsFor: (ctx) => (ctx.actor.kind === 'client' ? config.clientLimits : config.limits),
        // A portal's cost points of the hour: the operation's cost is charged before it runs, or refused (429).
        async onAccepted(ctx, analysis, http) {
          const budget = budgetOf(ctx.actor);
          if (!budget) return;
          const state = await budgets.charge(budget, 'cost', analysis.cost);
          if (!state.admitted) throw budgetExhausted(state, budgets.retryAfter(state), analysis.cost);
          for (const [name, value] of Object.entries(budgetHeaders(state))) http.headers.set(name, value);
        },
      }),
      { serverWillStart: async () => ({ serverWillStop: () => budgets.close() }) },
      databaseUnavailablePlugin<GraphQLContext>(),
    ],
  });
  await apollo.start();
  app.use(
    '/graphql',
    responseGuards(config.maxResponseBytes, config.requestTimeoutMs),
    express.json({ limit: config.maxBodyBytes }),
    reenter,
    refuseBatches,
    authenticateFirst(authenticate),
    reenter,
    clientGate(persisted, budgets, { persistedOnly: config.clientPersistedOnly }),
    reenter,
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const early = res.locals.auth as EarlyAuth;
        const actor = await (early.error ? Promise.reject(early.error) : Promise.resolve(early.actor as NonNullable<EarlyAuth['actor']>)).catch((error: unknown) => {
          // A bad token fails the request before any resolver runs: answer 401, not Apollo's default 500.
          if (error instanceof AppError && error.code === 'UNAUTHENTICATED') {
            error.extensions.http = { status: 401, headers: new Map([['www-authenticate', 'Bearer']]) };
          }
          // The session check could not reach the database: retryable, not a bug.
          if (isDatabaseUnavailable(error)) throw serviceUnavailable();
          throw error;
        });
        if (actor.kind !== 'anonymous') res.locals.request.actor = { kind: actor.kind, id: actor.id, label: actor.label };
        return createContext(dataSource, res.locals.request, actor, req.header('user-agent') ?? null);
      },
    }),
  );

  // The admin SPA and the local GraphiQL, built by apps/admin.
  const graphiql = join(config.adminDist, 'graphiql.html');
  if (!config.graphiql) {
    // Switched off (the production profile): neither the page nor its file under another name.
    app.use(/^\/graphiql(\.html)?$/, (_req, res) => {
      res.status(404).json({ error: 'not found' });
    });
  }
  app.get('/graphiql', (_req, res) => {
    if (existsSync(graphiql)) res.sendFile(graphiql);
    else res.status(404).type('text/plain').send('GraphiQL is not built: run `npm run build`.');
  });
  if (existsSync(config.adminDist)) {
    app.use(express.static(config.adminDist, { index: 'index.html', maxAge: '1h', setHeaders: noCacheForHtml }));
    app.get(/^\/(?!graphql|graphiql|healthz|readyz).*/, (req, res, next) => {
      if (!req.accepts('html')) return next();
      res.setHeader('cache-control', 'no-cache');
      res.sendFile(join(config.adminDist, 'index.html'));
    });
  } else {
    log.warn({ adminDist: config.adminDist }, 'the admin app is not built; only the API is served');
  }
  app.use((_req, res) => {
    res.status(404).json({ error: 'not found' });
  });
  app.use(errorHandler((error, requestId) => log.error({ err: error, requestId }, 'unexpected error in an HTTP request')));
  return { app, server, apollo, budgets, persisted };
}

/** Content types a browser sends cross-site without a preflight (Apollo's CSRF prevention lets them through only with one of its headers). */
const SIMPLE_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
const HTTP_STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 };

function uploadHandler(route: UploadRoute) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const fail = (error: AppError) => {
      req.resume();
      const http = error.extensions.http as { status: number } | undefined;
      sendError(req, res, http?.status ?? HTTP_STATUS[error.code] ?? 400, error.code, error.bilingual, error.fields.length ? { fields: error.fields.map((f) => ({ field: f.field, message: f.message[(res.locals.request?.lang ?? 'vi') as 'vi' | 'en'] })) } : {});
    };
    const type = (req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
    if ((!type || SIMPLE_TYPES.includes(type)) && !req.header('x-apollo-operation-name') && !req.header('apollo-require-preflight')) {
      return fail(new AppError('BAD_USER_INPUT', { vi: 'Yêu cầu bị từ chối để chống giả mạo: gửi tệp với Content-Type application/octet-stream (hoặc kiểu của tệp).', en: 'Refused as a possible cross-site request: send the file as application/octet-stream (or its own type).' }));
    }
    const declared = Number(req.header('content-length') ?? 0);
    if (declared > route.maxBytes) {
      return fail(new AppError('BAD_USER_INPUT', { vi: `Tệp quá lớn: tối đa ${Math.round(route.maxBytes / 1024 / 1024)} MB.`, en: `The file is too large: at most ${Math.round(route.maxBytes / 1024 / 1024)} MB.` }).withHttp(413));
    }
    const early = res.locals.auth as EarlyAuth;
    if (early.error) {
      if (early.error instanceof AppError) return fail(early.error);
      return next(early.error);
    }
    const query = Object.fromEntries(Object.entries(req.query).map(([k, v]) => [k, typeof v === 'string' ? v : undefined]));
    route.handle(early.actor!, req, { query, header: (name) => req.header(name) }).then(
      (answer) => res.status(answer.status).json(answer.body),
      (error: unknown) => (error instanceof AppError ? fail(error) : isDatabaseUnavailable(error) ? fail(serviceUnavailable()) : next(error)),
    );
  };
}

function noCacheForHtml(res: Response, path: string): void {
  if (path.endsWith('.html')) res.setHeader('cache-control', 'no-cache');
}
