#!/usr/bin/env bash
# Runs every libFuzzer target of a clang build for a bounded time, each on a
# scratch copy of its committed corpus (fuzz/corpus/<target>/) with its
# dictionary (fuzz/<target>.dict). Fails if any target crashes, leaks, times
# out or breaks a property; prints "fuzz: N passed, N failed".
#   bash fuzz/run_fuzzers.sh [BUILD_DIR]        (default build/clang)
#   SIPOLICY_FUZZ_SECONDS=300 bash fuzz/run_fuzzers.sh   (default 45 per target)
# Crashing inputs are kept in BUILD_DIR/fuzz-work/<target>/artifacts/.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-build/clang}"
secs="${SIPOLICY_FUZZ_SECONDS:-45}"
par="$(nproc 2>/dev/null || echo 2)"
targets=(fuzz_json_eval fuzz_pack fuzz_decimal fuzz_csv)
work="$build/fuzz-work"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

run_one() {  # run_one <target>: its exit status is the fuzzer's
  local t="$1" dir="$work/$1"
  rm -rf "$dir"
  mkdir -p "$dir/corpus" "$dir/artifacts"
  cp "$here/corpus/$t/"* "$dir/corpus/"
  "$build/fuzz/$t" -max_total_time="$secs" -dict="$here/$t.dict" \
    -artifact_prefix="$dir/artifacts/" -print_final_stats=1 "$dir/corpus" > "$dir/log" 2>&1
}

passed=0
failed=0
declare -A pids=() rcs=()
batch=()
flush() {  # waits for the running batch, keeping each exit status
  local t
  for t in "${batch[@]}"; do
    wait "${pids[$t]}"
    rcs[$t]=$?
  done
  batch=()
}
for t in "${targets[@]}"; do
  if [ ! -x "$build/fuzz/$t" ]; then
    echo "fuzz: $t: $build/fuzz/$t is not built" >&2
    rcs[$t]=127
    continue
  fi
  run_one "$t" &
  pids[$t]=$!
  batch+=("$t")
  [ "${#batch[@]}" -ge "$par" ] && flush
done
flush
for t in "${targets[@]}"; do
  if [ "${rcs[$t]}" -eq 0 ]; then
    passed=$((passed + 1))
    runs="$(grep -o 'stat::number_of_executed_units: [0-9]*' "$work/$t/log" | grep -o '[0-9]*$')"
    echo "fuzz: $t passed (${secs}s, ${runs:-?} runs, corpus now $(ls "$work/$t/corpus" | wc -l) inputs)"
  else
    failed=$((failed + 1))
    echo "fuzz: $t FAILED (exit ${rcs[$t]}); log $work/$t/log, inputs in $work/$t/artifacts/:" >&2
    ls "$work/$t/artifacts/" >&2 2>/dev/null
    grep -E 'property failed|ERROR: |SUMMARY: |  a: |  b: ' "$work/$t/log" 2>/dev/null | head -20 >&2
  fi
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
