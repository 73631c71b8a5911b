# cluster.sh — a throw-away PostgreSQL cluster with the sipolicy extension
# installed from the build tree; sourced by test/run_test.sh and
# examples/postgresql/run_example.sh.
#
#   source cluster.sh; pg_cluster_start; psql_run -c 'SELECT 1'; (stopped and removed on exit)
#
# Environment (set by ctest, bindings/postgresql/CMakeLists.txt):
#   PG_BINDIR, PG_PKGLIBDIR, PG_SHAREDIR   pg_config --bindir/--pkglibdir/--sharedir
#   SIPOLICY_PG_MODULE           the built sipolicy.so
#   SIPOLICY_PG_LIBRARY          the built libsipolicy.so.1
#   SIPOLICY_PG_EXTENSION_DIR    the built sipolicy.control and sipolicy--<version>.sql
#   SIPOLICY_PG_SKIP             set: report the test skipped (exit 77) with this reason
#   SIPOLICY_PG_KEEP=1           keep the temporary directory (for debugging)
# and PG_FILES, an array of files the server must read (packs), copied to
# $PG_WORK/install/files/ before it starts.
#
# Nothing is written outside one temporary directory: the server runs from a
# temporary "installation" — a copy of the postgres binary, next to a share
# directory and a library directory of symbolic links to the system's files
# plus the extension's own — because PostgreSQL finds both directories
# relative to the real path of its binary. It listens on a Unix socket in that
# directory only (listen_addresses = ''), and runs as an unprivileged user:
# the caller, or `postgres` when the caller is root (initdb refuses root).

set -euo pipefail

pg_skip() {
  echo "skipped: $*"
  exit 77
}

[ -n "${SIPOLICY_PG_SKIP:-}" ] && pg_skip "$SIPOLICY_PG_SKIP"
for var in PG_BINDIR PG_PKGLIBDIR PG_SHAREDIR SIPOLICY_PG_MODULE SIPOLICY_PG_LIBRARY SIPOLICY_PG_EXTENSION_DIR; do
  [ -n "${!var:-}" ] || { echo "cluster.sh: $var is not set (run through ctest)" >&2; exit 2; }
done

PG_WORK=""
PG_PID=""
PG_AS=()        # the command prefix that runs as the server's user
PG_USER_NAME="" # that user
PG_FILES=()     # files the server must read (packs): copied to $PG_WORK/install/files/

pg_choose_user() {
  if [ "$(id -u)" -ne 0 ]; then
    PG_USER_NAME="$(id -un)"
    return
  fi
  id postgres >/dev/null 2>&1 || pg_skip "running as root and there is no 'postgres' user to run the server as"
  command -v setpriv >/dev/null || pg_skip "running as root and setpriv (util-linux) is missing"
  PG_USER_NAME=postgres
  # setpriv executes the command in place: $! is the server's own pid.
  PG_AS=(setpriv --reuid=postgres --regid=postgres --init-groups --reset-env)
}

pg_cluster_stop() {
  if [ -n "$PG_PID" ] && kill -0 "$PG_PID" 2>/dev/null; then
    kill -INT "$PG_PID" 2>/dev/null || true  # fast shutdown
    for _ in $(seq 1 100); do
      kill -0 "$PG_PID" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$PG_PID" 2>/dev/null; then
      kill -QUIT "$PG_PID" 2>/dev/null || true  # immediate shutdown
      sleep 1
    fi
    wait "$PG_PID" 2>/dev/null || true
  fi
  PG_PID=""
}

pg_cleanup() {
  local rc=$?
  pg_cluster_stop
  if [ -n "$PG_WORK" ] && [ -d "$PG_WORK" ]; then
    if [ "$rc" -ne 0 ] && [ -f "$PG_WORK/server.log" ]; then
      echo "--- last lines of the server log ---" >&2
      tail -n 30 "$PG_WORK/server.log" >&2 || true
    fi
    if [ "${SIPOLICY_PG_KEEP:-}" = 1 ]; then
      echo "kept $PG_WORK" >&2
    else
      rm -rf "$PG_WORK"
    fi
  fi
  exit "$rc"
}

