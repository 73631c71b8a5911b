#!/usr/bin/env bash
# `sipolicy diff` end to end (docs/diff.md): the Guizhou 2022 refund what-if
# (large enterprises 30% -> 50%), an as-of diff, CSV input, a record failing
# on one side, eligibility flips, pack A vs pack B, no change (exit 0) and
# usage errors (exit 2). Every total diff reports is checked against an
# independent sum: `sipolicy eval` / `sipolicy batch` run on each side and the
# per-record deltas added up here with Python's decimal (stdlib only), and the
# example's figures against 30% / 50% of prior_year_paid worked by hand.
# usage: diff_test.sh path/to/sipolicy
set -u
BIN="$1"
HERE="$(cd "$(dirname "$0")" && pwd)"
DATA="$HERE/diff"
PACK="$DATA/guizhou_2022_large50.jsonc"
REQ="$DATA/guizhou_2022_refunds.jsonl"
CSV="$DATA/guizhou_2022_refunds.csv"
PY="${PYTHON:-python3}"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
passed=0 failed=0
check() {  # check "name" command...
  local name="$1"; shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $name" >&2; fi
}
contains() { grep -qF -- "$2" "$1"; }
lacks() { ! grep -qF -- "$2" "$1"; }
status_is() { test "$1" -eq "$2"; }

# A JSON value from the diff's summary line: summary FILE 'expression over s'.
summary() {
  "$PY" -c 'import json,sys
s=[json.loads(l) for l in open(sys.argv[1]) if l.strip()][-1]
assert s["type"]=="summary"
print(eval(sys.argv[2]))' "$1" "$2"
}

# The independent sum: two files of results (one per request line, in order,
# as eval or batch --format jsonl writes them) -> for each money field, the
# old total, the new total and the delta over the records ok on both sides,
# as "field old new delta" lines; and the per-record amount deltas by key.
cat > "$TMP/sums.py" <<'PY'
import json, sys
from decimal import Decimal
old_file, new_file, key_name, fields = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4].split(",")
old = [json.loads(l) for l in open(old_file) if l.strip()]
new = [json.loads(l) for l in open(new_file) if l.strip()]
assert len(old) == len(new), (len(old), len(new))
tot = {f: [Decimal("0.00"), Decimal("0.00")] for f in fields}
per = {}
for a, b in zip(old, new):
    if not (a.get("ok") and b.get("ok")):
        continue
    for f in fields:
        tot[f][0] += Decimal(a[f])
        tot[f][1] += Decimal(b[f])
    d = Decimal(b["amount"]) - Decimal(a["amount"])
    if d:
        per[str(a.get(key_name))] = str(d)
for f in fields:
    print(f, tot[f][0], tot[f][1], tot[f][1] - tot[f][0])
print("per", json.dumps(per, sort_keys=True))
PY
# diff's own per-record amount deltas: {key: delta} from its change lines.
cat > "$TMP/changes.py" <<'PY'
import json, sys
key = sys.argv[2]
out = {}
for l in open(sys.argv[1]):
    c = json.loads(l)
    if c["type"] != "change":
        continue
    k = c["id"] if key == "id" else c["columns"][key]
    for f in c["fields"]:
        if f["field"] == "amount" and "delta" in f:
            out[str(k)] = f["delta"]
print("per", json.dumps(out, sort_keys=True))
PY
# "field old new delta" from diff's summary for one operation.
diff_sums() {  # diff_sums FILE OP FIELDS
  "$PY" -c 'import json,sys
s=[json.loads(l) for l in open(sys.argv[1]) if l.strip()][-1]
op=[o for o in s["operations"] if o["op"]==sys.argv[2]][0]
m={x["field"]:x for x in op["money"]}
for f in sys.argv[3].split(","): print(f, m[f]["old"], m[f]["new"], m[f]["delta"])' "$1" "$2" "$3"
}

# --- help ----------------------------------------------------------------------
"$BIN" diff --help > "$TMP/help" 2>&1
check "diff --help exits 0" status_is $? 0
check "diff --help shows usage" contains "$TMP/help" "usage: sipolicy diff"

