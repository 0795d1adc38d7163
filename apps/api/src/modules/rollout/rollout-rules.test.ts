import { AdministrativeLevel } from '../administrative-units/administrative-unit.entity';
import type { PilotSite } from './pilot-site.entity';
import { isLate, readinessOf } from './pilot-site.service';
import { totalOf } from './progress.service';
import { ACTIVE_SITE_STATUSES, siteMovesFrom, SiteStatus } from './rollout.enums';

const site = (patch: Partial<PilotSite>): PilotSite => ({ plannedLaunch: '2020-03-01', launchedOn: null, status: SiteStatus.PREPARING, readiness: {}, ...patch }) as PilotSite;

describe('the site status machine', () => {
  it('a suspended site resumes only to where it was suspended from', () => {
    expect(siteMovesFrom(SiteStatus.SUSPENDED, SiteStatus.OPERATING)).toEqual([SiteStatus.OPERATING]);
    expect(siteMovesFrom(SiteStatus.SUSPENDED, SiteStatus.LAUNCHED)).toEqual([SiteStatus.LAUNCHED]);
  });

  it('a site suspended before launch may also be withdrawn', () => {
    expect(siteMovesFrom(SiteStatus.SUSPENDED, SiteStatus.PREPARING)).toEqual([SiteStatus.PREPARING, SiteStatus.WITHDRAWN]);
  });

  it('reviewed and withdrawn are final, and are the statuses that free the desk', () => {
    expect(siteMovesFrom(SiteStatus.REVIEWED, null)).toEqual([]);
    expect(siteMovesFrom(SiteStatus.WITHDRAWN, null)).toEqual([]);
    expect(Object.values(SiteStatus).filter((s) => !ACTIVE_SITE_STATUSES.includes(s)).sort()).toEqual([SiteStatus.REVIEWED, SiteStatus.WITHDRAWN]);
  });

  it('nothing jumps the launch: only PREPARING leads to LAUNCHED', () => {
    const into = Object.values(SiteStatus).filter((from) => siteMovesFrom(from, null).includes(SiteStatus.LAUNCHED));
    expect(into).toEqual([SiteStatus.PREPARING]);
  });
});

describe('late sites', () => {
  it('is late after its planned launch while not launched', () => {
    expect(isLate(site({}), '2020-03-02')).toBe(true);
    expect(isLate(site({}), '2020-03-01')).toBe(false);
    expect(isLate(site({ status: SiteStatus.SUSPENDED }), '2021-01-01')).toBe(true);
  });

  it('is not late once launched, withdrawn, or without a planned launch', () => {
    expect(isLate(site({ status: SiteStatus.OPERATING, launchedOn: '2020-04-01' }), '2021-01-01')).toBe(false);
    expect(isLate(site({ status: SiteStatus.SUSPENDED, launchedOn: '2020-04-01' }), '2021-01-01')).toBe(false);
    expect(isLate(site({ status: SiteStatus.WITHDRAWN }), '2021-01-01')).toBe(false);
    expect(isLate(site({ plannedLaunch: null }), '2021-01-01')).toBe(false);
  });
});

describe('the readiness checklist', () => {
  it('lists the programme’s items in order with the site’s ticks', () => {
    const items = [
      { key: 'agreement_signed', label: 'Thỏa thuận' },
      { key: 'staff_trained', label: 'Tập huấn' },
    ];
    const checks = readinessOf(site({ readiness: { staff_trained: { doneOn: '2020-01-02', doneBy: 'hatinh.buudien', note: null }, removed_item: { doneOn: '2020-01-01', doneBy: 'x', note: null } } }), items);
    expect(checks).toEqual([
      { key: 'agreement_signed', label: 'Thỏa thuận', done: false, doneOn: null, doneBy: null, note: null },
      { key: 'staff_trained', label: 'Tập huấn', done: true, doneOn: '2020-01-02', doneBy: 'hatinh.buudien', note: null },
    ]);
  });
});

describe('progress totals', () => {
  it('adds every count and the target, with no level', () => {
    const row = (level: AdministrativeLevel, n: number) => ({ level, target: n, enrolled: n, preparing: n, launched: n, operating: n, suspended: n, late: n });
    expect(totalOf([row(AdministrativeLevel.PROVINCE, 1), row(AdministrativeLevel.COMMUNE, 2)])).toEqual({
      level: null,
      target: 3,
      enrolled: 3,
      preparing: 3,
      launched: 3,
      operating: 3,
      suspended: 3,
      late: 3,
    });
  });
});
