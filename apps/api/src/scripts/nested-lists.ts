/**
 * List queries with nested relations, one root list each: the SQL-statement test (test/platform.test.ts)
 * and the benchmark run these at page sizes 10 and 100. With one root list per request, nested loads
 * run in fixed waves (one per depth), so the statement count is exact. Several root lists in one request
 * finish at different moments on a real pool and may split a loader's batch in two.
 */
export const NESTED_LISTS: Record<string, string> = {
  // As of 2020 every page holds units merged since (successors to load) and units with children.
  'units with parent, successor, roll-up and children': `query($first: Int!) {
    administrativeUnits(first: $first, filter: { asOf: "2020-01-01" }) {
      totalCount
      edges { node { code parent { code name } successor { code } inForceUnit(asOf: "2026-01-01") { code } children(first: 5) { totalCount edges { node { code parent { code } } } } } }
    } }`,
  'desks with agency, unit, parent unit and province': `query($first: Int!) {
    oneStopDesks(first: $first, filter: { includeRetired: true }) {
      edges { node { name agency { name administrativeUnit { code } } administrativeUnit { code parent { code } } province { code } } }
    } }`,
  'post offices with parent, unit and province': `query($first: Int!) {
    postOffices(first: $first) { edges { node { name parent { name } administrativeUnit { code } province { code } } } } }`,
  'pilot sites with desk, post office, phase, programme, checklist, history, handovers, totals and meetings': `query($first: Int!) {
    pilotSites(first: $first) {
      edges { node { status late allowedMoves oneStopDesk { name agency { name } } postOffice { name } phase { name targets { commune } progress { level enrolled late } }
        programme { code } readiness { key done } history { toStatus on actorLabel } meetings { title }
        personnelHandovers { status deployed { fullName } } facilityHandovers { status investmentTotal } handoverTotals { postalStaffDeployed investmentTotal } } }
    } }`,
  'programmes with phases, progress, late sites, meetings and action items': `query($first: Int!) {
    pilotProgrammes(first: $first) {
      edges { node { code province { name } progress { level operating } handoverTotals { civilServantsRelieved }
        phases { name planHistory { revision } progress { level launched } handoverTotals { postalStaffDeployed } }
        lateSites { oneStopDesk { name } } meetings { title sites { id } actionItems { title overdue site { id } } } } }
    } }`,
};
