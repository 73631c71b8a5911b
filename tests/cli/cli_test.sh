#!/usr/bin/env bash
# The command-line tool end to end: every command, --help, exit codes,
# one output line per input line, CSV with BOM and bad rows.
# usage: cli_test.sh path/to/sipolicy
set -u
BIN="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"  # absolute: some checks cd
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
passed=0 failed=0
check() {  # check "name" condition...
  local name="$1"; shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $name" >&2; fi
}
contains() { grep -qF -- "$2" "$1"; }

for cmd in eval batch explain rules; do
  "$BIN" "$cmd" --help > "$TMP/help" 2>&1
  check "$cmd --help exits 0" test $? -eq 0
  check "$cmd --help shows usage" contains "$TMP/help" "usage: sipolicy $cmd"
done
"$BIN" --version > "$TMP/v"; check "--version" contains "$TMP/v" "sipolicy 0.2.0"
"$BIN" > /dev/null 2>&1; check "no command exits 2" test $? -eq 2
"$BIN" frob > /dev/null 2>&1; check "unknown command exits 2" test $? -eq 2
"$BIN" eval --bogus < /dev/null > /dev/null 2>&1; check "unknown option exits 2" test $? -eq 2
"$BIN" eval --pack /nonexistent < /dev/null > /dev/null 2>&1; check "missing pack exits 2" test $? -eq 2
"$BIN" eval --pack "$TMP" < /dev/null > /dev/null 2> "$TMP/dir.err"; check "a directory as pack exits 2" test $? -eq 2
check "a directory as pack is named so" contains "$TMP/dir.err" "is a directory, not a pack file"
"$BIN" eval --as-of 2020-13-01 < /dev/null > /dev/null 2>&1; check "bad --as-of exits 2" test $? -eq 2

# eval: 4 input lines (one blank, one not JSON) -> 4 output lines, exit 1.
cat > "$TMP/req.jsonl" <<'JSONL'
{"id":1,"op":"contribution","region":"360800","unit":{"size":"small"},"insurance":"pension","period":"2020-07","base":"10000.00"}

not json
{"id":4,"op":"late_fee","amount":"1000.00","due_date":"2020-03-15","paid_date":"2020-04-01"}
JSONL
"$BIN" eval < "$TMP/req.jsonl" > "$TMP/out.jsonl"
check "eval exits 1 when a line fails" test $? -eq 1
check "eval: one output line per input line" test "$(wc -l < "$TMP/out.jsonl")" -eq 4
check "eval: SME July 2020 exempt (49号)" contains "$TMP/out.jsonl" '"id":1,"ok":true,"due":"1600.00","relief_ratio":"1"'
check "eval: late fee 8.50" contains "$TMP/out.jsonl" '"id":4,"ok":true,"days":17,"daily_rate":"0.0005","fee":"8.50"'
check "eval: parse error reported" contains "$TMP/out.jsonl" '"code":"parse_error"'
# --as-of applies to requests without their own as_of: July 2020 known on 2020-06-01 is not exempt.
head -1 "$TMP/req.jsonl" | "$BIN" eval --as-of 2020-06-01 > "$TMP/asof.jsonl"
check "eval --as-of exits 0" test $? -eq 0
check "eval --as-of: payable in full" contains "$TMP/asof.jsonl" '"relief_ratio":"0","relief":"0.00","payable":"1600.00"'
head -1 "$TMP/req.jsonl" | "$BIN" eval --explain > "$TMP/explain.jsonl"
check "eval --explain adds the trace" contains "$TMP/explain.jsonl" '"trace":[{"en":'

# A pack on the command line takes effect.
cat > "$TMP/gd.jsonc" <<'PACK'
// Guangdong, an imaginary 2021 window
{"format": "sipolicy-pack/1", "name": "gd", "version": "1",
 "documents": [{"id": "gd-1", "number": "粤人社发〔2021〕1号", "issuer": "广东省", "title": "t", "issued": "2021-01-01"}],
 "exemptions": [{"id": "gd-sme", "document": "gd-1", "region": "440000", "units": ["sme"], "periods": ["2021-01", "2021-03"], "ratio": "1"}]}