# --- the docs' example: Guizhou 2022, large enterprises 30% -> 50% (pack) --------
"$BIN" diff --as-of 2022-05-20 --new-pack "$PACK" "$REQ" > "$TMP/ex.txt"
check "example: changes found, exit 1" status_is $? 1
# Hand-computed from the rates (HALF_UP to the fen): 186420.00 x 0.3 = 55926.00,
# x 0.5 = 93210.00; 97315.55 x 0.3 = 29194.665 -> 29194.67, x 0.5 = 48657.775
# -> 48657.78; 40000.00 -> 12000.00 / 20000.00; GZ-L05 already refunded
# 30000.00: 100000.00 x 0.5 = 50000.00, 20000.00 more (补齐差额).
check "example: GZ-L01 30% -> 50%" contains "$TMP/ex.txt" "amount        55926.00 -> 93210.00  (+37284.00)"
check "example: GZ-L02 rounds half-up" contains "$TMP/ex.txt" "amount        29194.67 -> 48657.78  (+19463.11)"
check "example: social organisation GZ-L03" contains "$TMP/ex.txt" "amount        12000.00 -> 20000.00  (+8000.00)"
check "example: GZ-L05 tops up" contains "$TMP/ex.txt" "amount        0.00 -> 20000.00  (+20000.00)"
check "example: ratio delta exact" contains "$TMP/ex.txt" "ratio         0.3 -> 0.5  (+0.2)"
check "example: rule lost" contains "$TMP/ex.txt" "- cn-2022-refund-large-30              人社部发〔2022〕23号"
check "example: rule gained" contains "$TMP/ex.txt" "+ guizhou-2022-refund-large-50-whatif"
check "example: ineligible large unit changes its rules only" contains "$TMP/ex.txt" '@@ line 4, id "GZ-L04"'
for id in GZ-S01 GZ-S02 GZ-S03 GZ-S04 GZ-P01; do
  check "example: $id unchanged" lacks "$TMP/ex.txt" "\"$id\""
done
# 37284.00 + 19463.11 + 8000.00 + 20000.00 = 84747.11 (8.47万元).
check "example: total delta" contains "$TMP/ex.txt" "amount       167680.67 -> 252427.78  (+84747.11, +8.47万元)"
check "example: 10 compared, 5 changed" contains "$TMP/ex.txt" "10 records compared, 5 changed, 5 unchanged"
"$BIN" diff --as-of 2022-05-20 --new-pack "$PACK" --json "$REQ" > "$TMP/ex.jsonl"
check "example --json: exit 1" status_is $? 1
"$BIN" eval --as-of 2022-05-20 < "$REQ" > "$TMP/old.jsonl"
"$BIN" eval --as-of 2022-05-20 --pack "$PACK" < "$REQ" > "$TMP/new.jsonl"
"$PY" "$TMP/sums.py" "$TMP/old.jsonl" "$TMP/new.jsonl" id amount,entitlement > "$TMP/indep"
diff_sums "$TMP/ex.jsonl" stable_job_refund amount,entitlement > "$TMP/reported"
"$PY" "$TMP/changes.py" "$TMP/ex.jsonl" id >> "$TMP/reported"
check "example: totals and per-record deltas = independent sums of eval" cmp -s "$TMP/indep" "$TMP/reported"
check "example: independent delta is the hand-computed 84747.11" contains "$TMP/indep" "amount 167680.67 252427.78 84747.11"
check "example: catalog hashes of both sides, different" test \
  "$(summary "$TMP/ex.jsonl" 'len(s["old"]["catalog"])==16 and len(s["new"]["catalog"])==16 and s["old"]["catalog"]!=s["new"]["catalog"]')" = True
check "example: catalog/sipolicy stamps are not compared" test \
  "$(summary "$TMP/ex.jsonl" 's["changed"]')" = 5
check "example --json: rules tallied" test \
  "$(summary "$TMP/ex.jsonl" '[(r["id"],r["records"]) for r in s["rules_gained"]]')" = "[('guizhou-2022-refund-large-50-whatif', 5)]"

# --- as-of diff: the built-in catalog's own 30% -> 50% (国发〔2022〕12号) --------
"$BIN" diff --old-as-of 2022-05-01 --new-as-of 2022-06-01 --json "$REQ" > "$TMP/asof.jsonl"
check "as-of: exit 1" status_is $? 1
"$BIN" eval --as-of 2022-05-01 < "$REQ" > "$TMP/old2.jsonl"
"$BIN" eval --as-of 2022-06-01 < "$REQ" > "$TMP/new2.jsonl"
"$PY" "$TMP/sums.py" "$TMP/old2.jsonl" "$TMP/new2.jsonl" id amount,entitlement > "$TMP/indep2"
diff_sums "$TMP/asof.jsonl" stable_job_refund amount,entitlement > "$TMP/reported2"
"$PY" "$TMP/changes.py" "$TMP/asof.jsonl" id >> "$TMP/reported2"
check "as-of: totals = independent sums of eval" cmp -s "$TMP/indep2" "$TMP/reported2"
check "as-of: same 84747.11 from the national raise" contains "$TMP/indep2" "amount 167680.67 252427.78 84747.11"
check "as-of: the national 50% rule gained" test \
  "$(summary "$TMP/asof.jsonl" '[r["citation"] for r in s["rules_gained"]]')" = "['国发〔2022〕12号']"
