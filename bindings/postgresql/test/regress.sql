-- regress.sql — the sipolicy extension's SQL regression suite (run by run_test.sh
-- on a throw-away cluster started with sipolicy.packs naming the Guangdong test
-- pack, tests/cases/packs/guangdong-sme-2021.jsonc).
--
-- Every expected value is worked out by hand from the documents, as in
-- docs/results-by-example.md and tests/cases/*.jsonl (the "why" of each case
-- there); the comment above each check gives the arithmetic.
--
-- psql variables: pension14 (the text of tests/cases/packs/pension-14.jsonc),
-- guangdong_path (the pack file the server was started with).

\set ON_ERROR_STOP 1
SET client_min_messages = warning;
CREATE EXTENSION sipolicy;
CREATE SCHEMA t;
CREATE SEQUENCE t.passed;

-- t.is(label, got, want): fails the suite unless got and want read the same
-- (as text: 800.00 is not 800.0, and rows may mix literals with typed values).
CREATE FUNCTION t.is(label text, got anyelement, want anyelement) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF got::text IS DISTINCT FROM want::text THEN
    RAISE EXCEPTION 'FAILED %: got %, want %', label, got, want;
  END IF;
  PERFORM nextval('t.passed');
END $$;

-- t.fails(label, statement, sqlstate, message pattern, field): the statement
-- must raise that SQLSTATE with a matching message, naming the field (in the
-- message, the detail and the error's column name).
CREATE FUNCTION t.fails(label text, statement text, want_state text, want_message text,
                        want_field text DEFAULT NULL) RETURNS void LANGUAGE plpgsql AS $$
DECLARE state text; message text; detail text; field text;
BEGIN
  BEGIN
    EXECUTE statement;
  EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, message = MESSAGE_TEXT,
                            detail = PG_EXCEPTION_DETAIL, field = COLUMN_NAME;
    IF state <> want_state OR message NOT LIKE want_message
       OR (want_field IS NOT NULL AND (field <> want_field OR detail NOT LIKE '%field "' || want_field || '"%')) THEN
      RAISE EXCEPTION 'FAILED %: got % "%" (%; column %), want % "%" on %',
        label, state, message, detail, field, want_state, want_message, want_field;
    END IF;
    PERFORM nextval('t.passed');
    RETURN;
  END;
  RAISE EXCEPTION 'FAILED %: no error, want %', label, want_state;
END $$;

-- ---- The extension's objects: a function pair and a result type per operation
SELECT t.is('every operation has sipolicy.<op> and sipolicy.try_<op>',
  (SELECT count(*) FROM jsonb_array_elements(sipolicy.describe()->'operations') op
    WHERE to_regproc('sipolicy.' || (op->>'name')) IS NULL
       OR to_regproc('sipolicy.try_' || (op->>'name')) IS NULL
       OR to_regtype('sipolicy.' || (op->>'name') || '_result') IS NULL), 0::bigint);
SELECT t.is('fifteen operations', jsonb_array_length(sipolicy.describe()->'operations'), 15);
SELECT t.is('version', sipolicy.version() ~ '^[0-9]+\.[0-9]+\.[0-9]+', true);
SELECT t.is('evaluating functions are STABLE and PARALLEL SAFE',
  (SELECT count(*) FROM pg_proc WHERE pronamespace = 'sipolicy'::regnamespace
      AND proname NOT IN ('load_pack', 'unload_packs', 'describe', 'version')
      AND (provolatile <> 's' OR proparallel <> 's')), 0::bigint);
SELECT t.is('load_pack is VOLATILE and PARALLEL UNSAFE',
  (SELECT provolatile::text || proparallel::text FROM pg_proc WHERE oid = 'sipolicy.load_pack'::regproc), 'vu');

-- ---- The catalog named at server start (sipolicy.packs)
SELECT t.is('sipolicy.packs is the Guangdong pack', current_setting('sipolicy.packs'), :'guangdong_path');
SELECT t.is('packs(): the two built-in packs, then gd',
  (SELECT string_agg(p->>'name', ',') FROM jsonb_array_elements(sipolicy.packs()) p),
  'builtin-contributions,builtin-employment,gd');
SELECT t.is('catalog_hash is 64 hex digits', sipolicy.catalog_hash() ~ '^[0-9a-f]{64}$', true);
SELECT sipolicy.catalog_hash() AS start_hash \gset

-- ---- contribution
-- 吉安 (360800) large enterprise, May 2020: 10000.00 x 16% (国办发〔2019〕13号) = 1600.00,
-- halved (赣人社发〔2020〕27号 restating 人社部发〔2020〕49号): 800.00 relieved, 800.00 payable.
SELECT t.is('contribution 吉安 large 2020-05', r, ROW(1600.00, '0.5', 800.00, 800.00, '0.16',
    ARRAY['国办发〔2019〕13号', '（本库默认约定）', '赣人社发〔2020〕27号', '人社部发〔2020〕49号'],
    NULL::jsonb, left(sipolicy.catalog_hash(), 16), NULL, NULL, NULL)::sipolicy.contribution_result)
  FROM sipolicy.contribution('360800', 'large', 'pension', '2020-05', 10000.00) r;
-- 武汉 (420100) large, July 2020: 49号 ended the halving with June: 1600.00 payable.
SELECT t.is('contribution 武汉 large 2020-07', (r.relief_ratio, r.relief, r.payable),
            ('0', 0.00::numeric, 1600.00::numeric))
  FROM sipolicy.contribution(region => '420100', unit_size => 'large', insurance => 'pension',
                             period => '2020-07', base => 10000.00) r;
-- Exact decimals: 10000.05 x 0.16 = 1600.008 -> 1600.01 (half-up); halved 800.005 -> 800.01;
-- payable 1600.01 - 800.01 = 800.00. A numeric(12,3) column's 10000.050 is the same amount.
SELECT t.is('contribution rounds half-up to the fen', (r.due, r.relief, r.payable),
            (1600.01::numeric, 800.01::numeric, 800.00::numeric))
  FROM sipolicy.contribution('360800', 'large', 'pension', '2020-03', 10000.050::numeric(12,3)) r;
-- Beijing SME, work injury at 0.4% in August 2020: 10000.00 x 0.004 = 40.00, exempt to 2020-12
-- (人社部发〔2020〕49号): 40.00 relieved, 0.00 payable.
SELECT t.is('contribution with a rate', (r.due, r.relief_ratio, r.relief, r.payable, r.rate, r.rules),
            (40.00::numeric, '1', 40.00::numeric, 0.00::numeric, '0.004', ARRAY['（本库默认约定）', '人社部发〔2020〕49号']))
  FROM sipolicy.contribution('110000', 'small', 'work_injury', '2020-08', 10000.00, rate => 0.0040) r;
-- A 机关事业单位 gets no relief: 1600.00 payable in March 2020.
SELECT t.is('contribution public institution', (r.relief_ratio, r.payable), ('0', 1600.00::numeric))
  FROM sipolicy.contribution('360800', 'small', 'pension', '2020-03', 10000.00,
                             unit_type => 'public_institution') r;
-- The pack named at server start: 深圳 SME, February 2021, 粤人社发〔2020〕1号 exempts
-- 440000's SMEs for 2021-01..03: 1000.00 x 16% = 160.00, all relieved.
SELECT t.is('contribution under sipolicy.packs', (r.relief_ratio, r.payable, '粤人社发〔2020〕1号' = ANY (r.rules)),
            ('1', 0.00::numeric, true))
  FROM sipolicy.contribution('440300', 'small', 'pension', '2021-02', 1000.00) r;
-- detail => 'full': the rules with their documents' titles.
SELECT t.is('rule_details with detail full', r.rule_details->0->>'title', '降低社会保险费率综合方案')
  FROM sipolicy.contribution('360800', 'large', 'pension', '2020-05', 10000.00, detail => 'full') r;
SELECT t.is('rule_details with detail compact', jsonb_array_length(r.rule_details), 5)
  FROM sipolicy.contribution('360800', 'large', 'pension', '2020-05', 10000.00, detail => 'compact') r;

-- ---- NULL arguments: an optional one is absent (its default), a required one is named
SELECT t.is('NULL unit_type and rate are the defaults', (r.due, r.payable), (1600.00::numeric, 800.00::numeric))
  FROM sipolicy.contribution('360800', 'large', 'pension', '2020-05', 10000.00, NULL, NULL, NULL) r;
SELECT t.fails('NULL base raises', $$SELECT sipolicy.contribution('360800', 'large', 'pension', '2020-05', NULL)$$,
               '22023', 'sipolicy.contribution: base: is required', 'base');
SELECT t.is('NULL base, lenient', (r.error_code, r.error_field, r.error_message, r.due),
            ('invalid_argument', 'base', 'is required', NULL::numeric))
  FROM sipolicy.try_contribution('360800', 'large', 'pension', '2020-05', NULL) r;
SELECT t.is('NULL unit_size is named with its object', r.error_field, 'unit.size')
  FROM sipolicy.try_contribution('360800', NULL, 'pension', '2020-05', 1.00) r;
SELECT t.is('eval(NULL) is NULL', sipolicy.eval(NULL), NULL::jsonb);

-- ---- Bad input: PostgreSQL errors with the library's code, field and message
SELECT t.fails('three decimals', $$SELECT sipolicy.contribution('360800', 'large', 'pension', '2020-05', 10000.005)$$,
               '22023', '%base: ''10000.005'' has more than 2 decimals%', 'base');
SELECT t.fails('NaN', $$SELECT sipolicy.contribution('360800', 'large', 'pension', '2020-05', 'NaN')$$,
               '22023', '%base: ''NaN'' is not a decimal number%', 'base');
SELECT t.fails('unknown region', $$SELECT sipolicy.contribution('990000', 'large', 'pension', '2020-05', 1)$$,
               '22023', '%region: unknown region code ''990000''%', 'region');
SELECT t.fails('unknown size', $$SELECT sipolicy.contribution('360800', 'huge', 'pension', '2020-05', 1)$$,
               '22023', '%unit.size: %huge%', 'unit.size');
SELECT t.fails('negative base', $$SELECT sipolicy.contribution('360800', 'large', 'pension', '2020-05', -1)$$,
               '22023', '%base: base -1.00 must not be negative%', 'base');
-- Pension's 16% runs from 2019-05: no default rate for 2019-01 (not_found → P0002).
SELECT t.fails('no rule: not_found', $$SELECT sipolicy.contribution('360800', 'large', 'pension', '2019-01', 1)$$,
               'P0002', '%no default employer rate for pension%', 'rate');
SELECT t.fails('beyond the money range: out_of_range',
               $$SELECT sipolicy.late_fee(9999999999999999.99, '1990-06-20', '2020-05-10')$$,
               '22003', '%amount: %beyond the money range%', 'amount');
SELECT t.fails('infinite date', $$SELECT sipolicy.late_fee(1000, 'infinity', '2020-05-10')$$,
               '22023', '%due_date: %', 'due_date');
SELECT t.fails('eval: unknown op', $$SELECT sipolicy.eval('{"op":"nope"}')$$,
               '22023', 'sipolicy.eval: op: unknown operation ''nope''%', 'op');
SELECT t.fails('eval: not an object', $$SELECT sipolicy.eval('[1]')$$, '22023', 'sipolicy.eval: %');

-- One bad row among good ones: the strict function stops the statement, the
-- lenient one answers every row and gives the bad one's error in its columns.
CREATE TABLE t.ledger (id int, region text, size text, insurance text, period text, base numeric(14,2));
INSERT INTO t.ledger VALUES
  (1, '360800', 'large', 'pension', '2020-05', 10000.00),
  (2, '360800', 'micro', 'pension', '2020-05', 3000.00),   -- SME exempt (赣人社发〔2020〕27号): 0.00 payable
  (3, '360800', 'large', 'pension', '2019-01', 10000.00),  -- no rate before 2019-05: not_found
  (4, '420100', 'large', 'pension', '2020-07', 10000.00);
SELECT t.fails('a bad row stops the strict function',
  $$SELECT sum(r.payable) FROM t.ledger l, sipolicy.contribution(l.region, l.size, l.insurance, l.period, l.base) r$$,
  'P0002', 'sipolicy.contribution: rate: no default employer rate for pension in region 360800 for 2019-01%', 'rate');
SELECT t.is('the lenient function answers every row',
  (SELECT (count(*), count(r.error_code), sum(r.payable), string_agg(r.error_code || ':' || r.error_field, ','))
     FROM t.ledger l, sipolicy.try_contribution(l.region, l.size, l.insurance, l.period, l.base) r),
  (4::bigint, 1::bigint, 2400.00::numeric, 'not_found:rate'));
SELECT t.is('the bad row keeps its catalog', r.catalog, left(sipolicy.catalog_hash(), 16))
  FROM sipolicy.try_contribution('360800', 'large', 'pension', '2019-01', 1) r;
SELECT t.is('try_eval returns the failed result', sipolicy.try_eval('{"op":"nope"}')->'error'->>'code', 'unknown_op');

-- Every lenient function turns missing required fields into its error columns.
DO $$
DECLARE f record; got text;
BEGIN
  FOR f IN SELECT p.oid::regprocedure AS sig, p.pronargs - p.pronargdefaults AS required
             FROM pg_proc p WHERE p.pronamespace = 'sipolicy'::regnamespace AND p.proname LIKE 'try\_%'
              AND p.proname <> 'try_eval' LOOP
    EXECUTE format('SELECT (%s(%s)).error_code', regexp_replace(f.sig::text, '\(.*', ''),
                   array_to_string(array_fill('NULL'::text, ARRAY[f.required]), ','))
      INTO got;
    PERFORM t.is(f.sig::text || ' with NULLs', got, 'invalid_argument');
  END LOOP;
END $$;

-- ---- late_fee: 1000.00 owed from 2011-06-20, paid 2011-07-10: 10 days at 0.2% before
-- 2011-07-01 (社会保险费征缴暂行条例 第十三条) and 10 at 0.05% (社会保险法 第八十六条):
-- 1000.00 x (0.02 + 0.005) = 25.00.
SELECT t.is('late_fee across 2011-07-01', (r.days, r.fee, r.daily_rate, r.waived_days, jsonb_array_length(r.segments),
                                          r.segments->0->>'daily_rate'),
            (20::bigint, 25.00::numeric, '0.0005', 0::bigint, 2, '0.002'))
  FROM sipolicy.late_fee(1000.00, '2011-06-20', '2011-07-10') r;
-- Waived through the payment day while deferred: 16 days waived, no fee.
SELECT t.is('late_fee waived', (r.days, r.fee, r.waived_days), (0::bigint, 0.00::numeric, 16::bigint))
  FROM sipolicy.late_fee(1000.00, '2020-03-15', '2020-03-31', waived_through => '2020-03-31') r;

-- ---- deferral: a Beijing restaurant (餐饮) defers April 2022 pension under 人社厅发〔2022〕16号,
-- to be made up by 2023-06-30; a textile firm as known on 2022-05-30 is refused (31号 came later).
SELECT t.is('deferral eligible', (r.eligible, r.makeup_due, r.late_fee_waived, r.reasons),
            (true, '2023-06-30'::date, true, '{}'::text[]))
  FROM sipolicy.deferral('110000', 'small', 'pension', '2022-04', unit_industry => '餐饮') r;
SELECT t.is('deferral refused as of a date', (r.eligible, r.makeup_due, r.reasons),
            (false, NULL::date, ARRAY['industry_not_eligible']))
  FROM sipolicy.deferral('110000', 'small', 'pension', '2022-05', unit_industry => 'textiles', as_of => '2022-05-30') r;

-- ---- overpayment: March 2020 paid 1600.00 in full, 800.00 was payable (halved): 800.00
-- overpaid, offset against May's 500.00 (not February: earlier); 300.00 credit remains.
SELECT t.is('overpayment offset', (r.total_overpaid, r.settlement, r.refund, r.remaining_credit,
                                  r.offsets->0->>'period', r.lines->0->>'overpaid'),
            (800.00::numeric, 'offset', 0.00::numeric, 300.00::numeric, '2020-05', '800.00'))
  FROM sipolicy.overpayment('360800', 'large',
         '[{"period":"2020-03","insurance":"pension","base":"10000.00","paid":"1600.00"}]',
         settlement => 'offset',
         upcoming => '[{"period":"2020-02","insurance":"pension","payable":"1600.00"},
                       {"period":"2020-05","insurance":"pension","payable":"500.00"}]') r;

-- ---- stable_job_refund: a Guizhou SME, 2022: 90% of 2021's 12000.00 = 10800.00 (人社部发〔2022〕23号).
SELECT t.is('stable_job_refund', (r.eligible, r.ratio, r.amount, r.reasons, r.payee, r.target_year),
            (true, '0.9', 10800.00::numeric, '{}'::text[], 'public_account', 2021::bigint))
  FROM sipolicy.stable_job_refund('520000', 2022, 'small', 12000.00, 12, 0, 25) r;
SELECT t.is('stable_job_refund public institution', (r.eligible, r.amount, r.reasons, r.payee),
            (false, 0.00::numeric, ARRAY['public_institution'], 'none'))
  FROM sipolicy.stable_job_refund('520000', 2022, 'small', 1000.00, 12, 0, 10, unit_type => 'public_institution') r;

-- ---- stable_job_screening: one Guizhou SME, 1000.00 x 90% = 900.00 for 10 employees.
SELECT t.is('stable_job_screening', (r.summary->>'total_amount', (r.summary->>'employees_covered')::int,
                                    r.results->0->>'amount'),
            ('900.00', 10, '900.00'))
  FROM sipolicy.stable_job_screening(2022, '[{"unit":{"size":"small"},"prior_year_paid":"1000.00",
                                              "months_paid":12,"layoffs":0,"insured":10}]', region => '520000') r;

-- ---- difficult_enterprise_refund: 西安 2020, 6 months x 1500.00 x 10 insured = 90000.00, less
-- 1000.00 already refunded = 89000.00.
SELECT t.is('difficult_enterprise_refund', (r.eligible, r.basis, r.months, r.entitlement, r.amount),
            (true, 'benefit', 6::bigint, 90000.00::numeric, 89000.00::numeric))
  FROM sipolicy.difficult_enterprise_refund('610100', 'medium', 2020, 10, monthly_benefit => 1500.00,
                                            already_refunded => 1000.00) r;

-- ---- skill_subsidy: a 2022 中级 certificate of an unemployment-benefit recipient in Guizhou: 1500.00.
SELECT t.is('skill_subsidy', (r.eligible, r.amount), (true, 1500.00::numeric))
  FROM sipolicy.skill_subsidy('520000', '2022-03-01', 'intermediate', 'unemployment_beneficiary', 0) r;

-- ---- work_training_subsidy: 于都, a graduate hired by a small enterprise: 5 months x 600.00 = 3000.00.
SELECT t.is('work_training_subsidy', (r.eligible, r.monthly_amount, r.months, r.amount),
            (true, 600.00::numeric, 5::bigint, 3000.00::numeric))
  FROM sipolicy.work_training_subsidy('360731', 'small', '2020-07', 'graduate', 12, 5) r;

-- ---- social_insurance_subsidy: 于都, 就业困难人员: 2/3 of 600.00 = 400.00 for 3 months' claim.
SELECT t.is('social_insurance_subsidy', (r.eligible, r.ratio, r.amount, r.months_remaining),
            (true, '2/3', 400.00::numeric, 9::bigint))
  FROM sipolicy.social_insurance_subsidy('360731', 'difficult', 600.00, 3, months_used => 36,
                                         months_to_retirement => 48) r;

-- ---- retention_training_subsidy: Guizhou, 400.00 per insured employee x 10 = 4000.00.
SELECT t.is('retention_training_subsidy', (r.eligible, r.per_employee, r.amount), (true, 400.00::numeric, 4000.00::numeric))
  FROM sipolicy.retention_training_subsidy('520000', 'small', 2022, 10) r;

-- ---- job_expansion_subsidy: Jiangxi 2022, 2 hires x 1500.00 = 3000.00.
SELECT t.is('job_expansion_subsidy', (r.eligible, r.per_hire, r.amount), (true, 1500.00::numeric, 3000.00::numeric))
  FROM sipolicy.job_expansion_subsidy('360000', 'small', 2022, 2) r;

-- ---- entrepreneurship_subsidy: Guizhou venue rent for a 农民工, claimed 5950.00 under the 6000.00 cap.
SELECT t.is('entrepreneurship_subsidy', (r.eligible, r.cap, r.amount), (true, 6000.00::numeric, 5950.00::numeric))
  FROM sipolicy.entrepreneurship_subsidy('520000', 'venue_rent', 'migrant_worker', claimed => 5950.00) r;

-- ---- classify_enterprise: a restaurant with 120 employees and 3000万元 revenue is medium
-- (国统字〔2017〕213号: 餐饮 medium from 100 employees and 2000万元).
SELECT t.is('classify_enterprise', (r.size, r.reasons[3]), ('medium', 'all_medium_bounds_met'))
  FROM sipolicy.classify_enterprise('catering', employees => 120, revenue => 30000000.00) r;

-- ---- collection_target: 九江 private enterprises: 95.00 of 100.00 cleared (> 90%), 5.00 new
-- arrears of 100.00 due (<= 10%): both met.
SELECT t.is('collection_target', (r.clearance_rate, r.new_arrears_ratio, r.met), ('0.95', '0.05', true))
  FROM sipolicy.collection_target('360400', 2017, 'private', 'city_wide', 100.00, 95.00, 100.00, 5.00) r;

-- ---- eval: any request, and the same numbers as the typed function
SELECT t.is('eval', sipolicy.eval('{"op":"contribution","region":"360800","unit":{"size":"large"},
  "insurance":"pension","period":"2020-05","base":"10000.00"}')->>'payable', '800.00');
SELECT t.is('eval with explain', jsonb_array_length(sipolicy.eval('{"op":"late_fee","amount":"1000.00",
  "due_date":"2011-06-20","paid_date":"2011-07-10","explain":true}')->'trace') > 0, true);
SELECT t.is('eval catalog is the hash''s first 16 digits',
  sipolicy.eval('{"op":"late_fee","amount":"1","due_date":"2020-01-01","paid_date":"2020-01-02"}')->>'catalog',
  left(sipolicy.catalog_hash(), 16));

-- ---- Packs loaded in the session
-- pension-14.jsonc replaces the pension rate by 14%: Beijing large, 2021-02: 1000.00 x 0.14 = 140.00.
SELECT sipolicy.load_pack(:'pension14', 'pension-14.jsonc') AS loaded_hash \gset
SELECT t.is('load_pack returns the new hash', :'loaded_hash', sipolicy.catalog_hash());
SELECT t.is('load_pack changes the hash', :'loaded_hash' <> :'start_hash', true);
SELECT t.is('the loaded pack applies', (r.rate, r.due, r.payable, r.catalog),
            ('0.14', 140.00::numeric, 140.00::numeric, left(:'loaded_hash', 16)))
  FROM sipolicy.contribution('110000', 'large', 'pension', '2021-02', 1000.00) r;
SELECT t.is('packs() lists it last', sipolicy.packs()->-1->>'name', 'gd-rate');
SELECT t.fails('a bad pack is refused', $$SELECT sipolicy.load_pack('{', 'broken.jsonc')$$,
               '22P02', 'sipolicy.load_pack(broken.jsonc): %broken.jsonc%');
SELECT t.is('a refused pack leaves the catalog', sipolicy.catalog_hash(), :'loaded_hash');
-- A load rolled back with its transaction is undone.
BEGIN;
SELECT sipolicy.load_pack('{"format":"sipolicy-pack/1","name":"empty","version":"1"}', 'empty.jsonc') IS NOT NULL AS loaded;
ROLLBACK;
SELECT t.is('a rolled-back load is undone', sipolicy.catalog_hash(), :'loaded_hash');
SELECT t.fails('sipolicy.session_packs is not free text', $$SET sipolicy.session_packs = 'anything'$$,
               '22023', 'invalid value for parameter "sipolicy.session_packs"%');
-- A non-superuser may load packs for its session but not change sipolicy.packs.
CREATE ROLE clerk;
GRANT USAGE ON SCHEMA t TO clerk;
GRANT USAGE, UPDATE ON SEQUENCE t.passed TO clerk;
SET ROLE clerk;
SELECT t.fails('sipolicy.packs needs a superuser', $$SET sipolicy.packs = ''$$, '42501', 'permission denied%');
SELECT t.is('a clerk computes with the session''s catalog', sipolicy.catalog_hash(), :'loaded_hash');
RESET ROLE;
SELECT t.is('unload_packs returns to the start catalog', sipolicy.unload_packs(), :'start_hash');
SELECT t.is('after unload the rate is 16%', r.due, 160.00::numeric)
  FROM sipolicy.contribution('110000', 'large', 'pension', '2021-02', 1000.00) r;
SET sipolicy.packs = '';
SELECT t.is('without sipolicy.packs: the built-in catalog only', jsonb_array_length(sipolicy.packs()), 2);
SELECT t.is('and 深圳 pays in full', r.payable, 160.00::numeric)
  FROM sipolicy.contribution('440300', 'small', 'pension', '2021-02', 1000.00) r;
RESET sipolicy.packs;
SELECT t.is('RESET restores the server''s packs', sipolicy.catalog_hash(), :'start_hash');

SELECT 'regress.sql: ' || currval('t.passed') || ' checks passed' AS result;

-- ---- Databases in other encodings. The extension's script is ASCII; results
-- are converted from the library's UTF-8. EUC_CN (GB 2312) holds every 文号.
CREATE DATABASE sipolicy_euc_cn ENCODING 'EUC_CN' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0;
CREATE DATABASE sipolicy_latin1 ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0;
\c sipolicy_euc_cn
SET client_encoding = 'UTF8';
CREATE EXTENSION sipolicy;
DO $$
DECLARE r sipolicy.contribution_result;
BEGIN
  r := sipolicy.contribution('360800', 'large', 'pension', '2020-05', 10000.00, detail => 'full');
  IF r.payable <> 800.00 OR NOT '赣人社发〔2020〕27号' = ANY (r.rules) OR r.rule_details->0->>'title' <> '降低社会保险费率综合方案' THEN
    RAISE EXCEPTION 'FAILED EUC_CN: %', r;
  END IF;
  IF (sipolicy.deferral('110000', 'small', 'pension', '2022-04', unit_industry => '餐饮')).makeup_due <> '2023-06-30' THEN
    RAISE EXCEPTION 'FAILED EUC_CN: an industry named in Chinese';
  END IF;
  IF obj_description('sipolicy.late_fee_result'::regclass) NOT LIKE '%滞纳金%' THEN
    RAISE EXCEPTION 'FAILED EUC_CN: the comments';
  END IF;
END $$;
SELECT 'regress.sql: an EUC_CN database: 3 checks passed' AS result;
-- LATIN1 cannot hold the 文号: the extension installs (its comments with '?'),
-- and a result citing one (every result does) is an encoding error, never a
-- mangled citation.
\c sipolicy_latin1
SET client_encoding = 'UTF8';
CREATE EXTENSION sipolicy;
DO $$
BEGIN
  PERFORM sipolicy.contribution('360800', 'large', 'pension', '2020-05', 10000.00);
  RAISE EXCEPTION 'FAILED LATIN1: no error';
EXCEPTION WHEN untranslatable_character THEN
  IF sipolicy.catalog_hash() !~ '^[0-9a-f]{64}$'
     OR obj_description('sipolicy.late_fee_result'::regclass) NOT LIKE '%?%' THEN
    RAISE EXCEPTION 'FAILED LATIN1';
  END IF;
END $$;
SELECT 'regress.sql: a LATIN1 database: 2 checks passed' AS result;