PACK
echo '{"op":"contribution","region":"440300","unit":{"size":"micro"},"insurance":"pension","period":"2021-02","base":"1000"}' \
  | "$BIN" eval --pack "$TMP/gd.jsonc" > "$TMP/gd.out"
check "pack: exempt in Guangdong" contains "$TMP/gd.out" '"payable":"0.00"'
echo '{"format": "sipolicy-pack/1", "name": "x", "version": "1", "oops": 1}' > "$TMP/bad.jsonc"
"$BIN" eval --pack "$TMP/bad.jsonc" < /dev/null 2> "$TMP/bad.err"
check "malformed pack exits 2" test $? -eq 2
check "malformed pack message names file, place, problem" contains "$TMP/bad.err" "bad.jsonc:1:" 
check "malformed pack message names the field" contains "$TMP/bad.err" "oops: unknown field"

# batch: BOM, quoted field with a comma, a bad region, a bad decimal, blank line.
printf '\xef\xbb\xbfid,region,unit_size,unit_type,insurance,period,base,rate\n' > "$TMP/in.csv"
printf 'u1,360800,large,enterprise,pension,2020-03,10000.05,\n' >> "$TMP/in.csv"
printf 'u2,360800,small,,pension,2020-03,10000.05,\n' >> "$TMP/in.csv"
printf 'u3,990000,small,,pension,2020-03,1,\n\n' >> "$TMP/in.csv"
printf '"u,4",360800,small,,unemployment,2020-03,"1,000.00",0.005\n' >> "$TMP/in.csv"
printf 'u5,360800,small,,unemployment,2020-03,1000.00,0.005\n' >> "$TMP/in.csv"
"$BIN" batch "$TMP/in.csv" -o "$TMP/out.csv" --summary 2> "$TMP/batch.err"
check "batch exits 1 with bad rows" test $? -eq 1
check "batch: header + 5 rows" test "$(wc -l < "$TMP/out.csv")" -eq 6
check "batch: halved large unit" contains "$TMP/out.csv" 'u1,true,1600.01,0.5,800.01,800.00,0.16'
check "batch: exempt SME" contains "$TMP/out.csv" 'u2,true,1600.01,1,1600.01,0.00,0.16'
check "batch: bad region reported" contains "$TMP/out.csv" "u3,false,,,,,,,invalid_argument,region,unknown region code '990000'"
check "batch: quoted id and bad decimal" contains "$TMP/out.csv" '"u,4",false,,,,,,,invalid_argument,base,'
check "batch: summary" contains "$TMP/batch.err" "5 rows, 3 ok, 2 failed"
check "batch: total relief" contains "$TMP/batch.err" "2405.02"
printf 'id,region,colour\n' > "$TMP/badhdr.csv"
# (An unknown column is passed through; the required ones missing is the error.)
"$BIN" batch "$TMP/badhdr.csv" > /dev/null 2>&1; check "batch: missing required columns exit 2" test $? -eq 2

