#!/usr/bin/env bash
# performance_schema's own size as the servers account for it, at several settings: what
# BudgetCalculator's performance_schema estimate is fitted to (docs/measurements-mysql.md#ps-size).
#
#   flock /tmp/memplan-build.lock bench/ps-size.sh [VERSIONS]   # default: 5.7.22 8.0.31 mariadb; port 16350
#   flock /tmp/memplan-build.lock bench/ps-size.sh --threads [VERSIONS]   # only ps-size-threads.tsv (a minute)
#   python3 bench/lib/ps_fit.py                                 # then: catalog/performance-schema.tsv from both
#
# For each server and setting: a fresh start, then idle (5 s) the two readings of P_S's own memory,
#   engine = last row of SHOW ENGINE PERFORMANCE_SCHEMA STATUS (performance_schema.memory)
#   instr  = SUM(CURRENT_NUMBER_OF_BYTES_USED) of memory/performance_schema/% (MySQL only)
# and VmRSS, and the server's own (background) threads P_S instruments at defaults (ps-size-threads.tsv); then max_connections - 1 idle connections are opened and held (and one statement run on
# each), and the readings are taken again ("full"), so what grows with use shows beside what is
# allocated at start. Writes bench/results/ps-size.tsv and ps-size.txt. Every server started here is
# stopped by its pid; the scratch directory is removed.
set -euo pipefail
cd "$(dirname "$0")/.."
THREADS_ONLY=
[ "${1:-}" = --threads ] && { THREADS_ONLY=1; shift; }
VERSIONS=${*:-5.7.22 8.0.31 mariadb}
PORT=16350
WORK=$(mktemp -d /tmp/ps-size.XXXXXX) && chmod 755 "$WORK"
OUT=bench/results/ps-size.tsv
INSTR=bench/results/ps-size-instruments.tsv
HOLD=()

cleanup() {
  release
  for w in "$WORK"/my-*; do [ -d "$w" ] && bench/mysql-server.sh stop "$w" || true; done
  [ -n "${MARIA_PID:-}" ] && kill "$MARIA_PID" 2>/dev/null && wait "$MARIA_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

release() { local p; for p in "${HOLD[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; HOLD=(); }

# name|options (one per line in the option file); the same settings on every server
SETTINGS=(
  "defaults (151 connections)|"
  "max_connections=500|max_connections=500"
  "max_connections=1000|max_connections=1000"
  "table caches x2 (open 4000, definition 2000)|table_open_cache=4000
table_definition_cache=2000"
  "table caches small (open 400, definition 400)|table_open_cache=400
table_definition_cache=400"
  "explicit sizing at defaults' values|performance_schema_max_thread_instances=400
performance_schema_max_table_instances=2000
performance_schema_max_table_handles=4000"
  "explicit sizing, small|performance_schema_max_thread_instances=200
performance_schema_max_table_instances=500
performance_schema_max_table_handles=1000"
)

sql() { # $1 = server, rest = client arguments
  local server=$1; shift
  if [ "$server" = mariadb ]; then mariadb --no-defaults -S "$WORK/maria/mysqld.sock" -uroot "$@"
  else bench/mysql-server.sh sql "$WORK/my-$server" "$@"; fi
}

sock() { if [ "$1" = mariadb ]; then echo "$WORK/maria/mysqld.sock"; else echo "$WORK/my-$1/mysqld.sock"; fi; }

reading() { # server -> "engine<TAB>instr<TAB>rss_kib"
  local server=$1 engine instr pid
  engine=$(sql "$server" -N -e 'SHOW ENGINE PERFORMANCE_SCHEMA STATUS' | awk -F'\t' '$2=="performance_schema.memory" {print $3}')
  if [ "$server" = mariadb ]; then instr=-; pid=$MARIA_PID
  else
    instr=$(sql "$server" -N -e "SELECT SUM(CURRENT_NUMBER_OF_BYTES_USED) FROM performance_schema.memory_summary_global_by_event_name WHERE EVENT_NAME LIKE 'memory/performance_schema/%'")
    pid=$(bench/mysql-server.sh pid "$WORK/my-$server")
  fi
  printf '%s\t%s\t%s' "$engine" "$instr" "$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status")"
}

start() { # server cnf
  local server=$1 cnf=$2
  if [ "$server" = mariadb ]; then
    mkdir -p "$WORK/maria"
    if [ ! -d "$WORK/maria/data" ]; then
      chown mysql:mysql "$WORK/maria"
      mariadb-install-db --no-defaults --datadir="$WORK/maria/data" --user=mysql --auth-root-authentication-method=normal >/dev/null 2>&1
    fi
    mariadbd --defaults-file="$cnf" --datadir="$WORK/maria/data" --socket="$WORK/maria/mysqld.sock" --port=$PORT \
      --bind-address=127.0.0.1 --user=mysql --log-error="$WORK/maria/error.log" --pid-file="$WORK/maria/mysqld.pid" &
    MARIA_PID=$!
    local _; for _ in $(seq 1 120); do sql mariadb -e 'SELECT 1' >/dev/null 2>&1 && return 0; sleep 0.25; done
    tail -5 "$WORK/maria/error.log" >&2; return 2
  else
    bench/mysql-server.sh start "$server" $PORT "$cnf" "$WORK/my-$server" >/dev/null
  fi
}

stop() {
  if [ "$1" = mariadb ]; then kill "$MARIA_PID"; wait "$MARIA_PID" 2>/dev/null || true; MARIA_PID=
  else bench/mysql-server.sh stop "$WORK/my-$1"; fi
}

fill() { # server: hold max_connections - 1 connections, each after one statement (P_S records it)
  local server=$1 n i
  n=$(sql "$server" -N -e 'SELECT @@max_connections')
  for i in $(seq 1 $((n - 1))); do
    mariadb --no-defaults -S "$(sock "$server")" -uroot \
      -e "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'mysql'; SELECT SLEEP(300)" >/dev/null 2>&1 &
    HOLD+=($!)
  done
  local _; for _ in $(seq 1 240); do
    [ "$(sql "$server" -N -e "SELECT COUNT(*) FROM information_schema.processlist WHERE info LIKE 'SELECT SLEEP%'")" -ge $((n - 1)) ] && break
    sleep 0.5
  done
  sleep 2
}

instruments() { # server setting phase: the P_S instruments over 1 MiB (MySQL), into ps-size-instruments.tsv
  [ "$1" = mariadb ] && return 0
  sql "$1" -N -e "SELECT EVENT_NAME, CURRENT_NUMBER_OF_BYTES_USED FROM performance_schema.memory_summary_global_by_event_name
    WHERE EVENT_NAME LIKE 'memory/performance_schema/%' AND CURRENT_NUMBER_OF_BYTES_USED > 1048576
    ORDER BY CURRENT_NUMBER_OF_BYTES_USED DESC" | awk -v s="$1" -v n="$2" -v p="$3" -F'\t' '{print s "\t" n "\t" p "\t" $1 "\t" $2}' >> "$INSTR"
}

sizing() { # the autosized values the server chose
  sql "$1" -N -e "SHOW GLOBAL VARIABLES WHERE Variable_name IN ('performance_schema_max_thread_instances',
    'performance_schema_max_table_instances','performance_schema_max_table_handles','max_connections',
    'table_open_cache','table_definition_cache')" | awk '{printf "%s=%s ", $1, $2}'
}

