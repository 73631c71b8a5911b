-- ledger.sql — a synthetic contribution ledger of :rows rows for the parallel
-- test (run_test.sh): every region, size, unit type and insurance, 48 months
-- from 2019-01 (pension has no default rate before 2019-05: those rows fail
-- with not_found), bases to the fen, and a few bad rows (a third decimal, an
-- unknown region) that must fail the same way in SQL and in `sipolicy batch`.
\set ON_ERROR_STOP 1
CREATE TABLE ledger AS
SELECT i AS id,
       CASE WHEN i % 333333 = 0 THEN '990000'
            ELSE (ARRAY['360802', '360800', '420100', '110000', '440300', '360000', '360881', '520000'])[1 + i % 8]
       END AS region,
       (ARRAY['large', 'medium', 'small', 'micro'])[1 + (i / 8) % 4] AS size,
       (ARRAY['enterprise', 'enterprise', 'individual_business', 'social_organization',
              'public_institution'])[1 + (i / 32) % 5] AS type,
       (ARRAY['pension', 'unemployment', 'work_injury'])[1 + (i / 160) % 3] AS insurance,
       to_char(date '2019-01-01' + make_interval(months => (i / 480) % 48), 'YYYY-MM') AS period,
       CASE WHEN i % 250000 = 0 THEN (((i::bigint * 7919) % 4000000 + 280000) / 100.0)::numeric(14,2) + 0.001
            ELSE (((i::bigint * 7919) % 4000000 + 280000) / 100.0)::numeric(14,2) END::numeric AS base,
       CASE (i / 160) % 3 WHEN 0 THEN NULL WHEN 1 THEN 0.005 ELSE 0.004 END AS rate
FROM generate_series(1, :rows) i;
ALTER TABLE ledger SET (parallel_workers = 2);
VACUUM ANALYZE ledger;