# explain and rules.
"$BIN" explain '{"op":"contribution","region":"360800","unit":{"size":"large"},"insurance":"pension","period":"2020-05","base":"10000.05"}' > "$TMP/ex.txt"
check "explain exits 0" test $? -eq 0
check "explain cites 赣人社发〔2020〕27号" contains "$TMP/ex.txt" "赣人社发〔2020〕27号"
check "explain shows the halving step" contains "$TMP/ex.txt" "减半征收"
"$BIN" explain '{"op":"contribution"}' > "$TMP/ex2.txt"; check "explain of a bad request exits 1" test $? -eq 1
# 250,000 values: past the request budget of 200,000 (docs/limits.md).
{ printf '{"op":"late_fee","id":['; printf '0,%.0s' $(seq 1 249999); printf '0]}'; } | "$BIN" explain > "$TMP/ex_big.txt"
check "explain of a request past the value budget exits 1" test $? -eq 1
check "explain names it out_of_range" contains "$TMP/ex_big.txt" "error (out_of_range): "
"$BIN" rules --region 420100 --as-of 2020-03-01 > "$TMP/rules.txt"
check "rules exits 0" test $? -eq 0
check "rules: Hubei window listed" contains "$TMP/rules.txt" "hubei-2020-11-all-exempt"
check "rules: 49号 not yet known" test "$(grep -c 'cn-2020-49' "$TMP/rules.txt")" -eq 0
"$BIN" rules --region 99 > /dev/null 2>&1; check "rules: bad region exits 2" test $? -eq 2
"$BIN" explain '{"op":"late_fee","amount":"1000","due_date":"2020-03-15","paid_date":"2020-04-01","explain":false}' > "$TMP/ex3.txt"
check "explain with explain:false still explains" contains "$TMP/ex3.txt" "17 days at 0.0005"
echo '{"id":{"ok":false},"op":"late_fee","amount":"1","due_date":"2020-03-15","paid_date":"2020-03-16"}' | "$BIN" eval > /dev/null
check "eval: exit status from the result, not the echoed id" test $? -eq 0

# Regressions (issue: reliability). A non-ASCII character where a value is
# expected used to abort eval (SIGABRT) and lose every later line.
printf '{"op":中}\n\xef\xbb\xbf{"op":"late_fee"}\n{"op":\xe2\x80\x9clate_fee\xe2\x80\x9d}\n{"id":9,"op":"late_fee","amount":"1000.00","due_date":"2020-03-15","paid_date":"2020-04-01"}\n' \
  | "$BIN" eval > "$TMP/utf8.jsonl" 2> "$TMP/utf8.err"
check "eval: non-ASCII garbage is a failed line, not a crash" test $? -eq 1
check "eval: every line answered after it" test "$(wc -l < "$TMP/utf8.jsonl")" -eq 4
check "eval: the error quotes the whole character" contains "$TMP/utf8.jsonl" "unexpected character '中' (U+4E2D)"
check "eval: smart quotes named" contains "$TMP/utf8.jsonl" "(U+201C)"
check "eval: the line after is answered" contains "$TMP/utf8.jsonl" '"id":9,"ok":true'
check "eval: results are valid UTF-8" iconv -f UTF-8 -t UTF-8 "$TMP/utf8.jsonl" -o /dev/null
"$BIN" explain '{"op":中}' > "$TMP/ex4.txt" 2>&1
check "explain: non-ASCII garbage exits 1, no crash" test $? -eq 1
# A line over --max-line-bytes is answered and skipped, the next one still read.
{ printf '{"op":"late_fee","pad":"'; head -c 5000 /dev/zero | tr '\0' 'x'; printf '"}\n'
  printf '{"id":2,"op":"late_fee","amount":"1000.00","due_date":"2020-03-15","paid_date":"2020-04-01"}\n'; } \
  | "$BIN" eval --max-line-bytes 1000 > "$TMP/long.jsonl"
