import type { Connection } from '../../platform/graphql/connection';
import type { Loaders } from '../../platform/graphql/loaders';
import type { AdministrativeUnit } from './administrative-unit.entity';
import type { AdministrativeUnitService } from './administrative-unit.service';

/** Batched reads of the unit tree for one request: every parent's first page and every roll-up at once. */

interface ChildrenKey {
  parentId: string;
  asOf: string;
  first: number;
}

/** The first page of a unit's children in force on a day; all pages asked in one tick cost two statements. */
export function loadChildrenFirstPage(loaders: Loaders, units: AdministrativeUnitService, key: ChildrenKey): Promise<Connection<AdministrativeUnit>> {
  return loaders
    .named<ChildrenKey, Connection<AdministrativeUnit>>(
      'administrativeUnit.children',
      async (keys) => {
        const groups = new Map<string, ChildrenKey[]>();
        for (const k of keys) groups.set(`${k.asOf}|${k.first}`, [...(groups.get(`${k.asOf}|${k.first}`) ?? []), k]);
        const results = new Map<string, Connection<AdministrativeUnit>>();
        for (const group of groups.values()) {
          const pages = await units.childrenFirstPages(group.map((k) => k.parentId), group[0].asOf, group[0].first);
          for (const k of group) results.set(JSON.stringify(k), pages.get(k.parentId) as Connection<AdministrativeUnit>);
        }
        return keys.map((k) => results.get(JSON.stringify(k)) as Connection<AdministrativeUnit>);
      },
      (k) => JSON.stringify(k),
    )
    .load(key);
}

/** The id of the unit in force on `day` that a unit rolls up to; one statement per day asked. */
export function loadRollUpId(loaders: Loaders, units: AdministrativeUnitService, id: string, day: string): Promise<string> {
  return loaders
    .named<{ id: string; day: string }, string>(
      'administrativeUnit.rollUp',
      async (keys) => {
        const byDay = new Map<string, string[]>();
        for (const k of keys) byDay.set(k.day, [...(byDay.get(k.day) ?? []), k.id]);
        const resolved = new Map<string, string>();
        for (const [d, ids] of byDay) for (const [unitId, target] of await units.rollUp(ids, d)) resolved.set(`${unitId}|${d}`, target);
        return keys.map((k) => resolved.get(`${k.id}|${k.day}`) ?? k.id);
      },
      (k) => `${k.id}|${k.day}`,
    )
    .load({ id, day });
}
