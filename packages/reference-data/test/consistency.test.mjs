// Integrity checks of the reference data, run against the compiled package (from the repo root):
//   npm -w @osp/reference-data run build      (swc src -d dist, run inside the package)
//   node --test packages/reference-data/test/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import ref from '../dist/index.js';

const { administrativeUnits: units, agencies, desks, postOffices, sources, findUnit, unitKey, nextDay } = ref;

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const RANK = { PROVINCE: 0, DISTRICT: 1, COMMUNE: 2 };
const byCode = (code) => units.filter((u) => u.code === code);
const inForce = (u, day) => u.validFrom <= day && (u.validTo === null || day <= u.validTo);
const dupes = (values) => values.filter((v, i) => values.indexOf(v) !== i);

test('the package exports data', () => {
  assert.ok(units.length > 0 && agencies.length > 0 && desks.length > 0 && postOffices.length > 0 && sources.length > 0);
});

test('unit fields are well formed', () => {
  for (const u of units) {
    assert.match(u.code, /^\d+$/, `code of ${u.name}`);
    assert.ok(u.name.trim().length > 0);
    assert.ok(u.level in RANK, `level of ${u.code}`);
    assert.match(u.validFrom, ISO, `validFrom of ${unitKey(u)}`);
    if (u.validTo !== null) assert.match(u.validTo, ISO, `validTo of ${unitKey(u)}`);
    const digits = { PROVINCE: 2, DISTRICT: 3, COMMUNE: 5 }[u.level];
    assert.equal(u.code.length, digits, `${unitKey(u)} (${u.level}) has a ${digits}-digit code`);
  }
});

// Official codes are reused over time (a 2025 commune takes a predecessor's code; a unit that
// changes type keeps its code), so a code identifies a unit only on a given day.
test('unit versions are unique: (code, validFrom) unique and versions of a code never overlap', () => {
  assert.deepEqual(dupes(units.map(unitKey)), []);
  for (const code of new Set(units.map((u) => u.code))) {
    const versions = byCode(code).sort((a, b) => a.validFrom.localeCompare(b.validFrom));
    for (let i = 1; i < versions.length; i++) {
      const prev = versions[i - 1];
      assert.ok(prev.validTo !== null && prev.validTo < versions[i].validFrom,
        `${unitKey(prev)} overlaps ${unitKey(versions[i])}`);
    }
  }
});

test('validFrom <= validTo', () => {
  for (const u of units) if (u.validTo !== null) assert.ok(u.validFrom <= u.validTo, unitKey(u));
});

test('every parent exists, is one level up or more, and is in force whenever the child is', () => {
  for (const u of units) {
    if (u.level === 'PROVINCE') {
      assert.equal(u.parentCode, null, `province ${unitKey(u)} has no parent`);
      continue;
    }
    assert.ok(u.parentCode, `${unitKey(u)} has a parent`);
    const days = [u.validFrom, u.validTo ?? '2026-01-01'];
    for (const day of days) {
      const parent = findUnit(units, u.parentCode, day);
      assert.ok(parent, `parent ${u.parentCode} of ${unitKey(u)} in force on ${day}`);
      assert.ok(RANK[parent.level] < RANK[u.level], `parent of ${unitKey(u)} is above it`);
    }
  }
});

test('retired units have a successor in force the day after; units in force have none', () => {
  for (const u of units) {
    if (u.validTo === null) {
      assert.equal(u.successorCode, null, `${unitKey(u)} is in force and has no successor`);
      continue;
    }
    assert.ok(u.successorCode, `retired ${unitKey(u)} names a successor`);
    const day = nextDay(u.validTo);
    const successor = findUnit(units, u.successorCode, day);
    assert.ok(successor, `successor ${u.successorCode} of ${unitKey(u)} is in force on ${day}`);
    assert.ok(RANK[successor.level] <= RANK[u.level], `successor of ${unitKey(u)} is not below it`);
  }
});

test('after the reform (2026-01-01) no district is in force and every commune sits under a province', () => {
  const day = '2026-01-01';
  for (const u of units.filter((x) => inForce(x, day))) {
    assert.notEqual(u.level, 'DISTRICT', `${unitKey(u)} is a district in force on ${day}`);
    if (u.level === 'COMMUNE') {
      const parent = findUnit(units, u.parentCode, day);
      assert.equal(parent?.level, 'PROVINCE', `commune ${unitKey(u)} in force on ${day} sits under a province`);
    }
  }
});