check "eval: a too-long line fails the run" test $? -eq 1
check "eval: too-long line reported" contains "$TMP/long.jsonl" "above the limit of 1000 (--max-line-bytes)"
check "eval: the line after a too-long one is answered" contains "$TMP/long.jsonl" '"id":2,"ok":true'
# A stray opening quote used to swallow the rest of the file into one row;
# rows holding only "" or " used to vanish.
printf 'id,region,unit_size,insurance,period,base\n' > "$TMP/quote.csv"
printf 'q1,360800,small,pension,2020-03,100.00\n' >> "$TMP/quote.csv"
printf 'q2,"360800,small,pension,2020-03,100.00\n' >> "$TMP/quote.csv"
for i in 3 4 5 6 7 8; do printf 'q%s,360800,small,pension,2020-03,100.00\n' "$i" >> "$TMP/quote.csv"; done
printf '""\n"\nq9,360800,large,pension,2020-03,100.00\n' >> "$TMP/quote.csv"
"$BIN" batch "$TMP/quote.csv" > "$TMP/quote.out" 2> "$TMP/quote.err"
check "batch: bad rows fail the run" test $? -eq 1
check "batch: one output row per input line (11 + header)" test "$(wc -l < "$TMP/quote.out")" -eq 12
check "batch: the stray quote's row is reported" contains "$TMP/quote.out" "unterminated quoted field"
check "batch: rows after the stray quote answered" contains "$TMP/quote.out" "q8,true,16.00,1,16.00,0.00,0.16"
check "batch: the row after the lone quote answered" contains "$TMP/quote.out" "q9,true,16.00,0.5,8.00,8.00,0.16"
check "batch: a row of \"\" is counted" contains "$TMP/quote.out" "10,,false,,,,,,,invalid_argument,region,"
check "batch: summary counts them" contains "$TMP/quote.err" "11 rows, 8 ok, 3 failed"
# Every row starts with its input line number (an unreadable row's id is empty).
check "batch: line number for an unreadable row" contains "$TMP/quote.out" "3,,false,,,,,,,invalid_argument,,unterminated quoted field"
check "batch: line number of the lone quote" contains "$TMP/quote.out" "11,,false,,,,,,,invalid_argument,,unterminated quoted field"

# rules lists every rule's values, employment rules included (2020 report: 6%).
"$BIN" rules --region 520000 > "$TMP/rules.out"
check "rules: a layoff target's values" contains "$TMP/rules.out" '{"rate":"0.06","year":2020}'
check "rules: a size threshold's values" contains "$TMP/rules.out" 'nbs-2017-industry'

# --- The paper trail (docs/receipts.md) ------------------------------------------
for cmd in replay keygen sign; do
  "$BIN" "$cmd" --help > "$TMP/help" 2>&1
  check "$cmd --help exits 0" test $? -eq 0
  check "$cmd --help shows usage" contains "$TMP/help" "usage: sipolicy $cmd"