# --old-as-of replaces a request's own as_of.
sed 's/"op":/"as_of":"2022-06-01","op":/' "$REQ" > "$TMP/own_asof.jsonl"
"$BIN" diff --old-as-of 2022-05-01 --new-as-of 2022-06-01 --json "$TMP/own_asof.jsonl" > "$TMP/own.jsonl"
check "as-of: the side's date replaces the request's" test "$(summary "$TMP/own.jsonl" 's["changed"]')" = 5

# --- CSV input, read as batch --op reads it -------------------------------------
"$BIN" diff --as-of 2022-05-20 --new-pack "$PACK" --op stable_job_refund --set year=2022 --json "$CSV" > "$TMP/csv.jsonl"
check "csv: exit 1" status_is $? 1
"$BIN" batch --op stable_job_refund --set year=2022 --as-of 2022-05-20 --format jsonl "$CSV" > "$TMP/bold.jsonl" 2> /dev/null
"$BIN" batch --op stable_job_refund --set year=2022 --as-of 2022-05-20 --format jsonl --pack "$PACK" "$CSV" > "$TMP/bnew.jsonl" 2> /dev/null
"$PY" "$TMP/sums.py" "$TMP/bold.jsonl" "$TMP/bnew.jsonl" unit_id amount,entitlement > "$TMP/indep3"
diff_sums "$TMP/csv.jsonl" stable_job_refund amount,entitlement > "$TMP/reported3"
"$PY" "$TMP/changes.py" "$TMP/csv.jsonl" unit_id >> "$TMP/reported3"
check "csv: totals = independent sums of batch" cmp -s "$TMP/indep3" "$TMP/reported3"
check "csv: same total as the JSON Lines" contains "$TMP/indep3" "amount 167680.67 252427.78 84747.11"
check "csv: the bad row fails on both sides, not a change" test \
  "$(summary "$TMP/csv.jsonl" '(s["records"],s["changed"],s["failed_both"],s["failed_both_lines"])')" = "(11, 5, 1, [12])"
check "csv: pass-through columns name the record" contains "$TMP/csv.jsonl" '"columns":{"unit_id":"GZ-L01","单位名称":"贵阳某制造集团"}'
"$BIN" diff --as-of 2022-05-20 --new-pack "$PACK" --op stable_job_refund --set year=2022 --summary-only --region-level province "$CSV" > "$TMP/csv.txt"
check "csv: --region-level province rolls up" contains "$TMP/csv.txt" "stable_job_refund, region 520000: 11 records, 5 changed"

# --- a record failing on one side -----------------------------------------------
# As of 2022-04-01 no 2022 conditions are known (人社部发〔2022〕23号 ≈2022-04-29).
{ head -2 "$REQ"; echo; echo 'not json'; } > "$TMP/fail.jsonl"
"$BIN" diff --old-as-of 2022-04-01 --new-as-of 2022-06-01 --json "$TMP/fail.jsonl" > "$TMP/fail.out"
check "one-sided failure: exit 1" status_is $? 1
check "one-sided failure: counted" test \
  "$(summary "$TMP/fail.out" '(s["records"],s["changed"],s["failed_old_only"],s["failed_both"])')" = "(3, 2, 2, 1)"
check "one-sided failure: the old error" contains "$TMP/fail.out" '"old":{"ok":false,"error":{"code":"not_found","field":"year"'
# 93210.00 + 48657.78 = 141867.78 on the side that succeeds, outside the delta.
check "one-sided failure: money apart" test \
  "$(summary "$TMP/fail.out" '[(m["field"],m["new_where_old_fails"],m["delta"]) for m in s["operations"][-1]["money"]][0]')" \
  = "('amount', '141867.78', '0.00')"

# --- eligibility flips: a what-if of 10 months paid instead of 12 ---------------
cat > "$TMP/months10.jsonc" <<'PACK'
{"format": "sipolicy-pack/1", "name": "gz-months-10", "version": "1",
 "documents": [{"id": "gz-m10", "number": "（测算）缴费月数10个月", "issuer": "（测算假设）",
                "title": "测算", "issued": "2022-05-10", "verified": false}],
 "stable_job_refund_conditions": [
   {"id": "gz-2022-refund-conditions-10", "document": "gz-m10", "region": "520000", "years": [2022, 2022],
    "months_required": 10, "target_year_offset": -1, "small_unit_max_insured": 30,
    "small_unit_max_layoff_ratio": "0.2", "exclusions": ["arrears", "dishonest", "liquidation", "zombie"]}]}
