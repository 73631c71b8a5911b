-- jian_ledger.sql — the synthetic Ji'an (吉安, 360800) ledger of the demo in
-- PostgreSQL: the 2020 employer-contribution relief (阶段性减免) computed by one
-- SQL statement, the bulletin of 吉安市人社局's 简报 2020年第二期 by GROUP BY
-- period, insurance, and the 2022 job-stabilisation refund screening (稳岗返还
-- 免申即享) of examples/data/jian_units_2021.csv by county.
--
-- Run by run_example.sh, which starts a throw-away cluster and loads the two
-- tables this script reads:
--   jian_ledger   one row per unit, month (2020-02..12) and insurance: unit,
--                 region, size, type, period, insurance, base, rate (NULL for
--                 pension: the catalog's 16%)
--   jian_units    examples/data/jian_units_2021.csv as text (one cell is
--                 "9,720.00": the bad row the screening must report, not skip)
-- The ledger is synthetic: the totals are not Ji'an's.

\set ON_ERROR_STOP 1
CREATE EXTENSION IF NOT EXISTS sipolicy;

-- Every row records the catalog it was computed with.
SELECT sipolicy.catalog_hash() AS catalog_hash,
       (SELECT string_agg((p->>'name') || '@' || (p->>'version'), ', ') FROM jsonb_array_elements(sipolicy.packs()) p) AS packs;

-- ---- 1. The 2020 relief: one statement, in parallel over the table ---------
-- The call is in the select list of a subquery, so that it is made once per
-- row and costed per row: the planner then splits the table across parallel
-- workers by itself. (OFFSET 0 keeps the subquery whole; flattened, each
-- (r).field would call the function again. A call in FROM ... CROSS JOIN
-- LATERAL is costed as if made once, and goes parallel only with
-- parallel_setup_cost and parallel_tuple_cost lowered.) EXPLAIN ANALYZE runs
-- the statement and shows the plan it ran.
SET max_parallel_workers_per_gather = 2;
\timing on
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
CREATE TABLE jian_relief_2020 AS
SELECT unit, region, size, type, period, insurance, base,
       (r).rate, (r).due, (r).relief_ratio, (r).relief, (r).payable, (r).rules, (r).catalog
  FROM (SELECT l.*, sipolicy.contribution(region => l.region, unit_size => l.size, unit_type => l.type,
                                          insurance => l.insurance, period => l.period,
                                          base => l.base, rate => l.rate) AS r
          FROM jian_ledger l
        OFFSET 0) AS assessed;
\timing off

-- ---- 2. The bulletin: GROUP BY period, insurance (exact yuan, then 万元) -----
SELECT period AS 所属期, insurance AS 险种, count(*) AS 记录数, sum(due) AS 应缴, sum(relief) AS 减免,
       round(sum(relief) / 10000, 2) AS 减免万元
  FROM jian_relief_2020
 GROUP BY period, insurance
 ORDER BY period, insurance;

-- The 简报's layout: one line per month, the insurances side by side, and the
-- total (each cell its own exact sum, rounded half-up once to 0.01万元).
SELECT coalesce(period, '合计') AS 所属期,
       round(sum(relief) / 10000, 2) AS "减免合计(万元)",
       round(sum(relief) FILTER (WHERE insurance = 'pension') / 10000, 2) AS 养老保险,
       round(sum(relief) FILTER (WHERE insurance = 'work_injury') / 10000, 2) AS 工伤保险,
       round(sum(relief) FILTER (WHERE insurance = 'unemployment') / 10000, 2) AS 失业保险
  FROM jian_relief_2020
 GROUP BY ROLLUP (period)
 ORDER BY period NULLS LAST;

SELECT format('2月份，共减免企业社会保险费%s万元，其中，养老保险%s万元，工伤保险%s万元，失业保险%s万元。',
              round(sum(relief) / 10000, 2),
              round(sum(relief) FILTER (WHERE insurance = 'pension') / 10000, 2),
              round(sum(relief) FILTER (WHERE insurance = 'work_injury') / 10000, 2),
              round(sum(relief) FILTER (WHERE insurance = 'unemployment') / 10000, 2)) AS 简报
  FROM jian_relief_2020
 WHERE period = '2020-02';

-- The documents the relief rests on, with the rows citing each.
SELECT citation AS 政策依据, count(*) AS 记录数
  FROM jian_relief_2020, unnest(rules) AS citation
 GROUP BY citation
 ORDER BY count(*) DESC, citation;

-- ---- 3. 2022 稳岗返还 screening by county -----------------------------------
-- The ledger's cells go into the request as they are (sipolicy.try_eval, any
-- request): "9,720.00" is reported by the library on its field, the empty
-- dishonest cell is an absent field (default false), and every other unit is
-- answered.
CREATE TABLE jian_refund_2022 AS
SELECT u.unit_id, u.name, u.county, u.insured::bigint AS insured,
       sipolicy.try_eval(jsonb_strip_nulls(jsonb_build_object(
         'op', 'stable_job_refund', 'year', 2022, 'region', u.region,
         'unit', jsonb_build_object('size', u.size, 'type', u.type),
         'prior_year_paid', u.prior_year_paid, 'months_paid', u.months_paid::int,
         'layoffs', u.layoffs::int, 'insured', u.insured::int,
         'arrears', u.arrears::boolean, 'dishonest', nullif(u.dishonest, '')::boolean,
         'has_public_account', u.has_public_account::boolean))) AS result
  FROM jian_units u;

SELECT unit_id, name, (result->>'eligible')::boolean AS eligible, (result->>'amount')::numeric AS amount,
       result->>'payee' AS payee,
       (SELECT string_agg(x, '; ') FROM jsonb_array_elements_text(result->'reasons') x) AS reasons,
       result->'error'->>'field' AS error_field, result->'error'->>'message' AS error
  FROM jian_refund_2022
 ORDER BY unit_id;

-- The bulletin in the words of the 2020-05-06 人民网 report, per county and in all.
SELECT coalesce(county, '合计') AS 县区,
       count(*) AS 筛查户数,
       count(*) FILTER (WHERE (result->>'amount')::numeric > 0) AS 返还户数,
       coalesce(sum((result->>'amount')::numeric), 0) AS 返还金额,
       coalesce(sum(insured) FILTER (WHERE (result->>'amount')::numeric > 0), 0) AS 惠及职工,
       count(*) FILTER (WHERE result->>'ok' = 'false') AS 错误记录
  FROM jian_refund_2022
 GROUP BY ROLLUP (county)
 ORDER BY county NULLS LAST;