test('the 2025 reform: retired on 30/6/2025, successors from 1/7/2025', () => {
  assert.equal(findUnit(units, '42', '2026-01-01')?.name, 'Tỉnh Hà Tĩnh');
  assert.equal(findUnit(units, '18760', '2025-06-30')?.name, 'Xã Kỳ Bắc');
  assert.equal(findUnit(units, '18760', '2025-07-01'), undefined);
  assert.equal(findUnit(units, '18766', '2025-07-01')?.name, 'Xã Kỳ Xuân');
  for (const [old, next] of [['70', '75'], ['06', '19'], ['60', '68']]) {
    const p = findUnit(units, old, '2025-06-30');
    assert.equal(p?.successorCode, next);
    assert.equal(findUnit(units, old, '2025-07-01'), undefined);
  }
  for (const u of units.filter((x) => x.level === 'DISTRICT' && x.validTo !== null && x.validTo >= '2025-06-30')) {
    assert.equal(u.validTo, '2025-06-30', unitKey(u));
    assert.equal(findUnit(units, u.successorCode, '2025-07-01')?.level, 'PROVINCE', `${unitKey(u)} is taken over by a province`);
  }
});

test('agencies: codes unique, units exist, kind matches the unit level', () => {
  assert.deepEqual(dupes(agencies.map((a) => a.code)), []);
  const levelOf = { PROVINCIAL_DEPARTMENT: 'PROVINCE', PUBLIC_ADMINISTRATION_CENTRE: 'PROVINCE', DISTRICT_PEOPLES_COMMITTEE: 'DISTRICT', COMMUNE_PEOPLES_COMMITTEE: 'COMMUNE' };
  for (const a of agencies) {
    // The agencies are those of the pilots (2017–2023): the unit must be in force in 2019.
    const unit = findUnit(units, a.unitCode, '2019-01-01');
    assert.ok(unit, `unit ${a.unitCode} of agency ${a.code} exists in 2019`);
    assert.equal(unit.level, levelOf[a.kind], `agency ${a.code} sits at a ${levelOf[a.kind]}`);
  }
});

test('desks: codes unique, agencies and units exist and agree', () => {
  assert.deepEqual(dupes(desks.map((d) => d.code)), []);
  const agencyByCode = new Map(agencies.map((a) => [a.code, a]));
  for (const d of desks) {
    const agency = agencyByCode.get(d.agencyCode);
    assert.ok(agency, `agency ${d.agencyCode} of desk ${d.code}`);
    assert.equal(d.unitCode, agency.unitCode, `desk ${d.code} serves its agency's unit`);
    assert.ok(byCode(d.unitCode).length > 0, `unit ${d.unitCode} of desk ${d.code}`);
    assert.ok(byCode(d.unitCode).some((u) => u.level === d.level), `desk ${d.code} level matches its unit`);
  }
  assert.equal(new Set(desks.map((d) => d.agencyCode)).size, agencies.length, 'one desk per agency');
});

test('post offices: codes unique, units and parents exist, hierarchy is consistent', () => {
  assert.deepEqual(dupes(postOffices.map((p) => p.code)), []);
  const byPoCode = new Map(postOffices.map((p) => [p.code, p]));
  const poRank = { PROVINCIAL: 0, DISTRICT: 1, POST_OFFICE: 2, COMMUNE_CULTURAL: 3 };
  for (const p of postOffices) {
    assert.ok(byCode(p.unitCode).length > 0, `unit ${p.unitCode} of ${p.code}`);
    if (p.kind === 'PROVINCIAL') {
      assert.equal(p.parentCode, null, `${p.code} has no parent`);
      continue;
    }
    const parent = byPoCode.get(p.parentCode);
    assert.ok(parent, `parent ${p.parentCode} of ${p.code}`);
    assert.ok(poRank[parent.kind] < poRank[p.kind], `${p.code} sits under a higher office`);
  }
});

test('the seed facts are present', () => {
  const ht = agencies.filter((a) => a.unitCode === '42' && a.kind === 'PROVINCIAL_DEPARTMENT');
  assert.equal(ht.length, 9, '9 pilot departments in Hà Tĩnh');
  const htDistricts = agencies.filter((a) => a.code.startsWith('42-UBND-') && a.kind === 'DISTRICT_PEOPLES_COMMITTEE');
  assert.equal(htDistricts.length, 9, '9 pilot districts in Hà Tĩnh');
  const kyBac = postOffices.find((p) => p.unitCode === '18760');
  assert.equal(kyBac?.kind, 'COMMUNE_CULTURAL');
  assert.equal(byPo(kyBac.parentCode)?.unitCode, '447');
  function byPo(code) { return postOffices.find((p) => p.code === code); }
});