done
PACK14="$(dirname "$0")/../cases/packs/pension-14.jsonc"
cp "$PACK14" "$TMP/p14.jsonc"
cat > "$TMP/gd.jsonl" <<'JSONL'
{"id":"gd","op":"contribution","region":"440000","unit":{"size":"large"},"insurance":"pension","period":"2021-03","base":"10000.00"}
{"id":"fee","op":"late_fee","amount":"1000.00","due_date":"2020-03-15","paid_date":"2020-04-01"}
not json
JSONL
"$BIN" eval --pack "$TMP/p14.jsonc" --receipts "$TMP/receipts.jsonl" < "$TMP/gd.jsonl" > "$TMP/gd.out"
check "eval --receipts: exit 1 (one line is not JSON)" test $? -eq 1
check "eval --receipts: one receipt per result" test "$(wc -l < "$TMP/receipts.jsonl")" -eq 3
check "eval: the pack's 14% rate (10,000.00 x 14%)" contains "$TMP/gd.out" '"payable":"1400.00"'
check "eval: every result carries the version" test "$(grep -c '"sipolicy":"0.2.0"}$' "$TMP/gd.out")" -eq 3
check "receipt names the pack" contains "$TMP/receipts.jsonl" '"gd-rate@1"'
"$BIN" replay "$TMP/receipts.jsonl" --pack "$TMP/p14.jsonc" > "$TMP/replay.out"
check "replay: all same, exit 0" test $? -eq 0
check "replay: the summary" contains "$TMP/replay.out" "3 receipts: 3 same, 0 changed, 0 catalog cannot be rebuilt"
# Comments do not change the catalog: the receipts still replay.
{ echo "// reviewed"; cat "$PACK14"; } > "$TMP/p14.jsonc"
"$BIN" replay "$TMP/receipts.jsonl" --pack "$TMP/p14.jsonc" > "$TMP/replay.out"
check "replay: a comment changes nothing" test $? -eq 0
# A changed pack: the catalog cannot be rebuilt, and replay says which.
sed 's/"0.14"/"0.15"/' "$PACK14" > "$TMP/p15.jsonc"
"$BIN" replay "$TMP/receipts.jsonl" --pack "$TMP/p15.jsonc" > "$TMP/replay.out"
check "replay: a changed pack exits 1" test $? -eq 1
check "replay: a changed pack is named" contains "$TMP/replay.out" "the catalog cannot be rebuilt"
check "replay: counted" contains "$TMP/replay.out" "3 receipts: 0 same, 0 changed, 3 catalog cannot be rebuilt"
"$BIN" replay "$TMP/receipts.jsonl" > "$TMP/replay.out"
check "replay: a missing pack exits 1" test $? -eq 1
# An edited stored result is found field by field.
sed 's/"payable":"1400.00"/"payable":"1400.01"/' "$TMP/receipts.jsonl" > "$TMP/edited.jsonl"
"$BIN" replay "$TMP/edited.jsonl" --pack "$TMP/p14.jsonc" > "$TMP/replay.out"
check "replay: an edited result exits 1" test $? -eq 1
check "replay: the field and both values" contains "$TMP/replay.out" 'payable: receipt "1400.01", replay "1400.00"'
"$BIN" replay --json "$TMP/edited.jsonl" --pack "$TMP/p14.jsonc" > "$TMP/replay.json"
check "replay --json: a report and a summary" test "$(wc -l < "$TMP/replay.json")" -eq 2
check "replay --json: kind changed" contains "$TMP/replay.json" '"kind":"changed"'
"$BIN" replay > /dev/null 2>&1; check "replay without receipts exits 2" test $? -eq 2
# Signatures: keygen, sign, trusted-keys mode.
( cd "$TMP" && "$BIN" keygen office > /dev/null && "$BIN" keygen other > /dev/null )
check "keygen: private key mode 0600" test "$(stat -c %a "$TMP/office.key")" = 600
check "keygen: public key is 64 hex" grep -qE '^[0-9a-f]{64}$' "$TMP/office.pub"
( cd "$TMP" && "$BIN" keygen office > /dev/null 2>&1 ); check "keygen never overwrites" test $? -eq 2
"$BIN" eval --trusted-key "$TMP/office.pub" --pack "$TMP/p14.jsonc" < "$TMP/gd.jsonl" > /dev/null 2> "$TMP/trust.err"
check "trusted mode: an unsigned pack exits 2" test $? -eq 2
check "trusted mode: an unsigned pack is named" contains "$TMP/trust.err" "is not signed"
"$BIN" sign --key "$TMP/office.key" "$TMP/p14.jsonc" > /dev/null
check "sign writes PACK.sig" test -s "$TMP/p14.jsonc.sig"
"$BIN" eval --trusted-key "$TMP/office.pub" --pack "$TMP/p14.jsonc" < "$TMP/gd.jsonl" > "$TMP/signed.out"
check "trusted mode: a signed pack loads" contains "$TMP/signed.out" '"payable":"1400.00"'
"$BIN" eval --trusted-key "$TMP/other.pub" --pack "$TMP/p14.jsonc" < "$TMP/gd.jsonl" > /dev/null 2> "$TMP/trust.err"
check "trusted mode: another key's pack exits 2" test $? -eq 2
check "trusted mode: the untrusted key is named" contains "$TMP/trust.err" "which this engine does not trust"
echo "// edited" >> "$TMP/p14.jsonc"
"$BIN" eval --pack "$TMP/p14.jsonc" < "$TMP/gd.jsonl" > /dev/null 2> "$TMP/trust.err"
check "an edited signed pack is refused even without trusted keys" test $? -eq 2
check "the edit is named" contains "$TMP/trust.err" "changed after it was signed"
"$BIN" eval --trusted-key nothex < /dev/null > /dev/null 2>&1; check "a bad --trusted-key exits 2" test $? -eq 2

echo "$passed passed, $failed failed"
test "$failed" -eq 0
