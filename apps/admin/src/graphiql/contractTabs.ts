/**
 * GraphiQL's saved tabs for portal developers: one tab per operation of the published contract
 * (packages/schema/contract/*.graphql, the operations portals are written against), each with the
 * comment that says how it behaves, example variables and, past the token exchange, the header that
 * carries the portal's token. GraphiQL uses them when the browser has no tabs of its own saved.
 */
export interface ContractTab {
  query: string;
  variables?: string;
  headers?: string;
}

/** Example variables by operation name (what a portal would send; the ids are to be replaced). */
const EXAMPLES: Readonly<Record<string, Record<string, unknown>>> = {
  PortalToken: { clientId: 'osp_…', clientSecret: 'osp_sk_…' },
  PortalProcedures: { provinceCode: '42', search: 'khai sinh', first: 20 },
  SubmitDossier: {
    idempotencyKey: 'dvc-2026-000123',
    procedureCode: '1.001193',
    externalReference: 'DVC-000123',
    fullName: 'Nguyễn Văn An',
    idNumber: '042090001234',
    phone: '0912345678',
    pickupAddress: 'Thôn 1, xã Kỳ Xuân, tỉnh Hà Tĩnh',
    pickupUnitCode: '18766',
    deliverTo: 'Thôn 1, xã Kỳ Xuân, tỉnh Hà Tĩnh',
  },
  PortalDossier: { code: '000.00.10.H27-261205-0001' },
  PortalDossiersChanged: { since: '2026-12-01T00:00:00+07:00', first: 100 },
  TrackDossier: { code: '000.00.10.H27-261205-0001', phone: '0912345678' },
};

/** The operations that need the portal's token (every portal operation but the token exchange). */
const NEEDS_TOKEN = /^(?:PortalProcedures|SubmitDossier|PortalDossier|PortalDossiersChanged)$/;

/**
 * The operations of one contract file, each with the comment lines right above it. A file is blocks
 * separated by blank lines; the blocks holding an operation are its operations (the file's own header
 * comment, a block without one, is left out).
 */
export function contractTabs(source: string): ContractTab[] {
  return source
    .split(/\r?\n\s*\r?\n/)
    .map((block) => block.trim())
    .filter((block) => /^(?:query|mutation|subscription)\s/m.test(block))
    .map((block) => {
      const name = /^(?:query|mutation|subscription)\s+(\w+)/m.exec(block)?.[1] ?? '';
      const example = EXAMPLES[name];
      return {
        query: `${block}\n`,
        ...(example ? { variables: JSON.stringify(example, null, 2) } : {}),
        ...(NEEDS_TOKEN.test(name) ? { headers: JSON.stringify({ Authorization: 'Bearer <the token of PortalToken>', 'Accept-Language': 'vi' }, null, 2) } : {}),
      };
    });
}
