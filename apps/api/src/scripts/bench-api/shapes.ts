/**
 * The three request shapes of `npm run bench:api`: the GraphQL operation the API answers, and the
 * hand-written SQL and JSON assembly of the raw node-postgres handler that answers the same request
 * with the same bytes (same rows, nesting, field order; JSON.stringify + '\n', as Apollo Server does).
 */

export type ShapeName = 'desks' | 'units' | 'desk';
export const SHAPES: readonly ShapeName[] = ['desks', 'units', 'desk'];

export const SHAPE_LABELS: Record<ShapeName, string> = {
  desks: '100 desks by name, national, with agency, unit, province',
  units: '100 units in force by code, with parent and first 20 children',
  desk: 'one desk by id with agency, unit, province',
};

export const PAGE_SIZE = 100;
export const CHILDREN_PAGE_SIZE = 20;

/** GraphQL operations, by operation name (the raw handler dispatches on `operationName`). */
export const OPERATIONS: Record<ShapeName, { operationName: string; query: string }> = {
  desks: {
    operationName: 'BenchDesks',
    query: `query BenchDesks($first: Int!) {
  oneStopDesks(first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id code name level address retiredOn
      agency { id code name kind }
      administrativeUnit { id code name level }
      province { id code name } } }
  }
}`,
  },
  units: {
    operationName: 'BenchUnits',
    query: `query BenchUnits($first: Int!) {
  administrativeUnits(first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id code name level path validFrom validTo
      parent { id code name level }
      children(first: ${CHILDREN_PAGE_SIZE}) { totalCount edges { node { id code name level } } } } }
  }
}`,
  },
  desk: {
    operationName: 'BenchDesk',
    query: `query BenchDesk($id: ID!) {
  oneStopDesk(id: $id) { id code name level address retiredOn
    agency { id code name kind }
    administrativeUnit { id code name level }
    province { id code name } }
}`,
  },
};

/**
 * The signed-in actor of the request, in every statement (no extra round trip): exactly the API's
 * `authenticate` (an active user, a session neither revoked nor expired) and its province (null: national).
 * $1 user id, $2 session id (both from the verified token).
 */
const ACTOR = `actor AS (
  SELECT count(*)::int AS n, (array_agg(u.province_id))[1] AS province_id
    FROM app_user u JOIN user_session s ON s.user_id = u.id
   WHERE u.id = $1 AND u.active AND s.id = $2 AND s.revoked_at IS NULL AND s.expires_at > now()
)`;

/** Desks the actor reads: its province (or all), not retired on $3 (the API's default filter). */
const DESKS_IN_SCOPE = `actor.n > 0 AND (actor.province_id IS NULL OR d.province_id = actor.province_id)
       AND (d.retired_on IS NULL OR d.retired_on > $3)`;

const DESK_COLUMNS = `d.id, d.code, d.name, d.level, d.address, d.retired_on,
       a.id AS a_id, a.code AS a_code, a.name AS a_name, a.kind AS a_kind,
       u.id AS u_id, u.code AS u_code, u.name AS u_name, u.level AS u_level,
       p.id AS p_id, p.code AS p_code, p.name AS p_name`;

const DESK_JOINS = `LEFT JOIN agency a ON a.id = d.agency_id
  LEFT JOIN administrative_unit u ON u.id = d.administrative_unit_id
  LEFT JOIN administrative_unit p ON p.id = d.province_id`;

const IN_FORCE = (alias: string) => `${alias}.valid_from <= $3 AND (${alias}.valid_to IS NULL OR ${alias}.valid_to >= $3)`;

