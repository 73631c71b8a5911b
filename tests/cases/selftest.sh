#!/usr/bin/env bash
# The self-test of `sipolicy test`: a deliberately wrong case is reported with its
# file:line, each field with expected and got, the rules and a failing exit status; bad
# case files stop the run with exit 2 and file:line; --filter, --pack, --as-of, --json,
# --help and --snapshot do what docs/testing.md says.
#   bash tests/cases/selftest.sh path/to/sipolicy tests/cases
set -u
SIPOLICY=$1
CASES=$2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# run EXPECTED_STATUS ARGS...: runs sipolicy test, keeps stdout in $TMP/out, stderr in $TMP/err.
run() {
  local want=$1
  shift
  "$SIPOLICY" test "$@" >"$TMP/out" 2>"$TMP/err"
  local got=$?
  if [ "$got" != "$want" ]; then
    fail "sipolicy test $* exited $got, expected $want"
    sed 's/^/    | /' "$TMP/out" "$TMP/err"
  fi
}
has() {  # has FILE TEXT: the file contains the text (fixed string)
  grep -qF -- "$2" "$1" || { fail "$(basename "$1") lacks: $2"; sed 's/^/    | /' "$1"; }
}
lacks() {
  ! grep -qF -- "$2" "$1" || fail "$(basename "$1") should not contain: $2"
}

W=$CASES/selftest/wrong.jsonc

# 1. The deliberately wrong case: exit 1, file:line, field, expected, got, rules, why, counts.
run 1 "$W"
has "$TMP/out" "FAIL $W:11: wrong: relief rounded down"
has "$TMP/out" '  relief: expected "800.00", got "800.01"'
has "$TMP/out" '  relief_ratio: expected 0.5, got "0.5"  (the result gives a string'
has "$TMP/out" '  no.such.field: expected true, got (absent)'
has "$TMP/out" '  cites: expected "人社部发〔2020〕49号" among the rules, not cited'
has "$TMP/out" 'jx-2020-11-large-halved 赣人社发〔2020〕11号 (unverified)'
has "$TMP/out" '  why: deliberately wrong: 10000.05 x 16%'
has "$TMP/out" "FAIL $W:17: wrong: an error not expected"
has "$TMP/out" '  ok: expected true, got false'
has "$TMP/out" '  error: invalid_argument on "amount":'
lacks "$TMP/out" 'right: halved'   # passing cases are not listed without -v
[ "$(tail -n 1 "$TMP/out")" = "1 passed, 2 failed" ] || fail "last line: $(tail -n 1 "$TMP/out")"

# -v lists the passing case too.
run 1 -v "$W"
has "$TMP/out" "ok   $W:4: right: halved March 2020 pension"

# --json: one line per case and a summary line.
run 1 --json "$W"
has "$TMP/out" '"line":11,"name":"wrong: relief rounded down","passed":false,"mismatches":[{"path":"relief","expected":"800.00","got":"800.01"},'
has "$TMP/out" '{"path":"no.such.field","expected":true}'
has "$TMP/out" '"error":{"code":"invalid_argument","field":"amount"'
[ "$(tail -n 1 "$TMP/out")" = '{"passed":1,"failed":2}' ] || fail "json summary: $(tail -n 1 "$TMP/out")"

# --filter by name: only the passing case.
run 0 --filter "right:" "$W"
[ "$(cat "$TMP/out")" = "1 passed, 0 failed" ] || fail "--filter output: $(cat "$TMP/out")"
run 2 --filter "no case has this" "$W"
has "$TMP/err" "no case name contains 'no case has this'"

# --pack applies to every case: with a 14% pension rate the halved relief is 700.00, not 800.00.
run 1 --filter "right:" --pack "$CASES/packs/pension-14.jsonc" "$W"
has "$TMP/out" '  relief: expected "800.00", got "700.00"'