# The temporary installation: $1 (a directory) + the system's own paths.
pg_make_install() {
  local root="$1"
  mkdir -p "$root$PG_BINDIR" "$root$PG_SHAREDIR" "$root$PG_PKGLIBDIR"
  cp "$PG_BINDIR/postgres" "$root$PG_BINDIR/postgres"
  # One ln per directory (this machine may be busy: few processes).
  ln -s "$PG_SHAREDIR"/* "$root$PG_SHAREDIR/"
  rm -f "$root$PG_SHAREDIR/extension"
  mkdir -p "$root$PG_SHAREDIR/extension"
  ln -s "$PG_SHAREDIR"/extension/* "$root$PG_SHAREDIR/extension/"
  ln -s "$PG_PKGLIBDIR"/* "$root$PG_PKGLIBDIR/"
  # The extension's files are copied, not linked: the server's user may not
  # be able to read the build tree. The module finds libsipolicy.so.1 beside
  # itself ($ORIGIN in its run path).
  cp "$SIPOLICY_PG_EXTENSION_DIR"/sipolicy.control "$SIPOLICY_PG_EXTENSION_DIR"/sipolicy--*.sql \
     "$root$PG_SHAREDIR/extension/"
  rm -f "$root$PG_PKGLIBDIR/sipolicy.so" "$root$PG_PKGLIBDIR/$(basename "$SIPOLICY_PG_LIBRARY")"
  cp "$SIPOLICY_PG_MODULE" "$root$PG_PKGLIBDIR/sipolicy.so"
  cp -L "$SIPOLICY_PG_LIBRARY" "$root$PG_PKGLIBDIR/"
  mkdir -p "$root/files"
  if [ ${#PG_FILES[@]} -gt 0 ]; then cp "${PG_FILES[@]}" "$root/files/"; fi
  chmod -R a+rX "$root"
}

# pg_cluster_start [postgres -c options...]: initdb, start, wait until it
# accepts connections; exports PGHOST, PGPORT, PGUSER, PGDATABASE. In the
# options, @FILES@ stands for the directory of PG_FILES' copies.
pg_cluster_start() {
  pg_choose_user
  PG_WORK="$(mktemp -d "${TMPDIR:-/tmp}/sipolicy-pg.XXXXXX")"
  trap pg_cleanup EXIT
  trap 'exit 130' INT TERM
  chmod 755 "$PG_WORK"
  mkdir -p "$PG_WORK/out"
  pg_make_install "$PG_WORK/install"
  mkdir -p "$PG_WORK/data" "$PG_WORK/socket"
  if [ "$(id -u)" -eq 0 ]; then chown "$PG_USER_NAME": "$PG_WORK/data" "$PG_WORK/socket" "$PG_WORK/out"; fi
  chmod 700 "$PG_WORK/data"
  "${PG_AS[@]}" "$PG_BINDIR/initdb" -D "$PG_WORK/data" -U postgres --auth=trust --no-sync \
      -E UTF8 --locale=C.UTF-8 >"$PG_WORK/initdb.log" 2>&1 \
    || { cat "$PG_WORK/initdb.log" >&2; return 1; }
  # The server's log goes to a file the caller can read.
  touch "$PG_WORK/server.log"
  if [ "$(id -u)" -eq 0 ]; then chown "$PG_USER_NAME": "$PG_WORK/server.log"; fi
  "${PG_AS[@]}" "$PG_WORK/install$PG_BINDIR/postgres" -D "$PG_WORK/data" \
      -c listen_addresses='' -c unix_socket_directories="$PG_WORK/socket" -c port=54329 \
      -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
      -c max_worker_processes=8 -c max_parallel_workers=8 -c shared_buffers=128MB \
      "${@//@FILES@/$PG_WORK/install/files}" >>"$PG_WORK/server.log" 2>&1 &
  PG_PID=$!
  export PGHOST="$PG_WORK/socket" PGPORT=54329 PGUSER=postgres PGDATABASE=postgres
  for _ in $(seq 1 150); do
    if "$PG_BINDIR/pg_isready" -q 2>/dev/null; then return 0; fi
    kill -0 "$PG_PID" 2>/dev/null || { echo "the server did not start" >&2; PG_PID=""; return 1; }
    sleep 0.1
  done
  echo "the server did not accept connections within 15 s" >&2
  return 1
}

# psql with the test's conventions: no ~/.psqlrc, stop at the first error.
psql_run() {
  "$PG_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -P pager=off "$@"
}
