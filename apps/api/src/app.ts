import 'reflect-metadata';
import { migrations } from './migrations';
import { entities } from './modules/entities';
import { ApiClientService } from './modules/api-clients/api-client.service';
import { AuthService } from './modules/identity/auth.service';
import { TokenService } from './modules/identity/token.service';
import { resolvers } from './modules/resolvers';
import { createPlatform, type Application } from './platform/application';
import type { Composition } from './platform/composition';
import type { Config } from './platform/config';
import type { Logger } from './platform/logger';
import { seedDemoData } from './seed/demo-seed';
import { CalendarService } from './modules/counters/calendar.service';
import { WebhookDispatcher } from './modules/webhooks/webhook-dispatcher';
import { WebhookQueue } from './modules/webhooks/webhook-queue';
import { WebhookWorker } from './modules/webhooks/webhook-worker';
import { ImportService } from './modules/reports/imports/import.service';
import { importUploadRoute } from './modules/reports/imports/import.route';
import { ImportWorker } from './modules/reports/imports/import-worker';

export type { Application } from './platform/application';

/**
 * The composition root: One-Stop Post is the platform plus these modules. A new module adds its
 * entities (modules/entities.ts), resolvers (modules/resolvers.ts) and migrations (migrations/index.ts);
 * the platform itself knows none of them.
 */
export const composition: Composition = {
  entities,
  migrations,
  resolvers,
  init: (container) => container.get(TokenService).init(),
  authenticate(container) {
    const auth = container.get(AuthService);
    const clients = container.get(ApiClientService);
    // A bearer token is a user's session or a portal's client token (told apart by its audience); each
    // check verifies its own kind and refuses the other, so neither is ever taken for the other.
    return (header) => (clients.carriesClientToken(header) ? clients.authenticate(header as string) : auth.authenticate(header));
  },
  seed: seedDemoData as Composition['seed'],
  routes: (container) => [container.get(CalendarService).route()],
  uploads: (container) => [importUploadRoute(container.get(ImportService))],
  workers: (container, config, log) => [new WebhookWorker(container.get(WebhookDispatcher), container.get(WebhookQueue), config.webhooks, log), container.get(ImportWorker).withLog(log)],
};

/** Builds the whole application: database (embedded or given), migrations, seed, GraphQL, HTTP. */
export function createApplication(config: Config, log?: Logger): Promise<Application> {
  return createPlatform(config, composition, log);
}
