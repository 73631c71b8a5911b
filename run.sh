#!/usr/bin/env bash
# sipolicy's two commands (see README):
#   bash run.sh demo   — install what is missing, build (Release), run the demo
#   bash run.sh test   — install what is missing, build and run every test,
#                        twice: a -Werror build and an ASan+UBSan build;
#                        then a clang build that fuzzes each entry point
#                        (SIPOLICY_FUZZ_SECONDS each, default 45) and
#                        compares the g++ and clang CLIs byte for byte
#   bash run.sh bench  — build (Release) and measure every door against the
#                        code users would otherwise write (bench/README.md)
set -euo pipefail
cd "$(dirname "$0")"

# Debian packages the build needs; nothing else is downloaded.
PACKAGES=(
  g++ cmake make pkg-config python3 binutils
  libboost-dev libboost-date-time-dev libabsl-dev doctest-dev
  openjdk-17-jdk-headless libjna-java junit5
  clang-14 libclang-rt-14-dev valgrind
  python3-pandas python3-numpy python3-venv
  libssl-dev postgresql-15 postgresql-server-dev-15 python3-distributed
)

ensure_packages() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "run.sh: installing missing Debian packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

jobs() { nproc 2>/dev/null || echo 2; }

build() {  # build <preset>
  cmake --preset "$1" >/dev/null
  cmake --build --preset "$1" -j "$(jobs)"
}

case "${1:-}" in
  demo)
    ensure_packages
    build release
    ./build/release/examples/sipolicy_demo --out build/release/demo-output
    ;;
  test)
    ensure_packages
    # Each stage counts as passed or failed; the run ends with the tally.
    passed=0 failed=0
    stage() { if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); fi; }
    for preset in dev asan; do
      echo "=== $preset build ==="
      build "$preset"
      stage ctest --preset "$preset" -j "$(jobs)"
    done
    # clang-14 + libFuzzer: the corpus replays, each fuzz target for
    # SIPOLICY_FUZZ_SECONDS (default 45) on a copy of its corpus, and the
    # g++ and clang CLIs compared byte for byte (fuzz/README.md).
    echo "=== clang build (libFuzzer, determinism) ==="
    build clang
    stage ctest --preset clang -j "$(jobs)"
    stage bash fuzz/run_fuzzers.sh build/clang
    stage bash fuzz/determinism/check.sh build/dev/sipolicy build/clang/sipolicy
    echo "=== stages: dev tests, asan tests, clang tests, fuzzing, determinism ==="
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
    ;;
  bench)
    # SIPOLICY_BENCH_N records per workload (default 1000000); SIPOLICY_BENCH_FULL=1
    # adds the 10^7-line eval memory run. Prints the table; writes
    # build/release/bench-results.json; fails if any contender disagrees.
    ensure_packages
    build release
    python3 bench/bench.py --build build/release
    ;;
  *)
    echo "usage: bash run.sh demo|test|bench" >&2
    exit 2
    ;;
esac
