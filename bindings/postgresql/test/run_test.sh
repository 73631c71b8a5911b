#!/usr/bin/env bash
# run_test.sh — ctest `postgresql_extension`: the sipolicy extension on a
# throw-away cluster (cluster.sh), installed from the build tree.
#   1. the server starts with shared_preload_libraries = sipolicy and
#      sipolicy.packs naming a test pack (the catalog named at server start);
#   2. regress.sql: every function, NULLs, bad rows, the lenient functions,
#      packs loaded per session, settings and permissions, other encodings;
#      signed.sql: sipolicy.trusted_keys and signed packs;
#   3. a ledger of SIPOLICY_PG_ROWS rows (default 1,000,000) through a forced
#      parallel query in a session that loaded another pack, equal row by row
#      to `sipolicy batch --pack … --pack …` on the same rows (parallel.sql);
#   4. a server whose sipolicy.packs names a missing file refuses to start.
# The cluster is stopped and removed on exit, failed or not.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/cluster.sh"
: "${SIPOLICY_CLI:?}" "${SIPOLICY_SOURCE_DIR:?}"
rows="${SIPOLICY_PG_ROWS:-1000000}"
started=$SECONDS

step() { echo "[$((SECONDS - started))s] $*"; }

# The packs; the server reads its copies in $PG_WORK/install/files/.
packs_src="$SIPOLICY_SOURCE_DIR/tests/cases/packs"
PG_FILES=("$packs_src/guangdong-sme-2021.jsonc" "$packs_src/pension-14.jsonc")

step "starting a cluster"
pg_cluster_start -c shared_preload_libraries=sipolicy -c sipolicy.packs=@FILES@/guangdong-sme-2021.jsonc
step "cluster up ($PG_WORK)"

step "regress.sql"
psql_run -v guangdong_path="$PG_WORK/install/files/guangdong-sme-2021.jsonc" \
  -v pension14="$(cat "$packs_src/pension-14.jsonc")" -f "$here/regress.sql" >"$PG_WORK/out/regress.log"
grep "checks passed" "$PG_WORK/out/regress.log"

step "signed.sql"
"$SIPOLICY_CLI" keygen "$PG_WORK/out/key" >/dev/null
cp "$PG_WORK/install/files/pension-14.jsonc" "$PG_WORK/out/pension-14.jsonc"
"$SIPOLICY_CLI" sign --key "$PG_WORK/out/key.key" "$PG_WORK/install/files/guangdong-sme-2021.jsonc" \
  "$PG_WORK/out/pension-14.jsonc" >/dev/null
chmod a+r "$PG_WORK/install/files/guangdong-sme-2021.jsonc.sig"
psql_run -v files="$PG_WORK/install/files" -v key="$(cat "$PG_WORK/out/key.pub")" \
  -v signature="$(cat "$PG_WORK/out/pension-14.jsonc.sig")" -f "$here/signed.sql" >"$PG_WORK/out/signed.log"
grep "checks passed" "$PG_WORK/out/signed.log"

step "a ledger of $rows rows"
psql_run -v rows="$rows" -f "$here/ledger.sql"
psql_run -c "COPY (SELECT id, region, size AS unit_size, type AS unit_type, insurance, period, base, rate
                     FROM ledger ORDER BY id) TO STDOUT (FORMAT csv, HEADER)" >"$PG_WORK/out/ledger.csv"

step "sipolicy batch on the same rows"
t0=$(date +%s%N)
set +e
"$SIPOLICY_CLI" batch --op contribution --pack "$PG_WORK/install/files/guangdong-sme-2021.jsonc" \
  --pack "$PG_WORK/install/files/pension-14.jsonc" \
  --columns id,ok,due,relief_ratio,relief,payable,rate,error_code,error_field \
  -o "$PG_WORK/out/batch.csv" "$PG_WORK/out/ledger.csv"
rc=$?
set -e
t1=$(date +%s%N)
[ "$rc" -le 1 ] || { echo "sipolicy batch failed ($rc)" >&2; exit 1; }
echo "sipolicy batch: $rows rows in $(( (t1 - t0) / 1000000 )) ms"
psql_run -c "CREATE TABLE batch_out (id int, ok boolean, due numeric, relief_ratio text, relief numeric,
               payable numeric, rate text, error_code text, error_field text)"
psql_run -c "COPY batch_out FROM STDIN (FORMAT csv, HEADER)" <"$PG_WORK/out/batch.csv"

step "the parallel query"
psql_run -v rows="$rows" -v pension14="$(cat "$packs_src/pension-14.jsonc")" \
  -f "$here/parallel.sql" | tee "$PG_WORK/out/parallel.log"
grep -q "Workers Launched: [1-9]" "$PG_WORK/out/parallel.log" \
  || { echo "FAILED: the query ran without parallel workers" >&2; exit 1; }
grep -q "Function Scan on try_contribution" "$PG_WORK/out/parallel.log" \
  || { echo "FAILED: the plan does not call try_contribution under Gather" >&2; exit 1; }

step "a missing pack in sipolicy.packs stops the server at start"
pg_cluster_stop
set +e
timeout -s INT 30 "${PG_AS[@]}" "$PG_WORK/install$PG_BINDIR/postgres" -D "$PG_WORK/data" \
  -c listen_addresses='' -c unix_socket_directories="$PG_WORK/socket" -c port=54329 \
  -c shared_preload_libraries=sipolicy -c sipolicy.packs=/nonexistent/pack.jsonc >"$PG_WORK/out/bad.log" 2>&1
rc=$?
set -e
if [ "$rc" -eq 0 ] || [ "$rc" -eq 124 ] || ! grep -q "sipolicy.packs: path: cannot open pack file" "$PG_WORK/out/bad.log"; then
  echo "FAILED: the server started (or failed for another reason) with a missing pack ($rc):" >&2
  cat "$PG_WORK/out/bad.log" >&2
  exit 1
fi
grep -m1 -o "FATAL: .*" "$PG_WORK/out/bad.log"
step "postgresql_extension passed"
