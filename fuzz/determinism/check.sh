#!/usr/bin/env bash
# Determinism across compilers: the same request corpus through two builds of
# `sipolicy eval` (g++ and clang) must give byte-identical output and the same
# exit status — plainly, with --explain, and with --as-of.
#   bash fuzz/determinism/check.sh build/dev/sipolicy build/clang/sipolicy
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
a="$1"
b="$2"
requests="$here/requests.jsonl"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
status=0
n=0
for args in "" "--explain" "--as-of 2020-06-01"; do
  n=$((n + 1))
  # shellcheck disable=SC2086
  "$a" eval $args < "$requests" > "$tmp/a$n" 2> "$tmp/a$n.err"; rc_a=$?
  # shellcheck disable=SC2086
  "$b" eval $args < "$requests" > "$tmp/b$n" 2> "$tmp/b$n.err"; rc_b=$?
  lines=$(wc -l < "$tmp/a$n")
  if [ "$rc_a" -gt 1 ] || [ "$rc_b" -gt 1 ]; then
    echo "determinism: eval $args: exit $rc_a / $rc_b" >&2
    cat "$tmp/a$n.err" "$tmp/b$n.err" >&2
    status=1
  elif [ "$rc_a" -ne "$rc_b" ] || ! cmp -s "$tmp/a$n" "$tmp/b$n"; then
    echo "determinism: eval $args differs between $a and $b (exit $rc_a / $rc_b):" >&2
    diff "$tmp/a$n" "$tmp/b$n" | head -20 >&2
    status=1
  else
    echo "determinism: eval $args: $lines result lines identical"
  fi
done
[ "$status" -eq 0 ] && echo "determinism: g++ and clang agree byte for byte"
exit $status
