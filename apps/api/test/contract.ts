import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse, print, type OperationDefinitionNode } from 'graphql';

/** The portals' contract: ../shared/contract when it is beside the repository, else the copy in packages/schema. */
export const SHARED_CONTRACT = resolve(__dirname, '../../../../shared/contract');
export const VENDORED_CONTRACT = resolve(__dirname, '../../../packages/schema/contract');

export function contractDir(): string {
  return existsSync(SHARED_CONTRACT) ? SHARED_CONTRACT : VENDORED_CONTRACT;
}

export function contractFiles(dir = contractDir()): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.graphql')).sort();
}

/** The operations of one contract file, by name, as query strings. */
export function contractOperations(file: string): Record<string, string> {
  const doc = parse(readFileSync(join(contractDir(), file), 'utf8'));
  const ops: Record<string, string> = {};
  for (const def of doc.definitions) {
    if (def.kind === 'OperationDefinition' && def.name) ops[def.name.value] = print(def as OperationDefinitionNode);
  }
  return ops;
}
