import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVER_NODE_FLAGS } from './runtime-flags';

const root = join(__dirname, '../../../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

describe('the server runs with the same V8 flags wherever it is started', () => {
  it.each([
    ['npm start (package.json)', () => JSON.parse(read('package.json')).scripts.start as string],
    ['the API package start (apps/api/package.json)', () => JSON.parse(read('apps/api/package.json')).scripts.start as string],
    ['the Docker image (docker/Dockerfile CMD)', () => read('docker/Dockerfile').split('\n').find((line) => line.startsWith('CMD '))!],
  ])('%s', (_where, command) => {
    const text = command();
    for (const flag of SERVER_NODE_FLAGS) expect(text).toContain(flag);
  });
});