# --as-of fills in requests without as_of, and leaves a case's own as_of alone.
run 0 --filter "Ji'an SME, July 2020: exempt under" "$CASES/contribution.jsonl"
run 1 --as-of 2020-06-01 --filter "Ji'an SME, July 2020: exempt under" "$CASES/contribution.jsonl"
has "$TMP/out" '  relief_ratio: expected "1", got "0"'
run 0 --as-of 2020-06-01 --filter "Ji'an SME, July 2020 as known on 2020-07-01" "$CASES/contribution.jsonl"
run 2 --as-of 2020-13-01 "$W"
has "$TMP/err" "--as-of: '2020-13-01' is not a date YYYY-MM-DD"

# 2. Bad case files: exit 2, file:line:column and what is wrong; no case runs.
S=$CASES/selftest
run 2 "$S/bad_json.jsonl"
has "$TMP/err" "$S/bad_json.jsonl:3:84: expected a string key in double quotes"
has "$TMP/err" "no case was run"
run 2 "$S/bad_member.jsonl"
has "$TMP/err" "$S/bad_member.jsonl:1:58: 'expected': unknown member"
run 2 "$S/missing_why.jsonl"
has "$TMP/err" "$S/missing_why.jsonl:2:1: case 'y': why: is required"
run 2 "$S/missing_pack.jsonc"
has "$TMP/err" "$S/missing_pack.jsonc:3:14: packs[0]: no pack file '$S/no-such-pack.jsonc'"
run 2 "$S/bad_path.jsonl"
has "$TMP/err" "$S/bad_path.jsonl:2:66: expect: '..fee' is not a dotted path"
# A good file with a bad one: nothing runs.
run 2 "$CASES/late_fee.jsonl" "$S/bad_member.jsonl"
[ ! -s "$TMP/out" ] || fail "cases ran although a case file was bad"
run 2 "$TMP/does-not-exist.jsonl"
has "$TMP/err" "does-not-exist.jsonl: cannot read the case file"
: >"$TMP/empty.jsonl"
run 2 "$TMP/empty.jsonl"
has "$TMP/err" "empty.jsonl: holds no cases"
run 2
has "$TMP/err" "test needs at least one case file"
run 2 --frobnicate "$W"
has "$TMP/err" "unknown option '--frobnicate'"

# 3. --help.
run 0 --help
has "$TMP/out" "usage: sipolicy test"
has "$TMP/out" "exit status: 0 all passed, 1 some case failed, 2 a bad case file"

# 4. --snapshot: says plainly that it is a regression snapshot, and replays clean.
run 0 --snapshot "$TMP/snap.jsonc" "$W" "$CASES/packs.jsonc"
has "$TMP/out" "a REGRESSION SNAPSHOT of this build's results, not verified values"
head -n 1 "$TMP/snap.jsonc" | grep -qF "// REGRESSION SNAPSHOT - NOT VERIFIED VALUES." || fail "snapshot header"
whys=$(grep -c '"why": ' "$TMP/snap.jsonc")
snaps=$(grep -c '"why": "REGRESSION SNAPSHOT, NOT A VERIFIED VALUE:' "$TMP/snap.jsonc")
[ "$whys" = 23 ] && [ "$snaps" = 23 ] || fail "snapshot whys: $snaps of $whys say REGRESSION SNAPSHOT (23 cases)"
run 0 "$TMP/snap.jsonc"   # packs resolved relative to the snapshot file
[ "$(tail -n 1 "$TMP/out")" = "23 passed, 0 failed" ] || fail "snapshot replay: $(tail -n 1 "$TMP/out")"
# Snapshot input may omit expect and why (a draft of requests).
printf '%s\n' '{"name": "draft", "request": {"op": "late_fee", "amount": "1000.00", "due_date": "2020-03-15", "paid_date": "2020-04-01"}}' >"$TMP/draft.jsonl"
run 2 "$TMP/draft.jsonl"
run 0 --snapshot "$TMP/draft-snap.jsonc" "$TMP/draft.jsonl"
has "$TMP/draft-snap.jsonc" '"expect": {"ok":true,"days":17,"daily_rate":"0.0005","fee":"8.50"'

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "selftest: all checks passed"
