# Helpers for benchmark scripts that need a throw-away MariaDB: sourced, not run.
# The caller sets BENCH_PORT (its own port range) and BENCH_WORK (a scratch directory it removes).
# Every server started here is killed by its pid in bench_stop; nothing else is touched.

BENCH_SOCK=${BENCH_WORK:?}/mysqld.sock
BENCH_PID=

bench_sql() { mariadb --no-defaults -S "$BENCH_SOCK" -uroot "$@"; }

# A datadir with the bench schema: t (BENCH_ROWS rows, default 100k, unindexed values), u (2,000 rows), and
# many small tables for the open-table workload. Built once, reused by every start.
bench_datadir() { # $1 = number of small tables
  local data=$BENCH_WORK/data
  [ -d "$data/bench" ] && return 0
  rm -rf "$data" && mkdir -p "$data" && chown mysql:mysql "$BENCH_WORK" "$data"
  mariadb-install-db --no-defaults --datadir="$data" --user=mysql --auth-root-authentication-method=normal >/dev/null 2>&1
  printf '[mysqld]\ninnodb_buffer_pool_size=256M\n' > "$BENCH_WORK/load.cnf"
  bench_start "$BENCH_WORK/load.cnf"
  bench_sql -e "CREATE DATABASE bench; CREATE TABLE bench.t (id INT PRIMARY KEY, a INT, b INT, c VARCHAR(200), pad CHAR(100)) ENGINE=InnoDB;"
  bench_sql bench -e "INSERT INTO t SELECT seq, seq * 7919 % 100003, seq % 5000, CONCAT(MD5(seq), MD5(seq * 3), MD5(seq * 7)), 'x' FROM seq_1_to_${BENCH_ROWS:-100000};"
  bench_sql bench -e "CREATE TABLE u AS SELECT id, b FROM t WHERE id <= 2000; ANALYZE TABLE t, u;" >/dev/null
  local i
  { for i in $(seq 1 "${1:-0}"); do echo "CREATE TABLE bench.s$i (id INT PRIMARY KEY, v VARCHAR(64), w INT, KEY (w)) ENGINE=InnoDB;"; done; } | bench_sql
  bench_sql bench < "$(dirname "${BASH_SOURCE[0]}")/p_cursor.sql"
  bench_sql -e "CREATE USER 'bench'@'127.0.0.1' IDENTIFIED BY 'bench-pass-1'; GRANT ALL ON *.* TO 'bench'@'127.0.0.1';"
  bench_stop
}

bench_start() { # $1 = option file; extra mariadbd options after it
  local cnf=$1; shift
  ${BENCH_PRELOAD:+env LD_PRELOAD=$BENCH_PRELOAD} mariadbd --defaults-file="$cnf" --datadir="$BENCH_WORK/data" \
    --socket="$BENCH_SOCK" --port="$BENCH_PORT" --bind-address=127.0.0.1 --user=mysql --skip-name-resolve \
    --log-error="$BENCH_WORK/error.log" --pid-file="$BENCH_WORK/mysqld.pid" "$@" &
  BENCH_PID=$!
  local _
  for _ in $(seq 1 120); do bench_sql -e 'SELECT 1' >/dev/null 2>&1 && return 0; sleep 0.25; done
  echo "server did not start" >&2; tail -20 "$BENCH_WORK/error.log" >&2; return 2
}

bench_stop() {
  if [ -n "$BENCH_PID" ] && kill -0 "$BENCH_PID" 2>/dev/null; then kill "$BENCH_PID"; wait "$BENCH_PID" 2>/dev/null || true; fi
  BENCH_PID=
}

# resident KiB of the server: VmRSS now or VmHWM (the high-water mark since start or the last reset)
bench_kib() { awk "/^$1:/ {print \$2}" "/proc/$BENCH_PID/status"; }

# Linux: writing 5 to clear_refs resets VmHWM to the current RSS (proc(5)), so one server can be
# measured run after run without a restart.
bench_reset_hwm() { echo 5 > "/proc/$BENCH_PID/clear_refs"; }

bench_status() { bench_sql -N -e "SHOW GLOBAL STATUS LIKE '$1'" | awk '{print $2}'; }

bench_running() { local p; for p in "$@"; do kill -0 "$p" 2>/dev/null && return 0; done; return 1; }
