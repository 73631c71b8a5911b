-- parallel.sql — the ledger (ledger.sql) evaluated by a parallel query in a
-- session that loaded a pack, compared with `sipolicy batch --pack` on the
-- same rows (table batch_out, loaded by run_test.sh). psql variables: rows,
-- pension14 (the pack's text).
\set ON_ERROR_STOP 1
SELECT sipolicy.load_pack(:'pension14', 'pension-14.jsonc') AS session_hash \gset

-- Force a parallel plan: two workers, no setup or tuple cost.
SET max_parallel_workers_per_gather = 2;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;

\timing on
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
CREATE TABLE sql_out AS
SELECT l.id, r.*
  FROM ledger l
 CROSS JOIN LATERAL sipolicy.try_contribution(l.region, l.size, l.insurance, l.period, l.base,
                                              unit_type => l.type, rate => l.rate) r;
\timing off

-- Every row answered, with the session's catalog (the pack reached the workers).
SELECT count(*) = :rows AS all_rows_answered,
       count(*) FILTER (WHERE catalog IS DISTINCT FROM left(:'session_hash', 16)) AS rows_with_another_catalog,
       count(error_code) AS failed_rows
  FROM sql_out \gset
\if :all_rows_answered
\else
  \warn 'FAILED: not every row was answered'
  SELECT 1/0;
\endif
SELECT :rows_with_another_catalog = 0 AS same_catalog \gset
\if :same_catalog
\else
  \warn 'FAILED: rows computed with another catalog than the session''s'
  SELECT 1/0;
\endif

-- The same answers as sipolicy batch, row by row.
SELECT count(*) AS differences,
       string_agg(CASE WHEN n <= 5 THEN id::text END, ', ') AS first_ids
  FROM (SELECT coalesce(s.id, b.id) AS id, row_number() OVER () AS n
          FROM sql_out s FULL JOIN batch_out b ON b.id = s.id
         WHERE s.id IS NULL OR b.id IS NULL
            OR (s.due, s.relief_ratio, s.relief, s.payable, s.rate, s.error_code, s.error_field)
               IS DISTINCT FROM (b.due, b.relief_ratio, b.relief, b.payable, b.rate, b.error_code, b.error_field)
       ) d \gset
SELECT :differences = 0 AS same_answers,
       (SELECT count(*) FROM batch_out WHERE NOT ok) AS batch_failed \gset
\if :same_answers
\else
  \warn 'FAILED: SQL and sipolicy batch differ on ' :differences ' rows, e.g. ids ' :first_ids
  SELECT 1/0;
\endif
\echo 'parallel.sql: ' :rows ' rows equal to sipolicy batch (' :failed_rows ' failed rows in both: ' :batch_failed ')'
