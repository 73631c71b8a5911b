#!/usr/bin/env bash
# run_example.sh — the Ji'an ledger in PostgreSQL (jian_ledger.sql) on a
# throw-away cluster, with its throughput next to `sipolicy batch` on the same
# rows.
#
#   bash examples/postgresql/run_example.sh [--build DIR] [--units N] [--check]
#
#   --build DIR  a sipolicy build tree (default build/release, else build/dev)
#                with the extension, the CLI and the demo built
#   --units N    insured units in the demo's ledger (default 20000: 660,000
#                unit-months of 2020-02..12 x 3 insurances)
#   --check      also require every row's amounts to equal the demo's own
#                (the C++ library's AssessContribution) — the ctest example_postgresql
#
# Needs PostgreSQL 15's server (Debian: postgresql-15 postgresql-server-dev-15);
# nothing is installed: the server runs from a temporary directory
# (bindings/postgresql/test/cluster.sh) and is removed at the end.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source_dir="$(cd "$here/../.." && pwd)"
units=20000
check=0
build=""
while [ $# -gt 0 ]; do
  case "$1" in
    --units) units="$2"; shift 2 ;;
    --build) build="$2"; shift 2 ;;
    --check) check=1; shift ;;
    *) echo "usage: run_example.sh [--build DIR] [--units N] [--check]" >&2; exit 2 ;;
  esac
done

# Outside ctest: the paths from a build tree and pg_config.
if [ -z "${SIPOLICY_PG_MODULE:-}" ]; then
  if [ -z "$build" ]; then
    for b in "$source_dir/build/release" "$source_dir/build/dev"; do
      [ -f "$b/bindings/postgresql/sipolicy.so" ] && { build="$b"; break; }
    done
  fi
  [ -n "$build" ] && [ -f "$build/bindings/postgresql/sipolicy.so" ] \
    || { echo "run_example.sh: no build with the extension; pass --build DIR" >&2; exit 2; }
  build="$(cd "$build" && pwd)"
  pg_config="$(command -v /usr/lib/postgresql/15/bin/pg_config pg_config | head -n1)"
  export PG_BINDIR="$("$pg_config" --bindir)" PG_PKGLIBDIR="$("$pg_config" --pkglibdir)" \
         PG_SHAREDIR="$("$pg_config" --sharedir)" \
         SIPOLICY_PG_MODULE="$build/bindings/postgresql/sipolicy.so" \
         SIPOLICY_PG_LIBRARY="$build/bindings/c/libsipolicy.so.1" \
         SIPOLICY_PG_EXTENSION_DIR="$build/bindings/postgresql/extension" \
         SIPOLICY_CLI="$build/sipolicy" SIPOLICY_DEMO="$build/examples/sipolicy_demo"
fi
source "$source_dir/bindings/postgresql/test/cluster.sh"
[ -x "${SIPOLICY_DEMO:-}" ] || pg_skip "the demo (sipolicy_demo) is not built: configure with SIPOLICY_BUILD_EXAMPLES=ON"
: "${SIPOLICY_CLI:?}"

pg_cluster_start
out="$PG_WORK/out"

# The demo's ledger: its relief file holds every unit-month-insurance with the
# demo's own answer (kept in demo_relief for --check).
"$SIPOLICY_DEMO" --units "$units" --out "$out/demo" >"$out/demo.txt"
psql_run -c "
  CREATE TABLE demo_relief (unit text, region text, size text, type text, period text, insurance text,
                            base numeric, rate numeric, due numeric, relief_ratio text, relief numeric,
                            payable numeric, rule text)"
psql_run -c "COPY demo_relief FROM STDIN (FORMAT csv, HEADER)" <"$out/demo/jian_2020_relief.csv"
psql_run -c "
  CREATE TABLE jian_ledger AS
  SELECT unit, region, size, type, period, insurance, base,
         CASE WHEN insurance = 'pension' THEN NULL ELSE rate END AS rate  -- pension: the catalog's 16%
    FROM demo_relief" -c "ALTER TABLE jian_ledger SET (parallel_workers = 2)" -c "VACUUM ANALYZE jian_ledger" -c "
  CREATE TABLE jian_units (unit_id text, name text, region text, county text, size text, type text,
                           insured text, layoffs text, months_paid text, prior_year_paid text,
                           arrears text, dishonest text, has_public_account text);"
psql_run -c "COPY jian_units FROM STDIN (FORMAT csv, HEADER)" <"$source_dir/examples/data/jian_units_2021.csv"
rows="$(psql_run -At -c "SELECT count(*) FROM jian_ledger")"

echo "== jian_ledger.sql: $rows unit-months of $units units =="
psql_run -f "$here/jian_ledger.sql" | tee "$out/example.log"

# Throughput: the relief statement above (parallel, 2 workers) against
# `sipolicy batch` on the same rows from a CSV file.
sql_ms="$(grep -m1 -o 'Time: [0-9.]* ms' "$out/example.log" | tr -dc '0-9.\n' | cut -d. -f1)"
psql_run -c "COPY (SELECT unit, region, size AS unit_size, type AS unit_type, insurance, period, base, rate
                     FROM jian_ledger) TO STDOUT (FORMAT csv, HEADER)" >"$out/ledger.csv"
t0=$(date +%s%N)
"$SIPOLICY_CLI" batch --op contribution --columns unit,due,relief,payable -o "$out/batch.csv" "$out/ledger.csv"
t1=$(date +%s%N)
cli_ms=$(( (t1 - t0) / 1000000 ))
echo
echo "throughput on $rows rows ($(nproc) cores):"
echo "  PostgreSQL, one CREATE TABLE ... AS over sipolicy.contribution (parallel): ${sql_ms} ms, $(( rows * 1000 / (sql_ms > 0 ? sql_ms : 1) )) rows/s"
echo "  sipolicy batch --op contribution (one process, CSV in and out):           ${cli_ms} ms, $(( rows * 1000 / (cli_ms > 0 ? cli_ms : 1) )) rows/s"

if [ "$check" = 1 ]; then
  differences="$(psql_run -At -c "
    SELECT count(*) FROM demo_relief d FULL JOIN jian_relief_2020 r USING (unit, period, insurance)
     WHERE (d.due, d.relief_ratio, d.relief, d.payable) IS DISTINCT FROM (r.due, r.relief_ratio, r.relief, r.payable)")"
  [ "$differences" = 0 ] || { echo "FAILED: $differences rows differ from the demo's own answers" >&2; exit 1; }
  grep -q "错误记录" "$out/example.log" || { echo "FAILED: no screening bulletin" >&2; exit 1; }
  echo "check: every one of the $rows rows equals the demo's answer"
fi