# the server's own threads beside the connections, idle at defaults: with max_connections + 1 connection
# threads they fill P_S's pages of 256 thread instances (bench/lib/ps_fit.py)
printf 'server\tbackground_threads\n' > bench/results/ps-size-threads.tsv
for server in $VERSIONS; do
  { echo '[mysqld]'; [ "$server" = mariadb ] && echo performance_schema=ON; } > "$WORK/cnf"
  start "$server" "$WORK/cnf"; sleep 5
  printf '%s\t%s\n' "$server" "$(sql "$server" -N -e "SELECT COUNT(*) FROM performance_schema.threads WHERE TYPE = 'BACKGROUND'")" \
    >> bench/results/ps-size-threads.tsv
  stop "$server"
done
[ -n "$THREADS_ONLY" ] && { cat bench/results/ps-size-threads.tsv; exit 0; }

printf 'server\tsetting\tphase\tinstrument\tbytes\n' > "$INSTR"
printf 'server\tsetting\tphase\tengine_bytes\tinstr_bytes\trss_kib\tsizing\n' > "$OUT.new"
for server in $VERSIONS; do
  for entry in "${SETTINGS[@]}" "performance_schema=OFF|performance_schema=OFF"; do
    name=${entry%%|*} opts=${entry#*|}
    { echo '[mysqld]'; [ "$server" = mariadb ] && [[ "$opts" != *performance_schema=OFF* ]] && echo performance_schema=ON
      [ -n "$opts" ] && echo "$opts"; } > "$WORK/cnf"
    start "$server" "$WORK/cnf"
    sleep 5
    if [[ "$opts" == *performance_schema=OFF* ]]; then
      printf '%s\t%s\tidle\t-\t-\t%s\t-\n' "$server" "$name" \
        "$(awk '/^VmRSS:/ {print $2}' "/proc/$( [ "$server" = mariadb ] && echo "$MARIA_PID" || bench/mysql-server.sh pid "$WORK/my-$server")/status")" >> "$OUT.new"
      stop "$server"; continue
    fi
    size=$(sizing "$server")
    printf '%s\t%s\tidle\t%s\t%s\n' "$server" "$name" "$(reading "$server")" "$size" >> "$OUT.new"
    instruments "$server" "$name" idle
    fill "$server"
    instruments "$server" "$name" full
    printf '%s\t%s\tfull\t%s\t%s\n' "$server" "$name" "$(reading "$server")" "$size" >> "$OUT.new"
    release; stop "$server"
    echo "$server / $name done" >&2
  done
done
mv "$OUT.new" "$OUT"
column -t -s $'\t' "$OUT" > bench/results/ps-size.txt
cat bench/results/ps-size.txt
