import type { NextFunction, Request, Response } from 'express';
import type { Authenticate } from '../composition';
import { AppError, isDatabaseUnavailable, serviceUnavailable } from '../errors';
import type { Actor } from '../graphql/context';
import type { OperationRequest, PersistedOperations } from '../graphql/persisted';
import type { RequestStore } from '../request-context';
import { budgetExhausted, budgetHeaders, type ClientBudget, type ClientBudgets } from './budgets';
import { sendError } from './guards';

/**
 * What runs on /graphql between the body parser and Apollo, for portals' clients (issue 12):
 *
 * 1. `authenticateFirst`: the bearer token becomes the actor before Apollo (the context takes it from
 *    here; a failure is kept and thrown there, answered as before: 401 UNAUTHENTICATED).
 * 2. `clientGate`: a client's request is charged to its hourly request budget (spent: HTTP 429
 *    TOO_MANY_REQUESTS with `retry-after`, nothing runs); every client answer carries the budget's
 *    `x-ratelimit-*` headers. Then the operation must be a persisted one (PERSISTED_QUERY_NOT_ALLOWED,
 *    HTTP 400, otherwise). For everyone, a manifest hash (`extensions.persistedQuery.sha256Hash`) is
 *    replaced by the manifest's text before Apollo sees it, so Apollo's own automatic persisted
 *    queries never answer PERSISTED_QUERY_NOT_FOUND for a published operation; other hashes from
 *    staff or the anonymous are left to Apollo as before.
 */

export interface EarlyAuth {
  actor?: Actor;
  error?: unknown;
}

export function authenticateFirst(authenticate: Authenticate) {
  return (req: Request, res: Response, next: NextFunction): void => {
    authenticate(req.header('authorization')).then(
      (actor) => {
        res.locals.auth = { actor } satisfies EarlyAuth;
        if (actor.kind !== 'anonymous') (res.locals.request as RequestStore).actor = { kind: actor.kind, id: actor.id, label: actor.label };
        next();
      },
      (error: unknown) => {
        res.locals.auth = { error } satisfies EarlyAuth;
        next();
      },
    );
  };
}

export const budgetOf = (actor: Actor): ClientBudget | null =>
  actor.kind === 'client' && actor.id && actor.client ? { clientId: actor.id, requestsPerHour: actor.client.requestsPerHour, costPerHour: actor.client.costPerHour } : null;

function sendAppError(req: Request, res: Response, error: AppError): void {
  const http = error.extensions.http as { status: number; headers: Map<string, string> } | undefined;
  for (const [name, value] of http?.headers ?? []) res.setHeader(name, value);
  sendError(req, res, http?.status ?? 400, error.code, error.bilingual, { ...error.details });
}

export function clientGate(persisted: PersistedOperations, budgets: ClientBudgets, options: { persistedOnly: boolean }) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const actor = (res.locals.auth as EarlyAuth | undefined)?.actor;
    const budget = actor ? budgetOf(actor) : null;
    const run = async () => {
      if (budget) {
        const state = await budgets.charge(budget, 'requests', 1);
        if (!state.admitted) return sendAppError(req, res, budgetExhausted(state, budgets.retryAfter(state), 1));
        for (const [name, value] of Object.entries(budgetHeaders(state))) res.setHeader(name, value);
      }
      const strict = Boolean(budget) && options.persistedOnly;
      if (req.method !== 'POST') {
        if (strict) {
          return sendAppError(
            req,
            res,
            new AppError('PERSISTED_QUERY_NOT_ALLOWED', { vi: 'Ứng dụng kết nối gửi thao tác bằng POST.', en: 'API clients send operations with POST.' }, [], { reason: 'POST only' }).withHttp(400),
          );
        }
        return next();
      }
      const body = req.body as OperationRequest | undefined;
      if (!body || typeof body !== 'object') return next();
      const operation = persisted.resolve(body, strict);
      if (operation) {
        body.query = operation.body;
        if (body.extensions?.persistedQuery) {
          const { persistedQuery: _, ...rest } = body.extensions;
          body.extensions = rest;
        }
      }
      next();
    };
    run().catch((error: unknown) => {
      if (error instanceof AppError) return sendAppError(req, res, error);
      // The counters cannot be reached (PostgreSQL restarting, Redis down): retryable, never unmetered.
      if (isDatabaseUnavailable(error) || /redis|ECONNREFUSED|Connection is closed/i.test(String((error as Error)?.message))) return sendAppError(req, res, serviceUnavailable());
      next(error);
    });
  };
}