PACK
"$BIN" diff --as-of 2022-05-20 --new-pack "$TMP/months10.jsonc" --values-only "$REQ" > "$TMP/elig.txt"
check "eligibility: exit 1" status_is $? 1
# GZ-S03 paid 10 months: 3600.00 x 0.9 = 3240.00 once 10 months suffice.
check "eligibility: GZ-S03 gains it" contains "$TMP/elig.txt" "eligible     false -> true  (gains eligibility)"
check "eligibility: reason lost" contains "$TMP/elig.txt" "reasons      -months_paid_below_required"
check "eligibility: 3240.00" contains "$TMP/elig.txt" "amount       0.00 -> 3240.00  (+3240.00)"
check "eligibility: summary counts it" contains "$TMP/elig.txt" "eligibility: 1 units gain it, 0 lose it"
check "--values-only: rules-only records are not changes" contains "$TMP/elig.txt" "10 records compared, 1 changed"

# --- pack A vs pack B: 50% vs 40% -------------------------------------------------
sed 's/"rate": "0.5"/"rate": "0.4"/; s/"version": "1"/"version": "2"/' "$PACK" > "$TMP/large40.jsonc"
"$BIN" diff --as-of 2022-05-20 --old-pack "$PACK" --new-pack "$TMP/large40.jsonc" --json "$REQ" > "$TMP/ab.jsonl"
check "A vs B: exit 1" status_is $? 1
"$BIN" eval --as-of 2022-05-20 --pack "$TMP/large40.jsonc" < "$REQ" > "$TMP/new40.jsonl"
"$PY" "$TMP/sums.py" "$TMP/new.jsonl" "$TMP/new40.jsonl" id amount,entitlement > "$TMP/indep4"
diff_sums "$TMP/ab.jsonl" stable_job_refund amount,entitlement > "$TMP/reported4"
"$PY" "$TMP/changes.py" "$TMP/ab.jsonl" id >> "$TMP/reported4"
check "A vs B: totals = independent sums" cmp -s "$TMP/indep4" "$TMP/reported4"
# 186420.00 x 0.4 = 74568.00: 18642.00 less than at 50%.
check "A vs B: a negative delta" contains "$TMP/ab.jsonl" '"old":"93210.00","new":"74568.00","delta":"-18642.00"'

# --- no change: exit 0 -------------------------------------------------------------
grep '"GZ-S' "$REQ" > "$TMP/sme.jsonl"
"$BIN" diff --as-of 2022-05-20 --new-pack "$PACK" "$TMP/sme.jsonl" > "$TMP/sme.txt"
check "SMEs only: no change, exit 0" status_is $? 0
check "SMEs only: 0 changed" contains "$TMP/sme.txt" "4 records compared, 0 changed, 4 unchanged"
echo '{"op":"late_fee","amount":"1000.00","due_date":"2020-03-15","paid_date":"2020-04-01"}' \
  | "$BIN" diff --new-pack "$PACK" --summary-only - > /dev/null
check "stdin, an untouched operation: exit 0" status_is $? 0

# --- usage and setup errors: exit 2 --------------------------------------------------
usage() {  # usage "name" args...
  local name="$1"; shift
  "$BIN" diff "$@" < /dev/null > /dev/null 2> "$TMP/usage.err"
  check "usage: $name exits 2" status_is $? 2
}
usage "the two sides the same" "$REQ"
usage "the same packs on both sides" --pack "$PACK" "$REQ"
usage "two inputs" --new-pack "$PACK" "$REQ" "$REQ"
usage "unknown option" --new-pack "$PACK" --bogus "$REQ"
usage "bad --old-as-of" --old-as-of 2022-13-01 --new-as-of 2022-06-01 "$REQ"
usage "missing pack" --new-pack "$TMP/none.jsonc" "$REQ"
usage "missing input" --new-pack "$PACK" "$TMP/none.jsonl"
usage "unknown --op" --new-pack "$PACK" --op frob "$CSV"
usage "--op without a flat form" --new-pack "$PACK" --op overpayment "$CSV"
usage "--op with --format jsonl" --new-pack "$PACK" --op stable_job_refund --format jsonl "$REQ"
usage "--set on JSON Lines" --new-pack "$PACK" --set year=2022 "$REQ"
usage "CSV lacking a required column" --new-pack "$PACK" --op stable_job_refund "$CSV"
check "usage: the missing column is named" contains "$TMP/usage.err" "the header lacks the required column 'year'"
usage "bad --region-level" --new-pack "$PACK" --region-level city "$REQ"

echo "diff_test: $passed passed, $failed failed"
test "$failed" -eq 0
