import type { ApolloServerPlugin, HTTPGraphQLHead } from '@apollo/server';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '../errors';
import { analyseOperation, type OperationAnalysis, type QueryLimits } from './limits';

/**
 * Refuses documents over the limits before any resolver runs (`analyseOperation`), and answers the
 * computed cost in `extensions.cost` when the request asks for it: `"extensions": {"cost": true}` in
 * the body, or the header `x-query-cost: 1`.
 */
export interface LimitsOptions<C> {
  /** The limits of this request's caller (stricter for portals' clients); default: `limits`. */
  limitsFor?(context: C): QueryLimits;
  /** Called once an operation passed its limits, before it runs (a portal's cost budget is charged here; it may refuse). */
  onAccepted?(context: C, analysis: OperationAnalysis, http: HTTPGraphQLHead): Promise<void>;
}

export function limitsPlugin<C extends object>(defaults: QueryLimits, options: LimitsOptions<C> = {}): ApolloServerPlugin<C> {
  return {
    async requestDidStart({ contextValue }) {
      let analysis: OperationAnalysis | null = null;
      const limits = options.limitsFor?.(contextValue) ?? defaults;
      return {
        async didResolveOperation({ schema, document, operation, request, response }) {
          if (!operation) return;
          analysis = analyseOperation(schema, document, operation, request.variables, limits);
          await options.onAccepted?.(contextValue, analysis, response.http);
        },
        async willSendResponse({ request, response }) {
          if (!analysis || response.body.kind !== 'single') return;
          const asked = request.extensions?.cost === true || request.http?.headers.get('x-query-cost') === '1';
          if (!asked) return;
          response.body.singleResult.extensions = {
            ...response.body.singleResult.extensions,
            cost: { ...analysis, maxCost: limits.maxCost, maxDepth: limits.maxDepth, maxAliases: limits.maxAliases, maxDirectives: limits.maxDirectives },
          };
        },
      };
    },
  };
}

/**
 * A request that failed because PostgreSQL could not be reached is answered HTTP 503 with
 * `Retry-After` (the error itself becomes SERVICE_UNAVAILABLE in the error formatter), so portals and
 * load balancers know to retry rather than report a bug.
 */
export function databaseUnavailablePlugin<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ errors, response }) {
          if (!errors?.some((e) => isDatabaseUnavailable(e))) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}
