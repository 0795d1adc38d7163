import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig, RuntimeConfig } from '../platform/config';
import { Container } from '../platform/container';
import { createDataSource } from '../platform/database/data-source';
import { Notifications } from '../platform/database/notifications';
import { createLogger } from '../platform/logger';
import { PublicUrl } from '../platform/public-url';
import { createSchema, printPublishedSchema } from '../platform/graphql/schema';
import { composition } from '../app';

/** Writes packages/schema/schema.graphql from the code (no database connection is opened). */
export async function buildPublishedSdl(): Promise<string> {
  const dataSource = createDataSource({ url: 'postgres://unused', poolSize: 1, log: createLogger('silent'), entities: composition.entities });
  const container = new Container().register(DataSource, dataSource).register(Notifications, new Notifications(null, createLogger('silent'))).register(PublicUrl, new PublicUrl('http://localhost')).register(RuntimeConfig, new RuntimeConfig(loadConfig({})));
  const schema = await createSchema(container, composition.resolvers);
  return printPublishedSchema(schema);
}

export const SDL_PATH = resolve(__dirname, '../../../../packages/schema/schema.graphql');

if (require.main === module) {
  buildPublishedSdl().then((sdl) => {
    writeFileSync(SDL_PATH, sdl);
    console.log(`wrote ${SDL_PATH}`);
  });
}
