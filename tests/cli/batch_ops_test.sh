#!/usr/bin/env bash
# `sipolicy batch --op X` end to end, for every operation with a flat form:
# values computed by hand from the documents (the comment above each check
# says how), pass-through columns, a bad row in the middle, input line
# numbers with a quoted field spanning lines, --set, --columns, --format
# jsonl, exit codes, and the bulletin summaries checked against sums taken
# independently from the output with Python's decimal (stdlib only).
# usage: batch_ops_test.sh path/to/sipolicy
set -u
BIN="$1"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
passed=0 failed=0
check() {  # check "name" condition...
  local name="$1"; shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $name" >&2; fi
}
eq() {  # eq "name" got want
  if [ "$2" == "$3" ]; then passed=$((passed + 1)); else
    failed=$((failed + 1)); echo "FAILED: $1: got '$2', want '$3'" >&2; fi
}
# The interpreter itself, not a version manager's shim (much slower to start).
PY=$(python3 -c 'import sys; print(sys.executable)')
python3() { "$PY" "$@"; }
# cell FILE LINE COLUMN: the value of COLUMN in the output row of input line LINE
# (FILE is read once with Python's csv into FILE.flat: line, column, value).
cell() {
  if [ ! -f "$1.flat" ]; then
    python3 - "$1" > "$1.flat" <<'PY'
import csv, sys
for r in csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")):
    for k, v in r.items():
        print("%s\t%s\t%s" % (r["line"], k, v.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")))
PY
  fi
  awk -F'\t' -v l="$2" -v c="$3" '$1 == l && $2 == c {print $3; n++} END {if (n != 1) print "<" n + 0 " rows for line " l ">"}' "$1.flat"
}
TESTED_OPS=""
run() {  # run OP OUT ARGS...: sipolicy batch --op OP ARGS... -o OUT; $rc is its exit status
  local op="$1" out="$2"; shift 2
  TESTED_OPS="$TESTED_OPS $op "
  rm -f "$out.flat"
  "$BIN" batch --op "$op" -o "$out" "$@" 2> "$out.err"
  rc=$?
}

# --- contribution -----------------------------------------------------------------
# 吉安 (360800), Feb–Mar 2020. Pension 16% (国办发〔2019〕13号); Jiangxi halves
# large units' and exempts SMEs' employer share (赣人社发〔2020〕11号, Feb–Apr and
# Feb–Jun); 机关事业单位 get nothing. c1: 10000.05 × 0.16 = 1600.008 → 1600.01,
# half 800.005 → 800.01, payable 800.00. c2: 20000 × 0.16 = 3200.00, all
# relieved. c3: 20000 × 0.005 = 100.00, exempt. c4: 30000 × 0.01 = 300.00,
# halved 150.00. c5: no catalog employer rate for unemployment: not_found on
# rate (the bad row in the middle). c6: public institution, 1600.00 payable.
cat > "$TMP/c.csv" <<'CSV'
id,region,unit_size,unit_type,insurance,period,base,rate,county
c1,360800,large,,pension,2020-02,10000.05,,"Ji'an, A"
c2,360800,small,,pension,2020-02,20000.00,,"Ji'an, A"
c3,360800,small,,unemployment,2020-02,20000.00,0.005,B
c5,360800,large,,unemployment,2020-03,30000.00,,B
c4,360800,large,,work_injury,2020-03,30000.00,0.01,B
c6,360800,medium,public_institution,pension,2020-03,10000.00,,"Ji'an, A"
CSV
run contribution "$TMP/c.out" "$TMP/c.csv"
eq "contribution: a failed row exits 1" "$rc" 1
eq "contribution: header" "$(head -1 "$TMP/c.out")" \
  "line,id,county,ok,due,relief_ratio,relief,payable,rate,rules,error_code,error_field,error_message"
eq "contribution: c1 due" "$(cell "$TMP/c.out" 2 due)" "1600.01"
eq "contribution: c1 relief" "$(cell "$TMP/c.out" 2 relief)" "800.01"
eq "contribution: c1 payable" "$(cell "$TMP/c.out" 2 payable)" "800.00"
eq "contribution: c1 cites 赣人社发〔2020〕11号" "$(cell "$TMP/c.out" 2 rules)" "国办发〔2019〕13号; 赣人社发〔2020〕11号"
eq "contribution: c2 exempt" "$(cell "$TMP/c.out" 3 payable)" "0.00"
eq "contribution: c3 unemployment exempt" "$(cell "$TMP/c.out" 4 relief)" "100.00"
eq "contribution: c5 fails in its row" "$(cell "$TMP/c.out" 5 ok),$(cell "$TMP/c.out" 5 error_code),$(cell "$TMP/c.out" 5 error_field)" \
  "false,not_found,rate"
eq "contribution: c4 after the bad row" "$(cell "$TMP/c.out" 6 relief)" "150.00"
eq "contribution: c6 no relief" "$(cell "$TMP/c.out" 7 payable)" "1600.00"
eq "contribution: pass-through with a comma" "$(cell "$TMP/c.out" 2 county)" "Ji'an, A"
eq "contribution: count line" "$(cat "$TMP/c.out.err")" "6 rows, 5 ok, 1 failed"
# The Ji'an bulletin's shape (relief by month and insurance, 万元): Feb pension
# 800.01 + 3200.00 = 4000.01 → 0.40; Feb unemployment 100.00 → 0.01; Mar work
# injury 150.00 → 0.015 → 0.02 (half-up); all 4250.01 → 0.43.
"$BIN" batch "$TMP/c.csv" --summary -o /dev/null 2> "$TMP/c.sum"
check "contribution summary: exact relief" grep -qF "  relief 4250.01 yuan (0.43万元)" "$TMP/c.sum"
eq "contribution summary: 合计 row" "$(grep '^ *合计 ' "$TMP/c.sum" | tr -s ' ')" " 合计 0.43 0.40 0.02 0.01"
eq "contribution summary: 2020-03 row" "$(grep '^ *2020-03 ' "$TMP/c.sum" | tr -s ' ')" " 2020-03 0.02 0.00 0.02 0.00"
# As-of evaluation (人社部发〔2020〕49号 of 2020-06-22 extends the SME exemption to
# July): known on 2020-06-01 an SME's July is payable in full, on 2020-07-01 exempt;
# a row's own as_of wins over --as-of.
printf 'region,unit_size,insurance,period,base,as_of\n360800,small,pension,2020-07,10000.00,\n360800,small,pension,2020-07,10000.00,2020-07-01\n' > "$TMP/asof.csv"
"$BIN" batch --as-of 2020-06-01 "$TMP/asof.csv" > "$TMP/asof.out" 2> /dev/null
eq "--as-of: July not yet exempt" "$(cell "$TMP/asof.out" 2 payable)" "1600.00"
eq "as_of column: exempt as known on 2020-07-01" "$(cell "$TMP/asof.out" 3 payable)" "0.00"
# Through the JSON path: catering's 2022 pension deferral (人社厅发〔2022〕16号, issued
# in 2022) is unknown on 2022-01-01.
printf 'region,unit.size,unit.industry,insurance,period\n520000,small,catering,pension,2022-05\n' \
  | "$BIN" batch --op deferral --as-of 2022-01-01 - > "$TMP/dasof.out" 2> /dev/null
eq "--as-of through the JSON path" "$(cell "$TMP/dasof.out" 2 reasons)" "no_deferral_window"

# --- late_fee: a multi-line quoted field, line numbers ------------------------------
# 社会保险法 第八十六条: 0.05% a day from the day after the due date through the
# payment day. A1: 2020-03-16…04-01 = 17 days, 1000 × 17 × 0.0005 = 8.50.
# A2 straddles 2011-07-01: 06-16…06-30 15 days at 0.2% (征缴暂行条例 第十三条)
# = 30.00, 07-01…07-10 10 days at 0.05% = 5.00; 35.00. A3 is not a number.
printf 'case,amount,due_date,paid_date,note\r\n' > "$TMP/lf.csv"
printf 'A1,1000.00,2020-03-15,2020-04-01,"first line\r\nsecond, line"\r\n' >> "$TMP/lf.csv"
printf '\r\nA2,1000.00,2011-06-15,2011-07-10,plain\r\nA3,1.000.00,2020-03-15,2020-04-01,"x ""quoted"""\r\n' >> "$TMP/lf.csv"
printf 'A4,100.00,2020-03-15,2020-03-15,"a\nb\nc"\n' >> "$TMP/lf.csv"
run late_fee "$TMP/lf.out" "$TMP/lf.csv"
eq "late_fee: exit 1 (A3)" "$rc" 1
eq "late_fee: A1 days" "$(cell "$TMP/lf.out" 2 days)" "17"
eq "late_fee: A1 fee" "$(cell "$TMP/lf.out" 2 fee)" "8.50"
eq "late_fee: A2 on line 5 (after a 2-line record and a blank line)" "$(cell "$TMP/lf.out" 5 case)" "A2"
eq "late_fee: A2 mixed rates" "$(cell "$TMP/lf.out" 5 fee)" "35.00"
eq "late_fee: A3 on line 6, error on amount" "$(cell "$TMP/lf.out" 6 error_field)" "amount"
eq "late_fee: A3 pass-through with doubled quotes" "$(cell "$TMP/lf.out" 6 note)" 'x "quoted"'
eq "late_fee: A4 on line 7 (a 3-line record)" "$(cell "$TMP/lf.out" 7 fee)" "0.00"
check "late_fee: the multi-line note passes through whole" python3 - "$TMP/lf.out" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
assert [r["line"] for r in rows] == ["2", "5", "6", "7"], rows
assert rows[0]["note"] == "first line\r\nsecond, line", repr(rows[0]["note"])
assert rows[3]["note"] == "a\nb\nc", repr(rows[3]["note"])
PY
# A stray quote that never closes spoils only its own line.
printf 'amount,due_date,paid_date\n1000.00,"2020-03-15,2020-04-01\n1000.00,2020-03-15,2020-04-01\n' > "$TMP/stray.csv"
"$BIN" batch --op late_fee "$TMP/stray.csv" > "$TMP/stray.out" 2> /dev/null
eq "stray quote: its line fails" "$(cell "$TMP/stray.out" 2 error_code)" "invalid_argument"
eq "stray quote: the next line is answered" "$(cell "$TMP/stray.out" 3 fee)" "8.50"

# --columns and --format jsonl.
"$BIN" batch --op late_fee --columns case,fee,line,input.note,error_field "$TMP/lf.csv" > "$TMP/cols.out" 2> /dev/null
eq "--columns: header as asked" "$(head -1 "$TMP/cols.out")" "case,fee,line,input.note,error_field"
eq "--columns: a row" "$(grep '^A2,' "$TMP/cols.out")" "A2,35.00,5,plain,"
"$BIN" batch --op late_fee --columns nosuch "$TMP/lf.csv" > /dev/null 2>&1
eq "--columns: an unknown name exits 2" "$?" 2
"$BIN" batch --op late_fee --format jsonl "$TMP/lf.csv" > "$TMP/lf.jsonl" 2> /dev/null
eq "jsonl: exit 1" "$?" 1
check "jsonl: one object per row, typed" python3 - "$TMP/lf.jsonl" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert len(rows) == 4, rows
a1, a2, a3 = rows[0], rows[1], rows[2]
assert a1["line"] == 2 and a1["ok"] is True and a1["days"] == 17 and a1["fee"] == "8.50", a1
assert a1["note"] == "first line\r\nsecond, line" and a1["error_code"] is None, a1
assert [s["days"] for s in a2["segments"]] == [15, 10], a2
assert a2["rules"] and all(isinstance(r, str) for r in a2["rules"]), a2
assert a3["ok"] is False and a3["fee"] is None and a3["error_field"] == "amount", a3
PY

# --- deferral ---------------------------------------------------------------------
# D1: catering is one of the 5 特困行业 of 人社厅发〔2022〕16号, pension 2022-04…06:
# may defer, no late fee meanwhile. D2: 2020 deferral needs 生产经营困难 declared
# (人社部发〔2020〕11号). D3: declared: may defer. D4: "yes" is not a boolean.
cat > "$TMP/d.csv" <<'CSV'
region,unit.size,unit.industry,insurance,period,in_difficulty
520000,small,catering,pension,2022-05,
360800,small,,pension,2020-03,
360800,small,,pension,2020-03,true
360800,medium,,pension,2020-03,yes
CSV
run deferral "$TMP/d.out" "$TMP/d.csv"
eq "deferral: D1 eligible" "$(cell "$TMP/d.out" 2 eligible),$(cell "$TMP/d.out" 2 late_fee_waived)" "true,true"
eq "deferral: D2 reason" "$(cell "$TMP/d.out" 3 eligible),$(cell "$TMP/d.out" 3 reasons)" "false,difficulty_not_declared"
eq "deferral: D3 eligible" "$(cell "$TMP/d.out" 4 eligible)" "true"
eq "deferral: D4 bad boolean" "$(cell "$TMP/d.out" 5 error_field)" "in_difficulty"

# --- stable_job_refund and stable_job_screening (免申即享, one unit per row) ----------
# 2022 (人社部发〔2022〕23号): SMEs get 90% of 2021's unemployment contributions.
# G1: 1000 × 0.9 = 900.00. G2: 200 × 0.9 = 180.00, a micro unit without a public
# account is paid into its contribution account (the Guizhou 2022 report). G3:
# 6 layoffs of 100 insured = 6% > the 2021 target 5.5%. G4: 11 months paid, 12
# required. G5: unreadable amount. G6: 6 of 30 = 20%, allowed for ≤ 30 insured:
# 500 × 0.9 = 450.00. Paid: G1, G2, G6: 1530.00 yuan, 3 + 2 + 30 = 35 employees.
cat > "$TMP/s.csv" <<'CSV'
unit_id,county,region,unit_size,prior_year_paid,months_paid,layoffs,insured,has_public_account
G1,A,520000,small,1000.00,12,0,3,true
G2,A,520000,micro,200.00,12,0,2,false
G3,B,520100,medium,5000.00,12,6,100,
G4,B,520100,small,300.00,11,0,5,
G5,B,520100,small,oops,12,0,5,
G6,A,520000,small,500.00,12,6,30,1
CSV
for op in stable_job_refund stable_job_screening; do
  run "$op" "$TMP/$op.out" "$TMP/s.csv"
  eq "$op: year is required" "$rc" 2
  run "$op" "$TMP/$op.out" --set year=2022 --summary-by county --summary-out "$TMP/$op.sum" "$TMP/s.csv"
  eq "$op: exit 1 (G5)" "$rc" 1
  eq "$op: G1" "$(cell "$TMP/$op.out" 2 amount),$(cell "$TMP/$op.out" 2 payee)" "900.00,public_account"
  eq "$op: G2 payee" "$(cell "$TMP/$op.out" 3 amount),$(cell "$TMP/$op.out" 3 payee)" "180.00,contribution_account"
  eq "$op: G3 layoffs" "$(cell "$TMP/$op.out" 4 reasons)" "layoff_rate_above_target"
  eq "$op: G4 months" "$(cell "$TMP/$op.out" 5 reasons)" "months_paid_below_required"
  eq "$op: G5 fails on its own field" "$(cell "$TMP/$op.out" 6 error_field)" "prior_year_paid"
  eq "$op: G6 small-unit allowance" "$(cell "$TMP/$op.out" 7 amount)" "450.00"
  check "$op: the summary is the bulletin" grep -qF "向3户企业返还稳岗资金0.15万元，惠及职工35人" "$TMP/$op.sum"
  check "$op: the summary stays out of the CSV" test "$(grep -c 万元 "$TMP/$op.out")" -eq 0
done
eq "stable_job_refund: the entitlement too" "$(cell "$TMP/stable_job_refund.out" 2 entitlement)" "900.00"

# --- the other operations: one row each at least ----------------------------------
# difficult_enterprise_refund, 2020 (人社部发〔2020〕30号): up to 6 months × the local
# monthly benefit × insured: 6 × 1500 × 10 = 90000.00 (西安, 610100, benefit basis).
# Without a benefit level for 360800 in the catalog: not_found on monthly_benefit.
printf 'region,unit_size,year,insured,monthly_benefit\n610100,small,2020,10,1500.00\n360800,small,2020,10,\n' > "$TMP/de.csv"
run difficult_enterprise_refund "$TMP/de.out" "$TMP/de.csv"
eq "difficult_enterprise_refund: 6 × 1500 × 10" "$(cell "$TMP/de.out" 2 amount)" "90000.00"
eq "difficult_enterprise_refund: no benefit level" "$(cell "$TMP/de.out" 3 error_code),$(cell "$TMP/de.out" 3 error_field)" \
  "not_found,monthly_benefit"

# skill_subsidy (人社部发〔2017〕40号): 初级 1000, 中级 1500; insured ≥ 12 months.
printf 'region,certificate_date,level,applicant,insured_months\n520000,2022-05-01,primary,employee,12\n520000,2022-05-01,intermediate,employee,12\n520000,2022-05-01,primary,employee,11\n' > "$TMP/sk.csv"
run skill_subsidy "$TMP/sk.out" --summary "$TMP/sk.csv"
eq "skill_subsidy: exit 0" "$rc" 0
eq "skill_subsidy: 初级" "$(cell "$TMP/sk.out" 2 amount)" "1000.00"
eq "skill_subsidy: 中级" "$(cell "$TMP/sk.out" 3 amount)" "1500.00"
eq "skill_subsidy: 11 months" "$(cell "$TMP/sk.out" 4 eligible),$(cell "$TMP/sk.out" 4 reasons)" \
  "false,insured_months_below_minimum"
check "skill_subsidy: summary 2 paid, 0.25万元" grep -qF "发放2笔，金额0.25万元" "$TMP/sk.out.err"

# work_training_subsidy (于人社〔2020〕112号, Jiangxi): 600 a month, at most 6: 3600.00.
printf 'region,unit_size,hire_period,target_group,contract_months,months_worked\n360731,small,2020-06,difficult,6,6\n' > "$TMP/wt.csv"
run work_training_subsidy "$TMP/wt.out" "$TMP/wt.csv"
eq "work_training_subsidy: 6 × 600" "$(cell "$TMP/wt.out" 2 amount)" "3600.00"

# social_insurance_subsidy (于人社〔2020〕112号): at most 2/3 of what was paid:
# 3000 × 2/3 = 2000.00; the input "months" and the result "months" both named.
printf 'region,group,contribution,months\n360731,difficult,3000.00,3\n' > "$TMP/si.csv"
run social_insurance_subsidy "$TMP/si.out" --columns amount,months,input.months "$TMP/si.csv"
eq "social_insurance_subsidy: 2/3" "$(sed -n 2p "$TMP/si.out")" "2000.00,3,3"

# retention_training_subsidy (人社部发〔2022〕23号): 500 per insured: 10 × 500.
printf 'region,unit_size,year,insured\n360800,small,2022,10\n' > "$TMP/rt.csv"
run retention_training_subsidy "$TMP/rt.out" "$TMP/rt.csv"
eq "retention_training_subsidy: 10 × 500" "$(cell "$TMP/rt.out" 2 amount)" "5000.00"

# job_expansion_subsidy (2022): 1500 per hire: 2 × 1500.
printf 'region,unit_size,year,hires\n360800,small,2022,2\n' > "$TMP/je.csv"
run job_expansion_subsidy "$TMP/je.out" "$TMP/je.csv"
eq "job_expansion_subsidy: 2 × 1500" "$(cell "$TMP/je.out" 2 amount)" "3000.00"

# entrepreneurship_subsidy (the Guizhou 2022 report: 45 自主创业补贴 grants, 22.50万元
# = 5000 each): 2 grants = 10000.00.
printf 'region,kind,group,grants\n520000,startup,migrant_worker,2\n' > "$TMP/en.csv"
run entrepreneurship_subsidy "$TMP/en.out" "$TMP/en.csv"
eq "entrepreneurship_subsidy: 2 × 5000" "$(cell "$TMP/en.out" 2 amount)" "10000.00"

# classify_enterprise (国统字〔2017〕213号, 工业): small needs X ≥ 20 and Y ≥ 300万元;
# medium X ≥ 300: 25 employees and 3,000,000 yuan are small.
printf 'sector,employees,revenue\nindustry,25,3000000\n' > "$TMP/ce.csv"
run classify_enterprise "$TMP/ce.out" "$TMP/ce.csv"
eq "classify_enterprise: small" "$(cell "$TMP/ce.out" 2 size)" "small"

# collection_target (九人社字〔2017〕85号, 民营私营企业, 全市): clearance above 90%
# (91/100 = 0.91) and new arrears at most 10% (100/1000 = 0.1): met.
printf 'region,year,unit_kind,level,opening_arrears,cleared,due,new_arrears\n360400,2017,private,city_wide,100,91,1000,100\n' > "$TMP/ct.csv"
run collection_target "$TMP/ct.out" "$TMP/ct.csv"
eq "collection_target: met" "$(cell "$TMP/ct.out" 2 clearance_rate),$(cell "$TMP/ct.out" 2 met)" "0.91,true"

# Every operation `batch --help` lists was run above; overpayment has no flat form.
for op in $("$BIN" batch --help | sed -n '/^Operations with a flat form:/,$p' | awk 'NR > 1 {print $1}'); do
  check "op $op is tested" test "${TESTED_OPS#* $op }" != "$TESTED_OPS"
  "$BIN" batch --op "$op" --help > "$TMP/help" 2>&1
  check "batch --op $op --help" grep -qF "usage: sipolicy batch --op $op" "$TMP/help"
done
"$BIN" batch --op overpayment "$TMP/c.csv" > /dev/null 2> "$TMP/op.err"
eq "overpayment: no flat form, exit 2" "$?" 2
check "overpayment: says why" grep -qF "has no flat form" "$TMP/op.err"
"$BIN" batch --op frobnicate "$TMP/c.csv" > /dev/null 2>&1
eq "unknown op: exit 2" "$?" 2
printf 'id,id\n' | "$BIN" batch - > /dev/null 2>&1
eq "a column twice: exit 2" "$?" 2
"$BIN" batch --set nosuch=1 "$TMP/c.csv" > /dev/null 2>&1
eq "--set of an unknown field: exit 2" "$?" 2

# --- the summaries against independent sums -------------------------------------------
# 2,000 generated contribution rows (integers only, fixed seed) and the screening
# file above: every figure of the bulletin is recomputed here from the output rows
# with decimal, and the 万元 table rounded half-up to 0.01 as the bulletin prints it.
python3 - "$TMP/gen.csv" <<'PY'
import random, sys
rng = random.Random(13)
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("id,region,unit_size,unit_type,insurance,period,base,rate,city\n")
    for i in range(2000):
        ins = rng.choice(["pension", "pension", "unemployment", "work_injury"])
        rate = "" if ins == "pension" else rng.choice(["0.005", "0.007", "0.0048", "0.01"])
        if rng.random() < 0.02:
            rate = ""  # no default rate for these: a failed row
        fen = rng.randrange(300000, 5000000)
        f.write("g%d,%s,%s,%s,%s,2020-%02d,%d.%02d,%s,%s\n" % (
            i, rng.choice(["360800", "360731", "420100", "110000"]),
            rng.choice(["large", "medium", "small", "micro"]),
            rng.choice(["", "enterprise", "social_organization", "public_institution"]),
            ins, rng.randrange(1, 13), fen // 100, fen % 100, rate, rng.choice(["east", "west"])))
PY
"$BIN" batch --summary-by city --summary-out "$TMP/gen.sum" -o "$TMP/gen.out" "$TMP/gen.csv" 2> /dev/null
eq "generated: exit 1 (some rates missing)" "$?" 1
check "contribution summary = independent sums" python3 - "$TMP/gen.csv" "$TMP/gen.out" "$TMP/gen.sum" <<'PY'
import csv, re, sys
from collections import defaultdict
from decimal import Decimal, ROUND_HALF_UP
inp = {str(i + 2): r for i, r in enumerate(csv.DictReader(open(sys.argv[1], encoding="utf-8")))}
out = list(csv.DictReader(open(sys.argv[2], encoding="utf-8")))
text = open(sys.argv[3], encoding="utf-8").read()
wan = lambda y: str((y / 10000).quantize(Decimal("0.01"), ROUND_HALF_UP))
sections = dict(re.findall(r"\n\[([^\]]*)\]\n(.*?)(?=\n\[|\Z)", text, re.S))
ins_order = ["pension", "work_injury", "unemployment"]
for group in ["city east", "city west", "total"]:
    rows = [r for r in out if group == "total" or "city " + r["city"] == group]
    ok = [r for r in rows if r["ok"] == "true"]
    body = sections[group]
    assert "  rows %d: %d ok, %d failed\n" % (len(rows), len(ok), len(rows) - len(ok)) in body, (group, body)
    for col in ["due", "relief", "payable"]:
        s = sum(Decimal(r[col]) for r in ok)
        assert "  %s %s yuan (%s万元)\n" % (col, s, wan(s)) in body, (group, col, s)
    cells = defaultdict(Decimal)
    for r in ok:
        i = inp[r["line"]]
        cells[(i["period"], i["insurance"])] += Decimal(r["relief"])
    months = sorted({m for m, _ in cells})
    present = [i for i in ins_order if any(k[1] == i for k in cells)]
    for m in months + ["合计"]:
        vals = [sum(v for (mm, ii), v in cells.items() if (m == "合计" or mm == m) and ii == i) for i in present]
        want = [wan(sum(vals, Decimal(0)))] + [wan(v) for v in vals]
        line = [l for l in body.split("\n") if l.strip().startswith(m + " ")]
        assert len(line) == 1 and line[0].split()[1:] == want, (group, m, line, want)
PY
check "screening summary = independent sums" python3 - "$TMP/s.csv" "$TMP/stable_job_screening.out" "$TMP/stable_job_screening.sum" <<'PY'
import csv, re, sys
from collections import Counter
from decimal import Decimal, ROUND_HALF_UP
inp = {str(i + 2): r for i, r in enumerate(csv.DictReader(open(sys.argv[1], encoding="utf-8")))}
out = list(csv.DictReader(open(sys.argv[2], encoding="utf-8")))
text = open(sys.argv[3], encoding="utf-8").read()
sections = dict(re.findall(r"\n\[([^\]]*)\]\n(.*?)(?=\n\[|\Z)", text, re.S))
for group in ["county A", "county B", "total"]:
    rows = [r for r in out if group == "total" or "county " + r["county"] == group]
    ok = [r for r in rows if r["ok"] == "true"]
    paid = [r for r in ok if Decimal(r["amount"]) > 0]
    amount = sum((Decimal(r["amount"]) for r in paid), Decimal("0.00"))
    employees = sum(int(inp[r["line"]]["insured"]) for r in paid)
    w = (amount / 10000).quantize(Decimal("0.01"), ROUND_HALF_UP)
    body = sections[group]
    assert "  paid (amount > 0) %d, %s yuan, employees covered %d\n" % (len(paid), amount, employees) in body, body
    assert "  向%d户企业返还稳岗资金%s万元，惠及职工%d人\n" % (len(paid), w, employees) in body, body
    reasons = Counter(x for r in ok for x in r["reasons"].split("; ") if x)
    not_eligible = sum(1 for r in ok if r["eligible"] == "false")
    if reasons:
        want = "  not eligible %d, by reason: %s\n" % (
            not_eligible, "; ".join("%s %d" % kv for kv in sorted(reasons.items())))
        assert want in body, (want, body)
PY

# The progress bar: on stderr when it is a terminal (script(1) gives it one),
# never in the output; without a terminal, stderr holds only the count line.
if command -v script > /dev/null; then
  { head -1 "$TMP/gen.csv"; for i in 1 2 3; do tail -n +2 "$TMP/gen.csv"; done; } > "$TMP/6k.csv"
  script -qc "'$BIN' batch -o '$TMP/6k.out' '$TMP/6k.csv'" /dev/null > "$TMP/tty.txt" 2>&1
  check "progress: a bar on a terminal" grep -qF "%  4096 rows" "$TMP/tty.txt"
  check "progress: not in the output" test "$(grep -c '%  ' "$TMP/6k.out")" -eq 0
  "$BIN" batch -o "$TMP/6k.out" "$TMP/6k.csv" 2> "$TMP/notty.err"
  bad=$(python3 -c 'import csv, sys; print(sum(r["ok"] == "false" for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"))))' "$TMP/gen.out")
  eq "progress: none without a terminal" "$(cat "$TMP/notty.err")" "6000 rows, $((6000 - 3 * bad)) ok, $((3 * bad)) failed"
fi

echo "$passed passed, $failed failed"
test "$failed" -eq 0
