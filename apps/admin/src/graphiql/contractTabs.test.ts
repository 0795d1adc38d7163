import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';
import { contractTabs } from './contractTabs';

const contract = (file: string) => readFileSync(join(__dirname, '../../../../packages/schema/contract', file), 'utf8');

describe('GraphiQL’s contract tabs', () => {
  it('give one tab per operation of the portal contract, each parseable with its comment, its example and the token header past the exchange', () => {
    const tabs = contractTabs(contract('portal.graphql'));
    const names = tabs.map((tab) => /^(?:query|mutation)\s+(\w+)/m.exec(tab.query)?.[1]);
    expect(names).toEqual(['PortalToken', 'PortalProcedures', 'SubmitDossier', 'PortalDossier', 'PortalDossiersChanged']);
    for (const tab of tabs) {
      expect(parse(tab.query).definitions).toHaveLength(1);
      expect(tab.query.startsWith('#')).toBe(true);
      // Every variable the operation requires (non-null, no default) has an example value.
      const required = [...tab.query.matchAll(/\$(\w+):\s*\w+!(?!\s*=)/g)].map((m) => m[1]);
      const example = JSON.parse(tab.variables ?? '{}') as Record<string, unknown>;
      for (const variable of required) expect(example).toHaveProperty(variable);
    }
    expect(tabs[0].headers).toBeUndefined();
    expect(JSON.parse(tabs[1].headers ?? '{}')).toHaveProperty('Authorization');
  });

  it('read the tracking contract too', () => {
    const [track] = contractTabs(contract('tracking.graphql'));
    expect(track.query).toContain('trackDossier(code: $code, phone: $phone)');
    expect(JSON.parse(track.variables ?? '{}')).toEqual({ code: expect.any(String), phone: expect.any(String) });
  });
});