test('sources have ids, titles and publishers, ids unique', () => {
  assert.deepEqual(dupes(sources.map((s) => s.id)), []);
  for (const s of sources) assert.ok(s.id && s.title && s.publisher, JSON.stringify(s));
});

// ---- Pilot programmes (src/pilots.ts) -----------------------------------------------------------

const { pilotProgrammes } = ref;
/** The main line of a site's status machine (the API's SITE_TRANSITIONS, without suspensions). */
const NEXT = { PLANNED: ['PREPARING', 'WITHDRAWN'], PREPARING: ['LAUNCHED', 'WITHDRAWN'], LAUNCHED: ['OPERATING'], OPERATING: ['REVIEWED'] };

test('pilot programmes refer to desks and post offices of the data, in the programme’s province', () => {
  assert.ok(pilotProgrammes.length >= 2);
  for (const p of pilotProgrammes) {
    for (const phase of p.phases) {
      for (const site of phase.sites) {
        const desk = desks.find((d) => d.code === site.deskCode);
        assert.ok(desk, `${p.code}: desk ${site.deskCode}`);
        assert.ok(desk.code.startsWith(`${p.provinceCode}-`), `${p.code}: ${site.deskCode} is in province ${p.provinceCode}`);
        if (site.model === 'AT_POST_OFFICE') assert.ok(site.postOfficeCode, `${site.deskCode}: a post office for AT_POST_OFFICE`);
        if (site.postOfficeCode) assert.ok(postOffices.some((o) => o.code === site.postOfficeCode), `${site.deskCode}: post office ${site.postOfficeCode}`);
      }
    }
    const enrolled = p.phases.flatMap((ph) => ph.sites.map((s) => s.deskCode));
    assert.deepEqual(dupes(enrolled), [], `${p.code}: a desk is in at most one site`);
  }
});

test('pilot sites move along the status machine, on days in order', () => {
  for (const p of pilotProgrammes) {
    for (const phase of p.phases) {
      for (const site of phase.sites) {
        assert.equal(site.moves[0].status, 'PLANNED', `${site.deskCode} starts enrolled`);
        site.moves.forEach((move, i) => {
          assert.match(move.on, ISO);
          if (i === 0) return;
          const before = site.moves[i - 1];
          assert.ok(NEXT[before.status]?.includes(move.status), `${site.deskCode}: ${before.status} → ${move.status}`);
          assert.ok(before.on <= move.on, `${site.deskCode}: ${before.on} ≤ ${move.on}`);
        });
        const keys = new Set(p.readinessItems.map((i) => i.key));
        for (const key of site.readinessDone ?? []) assert.ok(keys.has(key), `${site.deskCode}: checklist item ${key}`);
      }
    }
  }
});

test('the Hà Tĩnh programme is the one of the articles', () => {
  const ht = pilotProgrammes.find((p) => p.code === 'HT-2459');
  assert.deepEqual(ht.legalBasis[0], { ...ht.legalBasis[0], number: '2459/QĐ-UBND', signedOn: '2019-07-23' });
  assert.equal(ht.legalBasis[1].number, '468/QĐ-TTg');
  assert.deepEqual(ht.phases[0].firstPlan.targets, { province: 8, district: 4, commune: 8 });
  const kyBac = ht.phases[0].sites.find((s) => s.deskCode === '42-UBND-18760-MC');
  assert.equal(kyBac.model, 'AT_POST_OFFICE');
  assert.equal(kyBac.postOfficeCode, 'BDVHX-18760');
  assert.deepEqual(kyBac.moves.find((m) => m.status === 'LAUNCHED'), { status: 'LAUNCHED', on: '2019-11-18' });
  const bp = pilotProgrammes.find((p) => p.code === 'BP-2018');
  assert.deepEqual(bp.phases[0].sites.map((s) => s.deskCode), ['70-UBND-693-MC', '70-UBND-25390-MC', '70-UBND-25333-MC', '70-UBND-25417-MC']);
  assert.ok(bp.meetings.some((m) => m.kind === 'PRELIMINARY_REVIEW' && m.heldOn === '2019-01-01'));
});