/** One statement per request. $3 is today in Vietnam; $4 the page size + 1 (to know hasNextPage); $5 the children page size. */
export const RAW_SQL: Record<ShapeName, string> = {
  desks: `WITH ${ACTOR},
total AS (SELECT count(*)::int AS n FROM one_stop_desk d, actor WHERE ${DESKS_IN_SCOPE})
SELECT actor.n AS actors, total.n AS total, ${DESK_COLUMNS}
  FROM actor CROSS JOIN total
  LEFT JOIN LATERAL (
    -- In Vietnamese order (the API's osp_sort_key, by its index), numbered so that the joins keep it.
    SELECT d.*, row_number() OVER () AS rn FROM (
      SELECT d.* FROM one_stop_desk d WHERE ${DESKS_IN_SCOPE} ORDER BY osp_sort_key(d.name), d.id LIMIT $4
    ) d
  ) d ON true
  ${DESK_JOINS}
 ORDER BY d.rn`,

  units: `WITH ${ACTOR},
total AS (SELECT count(*)::int AS n FROM administrative_unit u WHERE ${IN_FORCE('u')})
SELECT actor.n AS actors, total.n AS total,
       u.id, u.code, u.name, u.level, u.path::text AS path, u.valid_from, u.valid_to,
       p.id AS p_id, p.code AS p_code, p.name AS p_name, p.level AS p_level,
       ch.total AS c_total, ch.nodes AS c_nodes
  FROM actor CROSS JOIN total
  LEFT JOIN LATERAL (
    SELECT u.* FROM administrative_unit u WHERE actor.n > 0 AND ${IN_FORCE('u')} ORDER BY u.code, u.id LIMIT $4
  ) u ON true
  LEFT JOIN administrative_unit p ON p.id = u.parent_id
  LEFT JOIN LATERAL (
    SELECT count(*)::int AS total,
           json_agg(json_build_object('id', c.id, 'code', c.code, 'name', c.name, 'level', c.level) ORDER BY c.code, c.id) FILTER (WHERE c.rn <= $5) AS nodes
      FROM (SELECT c.id, c.code, c.name, c.level, row_number() OVER (ORDER BY c.code, c.id) AS rn
              FROM administrative_unit c WHERE c.parent_id = u.id AND ${IN_FORCE('c')}) c
  ) ch ON u.id IS NOT NULL
 ORDER BY u.code, u.id`,

  desk: `WITH ${ACTOR}
SELECT actor.n AS actors, ${DESK_COLUMNS}
  FROM actor
  LEFT JOIN LATERAL (
    SELECT d.* FROM one_stop_desk d
     WHERE actor.n > 0 AND d.id = $3 AND (actor.province_id IS NULL OR d.province_id = actor.province_id)
  ) d ON true
  ${DESK_JOINS}`,
};

type Row = Record<string, any>;

const cursorOf = (value: string, id: string) => Buffer.from(JSON.stringify([value, id]), 'utf8').toString('base64url');

function deskNode(r: Row) {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    level: r.level,
    address: r.address,
    retiredOn: r.retired_on,
    agency: { id: r.a_id, code: r.a_code, name: r.a_name, kind: r.a_kind },
    administrativeUnit: { id: r.u_id, code: r.u_code, name: r.u_name, level: r.u_level },
    province: { id: r.p_id, code: r.p_code, name: r.p_name },
  };
}

/** The response document of a shape from the rows of its statement (rows[0] always exists: the actor row). */
export function assemble(shape: ShapeName, rows: Row[], first: number): unknown {
  if (shape === 'desk') {
    const r = rows[0];
    return { data: { oneStopDesk: r.id === null ? null : deskNode(r) } };
  }
  const found = rows.filter((r) => r.id !== null);
  const shown = found.slice(0, first);
  const sortValue = shape === 'desks' ? 'name' : 'code';
  const last = shown.at(-1);
  const pageInfo = { hasNextPage: found.length > first, endCursor: last ? cursorOf(last[sortValue], last.id) : null };
  if (shape === 'desks') {
    return {
      data: {
        oneStopDesks: {
          totalCount: rows[0].total,
          pageInfo,
          edges: shown.map((r) => ({ cursor: cursorOf(r.name, r.id), node: deskNode(r) })),
        },
      },
    };
  }
  return {
    data: {
      administrativeUnits: {
        totalCount: rows[0].total,
        pageInfo,
        edges: shown.map((r) => ({
          cursor: cursorOf(r.code, r.id),
          node: {
            id: r.id,
            code: r.code,
            name: r.name,
            level: r.level,
            path: r.path,
            validFrom: r.valid_from,
            validTo: r.valid_to,
            parent: r.p_id === null ? null : { id: r.p_id, code: r.p_code, name: r.p_name, level: r.p_level },
            children: { totalCount: r.c_total, edges: ((r.c_nodes ?? []) as unknown[]).map((node) => ({ node })) },
          },
        })),
      },
    },
  };
}

/** Today in Vietnam (UTC+7), as the API computes its default "as of" day. */
export function todayInVietnam(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}
