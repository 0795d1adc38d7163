import type DataLoader from 'dataloader';
import type { Connection } from '../../platform/graphql/connection';
import type { Loaders } from '../../platform/graphql/loaders';
import { isObjectType, type GraphQLResolveInfo } from 'graphql';
import { MAX_PAGE_SIZE } from '../../platform/graphql/connection';
import { argumentsOf, fieldNamesOf, selectedFields } from '../../platform/graphql/lookahead';
import { AdministrativeUnit } from './administrative-unit.entity';
import type { AdministrativeUnitService, UnitListPrefetch } from './administrative-unit.service';

/** Batched reads of the unit tree for one request: every parent's first page and every roll-up at once. */

export interface ChildrenKey {
  parentId: string;
  asOf: string;
  first: number;
}

/**
 * The request's loader of first pages of children (also primed by a list that read them:
 * AdministrativeUnitService.list). `omit`: the columns the request's operation cannot read
 * (AdministrativeUnitService.unaskedColumns), the same for every call of one request.
 */
export function childrenLoader(loaders: Loaders, units: AdministrativeUnitService, omit: ReadonlySet<string>): DataLoader<ChildrenKey, Connection<AdministrativeUnit>> {
  return loaders.named<ChildrenKey, Connection<AdministrativeUnit>>(
    'administrativeUnit.children',
    async (keys) => {
      // Keys asked together share a day and a page size (one `children(first:)` of one query): one
      // statement per such group.
      const groups = new Map<string, number[]>();
      keys.forEach((k, i) => {
        const group = `${k.asOf}|${k.first}`;
        const list = groups.get(group);
        if (list) list.push(i);
        else groups.set(group, [i]);
      });
      const results: Connection<AdministrativeUnit>[] = new Array(keys.length);
      for (const indexes of groups.values()) {
        const { asOf, first } = keys[indexes[0]];
        const pages = await units.childrenFirstPages(indexes.map((i) => keys[i].parentId), asOf, first, omit);
        for (const i of indexes) results[i] = pages.get(keys[i].parentId) as Connection<AdministrativeUnit>;
      }
      return results;
    },
    (k) => `${k.parentId}|${k.asOf}|${k.first}`,
  );
}

/** The first page of a unit's children in force on a day; all pages asked in one tick cost one statement. */
export function loadChildrenFirstPage(loaders: Loaders, units: AdministrativeUnitService, key: ChildrenKey, info: GraphQLResolveInfo): Promise<Connection<AdministrativeUnit>> {
  return childrenLoader(loaders, units, units.unaskedColumns(fieldNamesOf(info))).load(key);
}

/** The id of the unit in force on `day` that a unit rolls up to; one statement per day asked. */
export function loadRollUpId(loaders: Loaders, units: AdministrativeUnitService, id: string, day: string): Promise<string> {
  return loaders
    .named<{ id: string; day: string }, string>(
      'administrativeUnit.rollUp',
      async (keys) => {
        const byDay = new Map<string, string[]>();
        for (const k of keys) {
          const ids = byDay.get(k.day);
          if (ids) ids.push(k.id);
          else byDay.set(k.day, [k.id]);
        }
        const resolved = new Map<string, string>();
        for (const [d, ids] of byDay) for (const [unitId, target] of await units.rollUp(ids, d)) resolved.set(`${unitId}|${d}`, target);
        return keys.map((k) => resolved.get(`${k.id}|${k.day}`) ?? k.id);
      },
      (k) => `${k.id}|${k.day}`,
    )
    .load({ id, day });
}

/**
 * What a list of units (`administrativeUnits`) can read with its own statement for the fields its
 * nodes ask for: `parent`, and the first page of `children` (asked once, without `after`). What it
 * reads primes the request's loaders, so the field resolvers answer from them without a statement.
 */
export function unitListPrefetch(info: GraphQLResolveInfo, loaders: Loaders, units: AdministrativeUnitService): UnitListPrefetch | undefined {
  const fields = selectedFields(info, ['edges', 'node']);
  const prefetch: UnitListPrefetch = { omit: units.unaskedColumns(fieldNamesOf(info)) };
  if (fields.some((f) => f.name.value === 'parent')) {
    prefetch.parent = (_unit, parent) => loaders.byId(AdministrativeUnit).prime(parent.id, parent);
  }
  const children = fields.filter((f) => f.name.value === 'children');
  const type = info.schema.getType('AdministrativeUnit');
  if (children.length === 1 && isObjectType(type)) {
    const args = argumentsOf(type.getFields().children, children[0], info);
    const first = args?.first;
    if (args && args.after == null && typeof first === 'number' && Number.isInteger(first) && first >= 1 && first <= MAX_PAGE_SIZE) {
      const loader = childrenLoader(loaders, units, prefetch.omit);
      prefetch.children = { first, each: (unit, asOf, page) => loader.prime({ parentId: unit.id, asOf, first }, page) };
    }
  }
  return prefetch.parent || prefetch.children ? prefetch : undefined;
}
