#!/usr/bin/env bash
# Smoke test of `npm start` as a newcomer runs it: embedded database in a fresh folder, the server
# answers /readyz and a contract query, the admin app works in a real browser, SIGTERM stops it
# cleanly (exit 0), and a second start finds the same data without seeding again. staff.mjs and
# rosters.mjs walk the post office manager's week; dossiers.mjs the clerk's, the officer's and the applicant's
# dossier, from reception to tracking on a phone; clients.mjs the portal clients page, then the
# portal guide's example runs against the server; screens.mjs (last: it adds a phase) checks every
# role's screens at 1366 and 390 px.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${SMOKE_PORT:-4310}"
BASE="http://127.0.0.1:$PORT"
export OSP_DATA_DIR; OSP_DATA_DIR="$(mktemp -d)/pglite"
mkdir -p artifacts
pid=""
# A failed step must not leave the server holding the port for the next run.
trap '[ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null; true' EXIT

start() { # $1 = log file
  if curl -s -o /dev/null "$BASE/healthz"; then echo "port $PORT is already taken by another server: set SMOKE_PORT"; return 1; fi
  PORT="$PORT" npm start > "$1" 2>&1 &
  pid=$!
  local t0=$SECONDS
  for _ in $(seq 1 240); do
    if curl -sf "$BASE/readyz" >/dev/null; then echo "ready after $((SECONDS - t0)) s (pid $pid)"; return 0; fi
    kill -0 "$pid" 2>/dev/null || { echo "npm start exited early:"; tail -n 40 "$1"; return 1; }
    sleep 0.5
  done
  echo "not ready after 120 s:"; tail -n 40 "$1"; return 1
}

stop() { # SIGTERM, then the exit code must be 0
  kill -TERM "$pid"
  local code=0
  wait "$pid" || code=$?
  echo "stopped with exit code $code"
  pid=""
  [ "$code" -eq 0 ] || { tail -n 20 "$1"; return 1; }
  grep -q '"msg":"stopped"' "$1" || { echo "no graceful stop in the log"; return 1; }
}

time_to_ready() { # $1 = log file: the server's own account of its start (the build before it left out); printed, never asserted
  node -e '
    const line = require("node:fs").readFileSync(process.argv[1], "utf8").split("\n").find((l) => l.includes("One-Stop Post is ready"));
    if (!line) { console.log("time to ready: no ready line in the log"); process.exit(0); }
    const r = JSON.parse(line), s = (ms) => (ms / 1000).toFixed(1) + " s";
    console.log(`time to ready (build excluded): ${s(r.processMs)} from node start; embedded database ${s(r.embeddedDatabaseMs)}, migrations ${s(r.migrationsMs)}, demo seed ${s(r.seedMs)}, server ${s(r.serverMs)}`);
  ' "$1"
}

contract_query() {
  curl -sf "$BASE/graphql" -H 'content-type: application/json' \
    -d '{"query":"query UnitsByName($search: String!, $asOf: Date) { administrativeUnits(filter: { search: $search, asOf: $asOf }, first: 5) { totalCount edges { node { code name successor { name } } } } }","variables":{"search":"ky bac","asOf":"2019-06-01"}}'
}

echo "--- first start (fresh data folder $OSP_DATA_DIR)"
start artifacts/smoke-start-1.log
time_to_ready artifacts/smoke-start-1.log
answer=$(contract_query); echo "$answer"
grep -q '"name":"Xã Kỳ Bắc"' <<<"$answer"
grep -q '"msg":"demo data seeded"' artifacts/smoke-start-1.log

echo "--- browser: the admin app in Debian's chromium"
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "installing chromium from Debian"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core >/dev/null
fi
BASE_URL="$BASE" node apps/admin/e2e/smoke.mjs
BASE_URL="$BASE" node apps/admin/e2e/roles.mjs
BASE_URL="$BASE" node apps/admin/e2e/rollout.mjs
BASE_URL="$BASE" node apps/admin/e2e/staff.mjs
BASE_URL="$BASE" node apps/admin/e2e/rosters.mjs
BASE_URL="$BASE" node apps/admin/e2e/dossiers.mjs
BASE_URL="$BASE" node apps/admin/e2e/clients.mjs
echo "--- the portal guide's runnable example (docs/examples): a new client, then a portal's calls"
eval "$(API="$BASE" node docs/examples/new-client.mjs)"
API="$BASE" node docs/examples/portal-client.mjs
BASE_URL="$BASE" node apps/admin/e2e/reports-downloads.mjs
BASE_URL="$BASE" node apps/admin/e2e/reports-forecast.mjs
BASE_URL="$BASE" node apps/admin/e2e/reports-staffing.mjs
BASE_URL="$BASE" node apps/admin/e2e/reports-import.mjs
BASE_URL="$BASE" node apps/admin/e2e/reports-quality.mjs
BASE_URL="$BASE" node apps/admin/e2e/reports-dashboards.mjs
BASE_URL="$BASE" node apps/admin/e2e/screens.mjs
stop artifacts/smoke-start-1.log

echo "--- second start: same data, no second seed"
start artifacts/smoke-start-2.log
time_to_ready artifacts/smoke-start-2.log
contract_query | grep -q '"name":"Xã Kỳ Bắc"'
if grep -q '"msg":"demo data seeded"' artifacts/smoke-start-2.log; then echo "seeded again on the second start"; exit 1; fi
stop artifacts/smoke-start-2.log
echo "smoke ok"
