#!/usr/bin/env bash
# What the live projection must add to, or take from, what a MariaDB server observes
# (docs/memory-terms.md#projection): a throw-away mariadbd 10.11 on port 16003, started afresh for
# each row; N sessions run one workload and pause; the script reads VmRSS before, VmHWM after,
# the connections' MAX_MEMORY_USED and Innodb_buffer_pool_pages_data before and after.
#   - a result the server sends is not in MAX_MEMORY_USED: "30 MB result" against "idle" gives the
#     untracked copies of a sent packet, per connection;
#   - opening a table reads its index pages into the buffer pool, which the projection already counts
#     from the pages in use: "2000 tables opened" against "idle, 1 session" gives the pool's share of
#     open_table (catalog/memory-terms.tsv), per table.
# Usage (as root, under the build lock): flock /tmp/memplan-build.lock bench/projection-terms.sh
# Results: bench/results/projection-terms.txt (a table, then the derived figures, which
# bench/calibrate-projection.py copies into src/main/resources/catalog/projection.tsv). About a minute.
set -euo pipefail
cd "$(dirname "$0")/.."
export BENCH_PORT=${BENCH_PORT:-16003}
export BENCH_WORK; BENCH_WORK=$(mktemp -d /tmp/memplan-projterms.XXXX)
export BENCH_ROWS=${BENCH_ROWS:-1000}
source bench/lib/mariadb.sh
source bench/lib/workloads.sh
trap 'bench_stop; rm -rf "$BENCH_WORK"' EXIT
out=bench/results/projection-terms.txt
RESULT_BYTES=30000000   # bench/workloads/bigresult.sql: SELECT REPEAT('y', 30000000)
TABLES=${BENCH_SMALL_TABLES:-2000}

cnf=$BENCH_WORK/small.cnf
cat > "$cnf" <<CNF
[mysqld]
innodb_buffer_pool_size = 256M
max_connections = 50
sort_buffer_size = 2M
join_buffer_size = 256K
read_buffer_size = 128K
read_rnd_buffer_size = 256K
tmp_table_size = 16M
max_heap_table_size = 16M
max_allowed_packet = 64M
tmpdir = $BENCH_WORK/tmp
CNF

pages() { bench_status Innodb_buffer_pool_pages_data; }

# $1 label, $2 SQL file, $3 N; prints a table line: resident KiB per connection, MAX_MEMORY_USED KiB (average), pool pages added
row() {
  local label=$1 sqlfile=$2 n=$3
  bench_start "$cnf" 2>/dev/null
  bench_sql bench -e "SELECT COUNT(*) FROM t" >/dev/null
  sleep 0.5
  local rss0 pages0; rss0=$(bench_kib VmRSS); pages0=$(pages)
  local clients=() i
  for i in $(seq 1 "$n"); do
    { cat "$sqlfile"; echo "SELECT SLEEP(600);"; } | mariadb --no-defaults --max-allowed-packet=1G -S "$BENCH_SOCK" -uroot bench \
      >/dev/null 2>>"$BENCH_WORK/client.err" &
    clients+=($!)
  done
  local waited=0 sleeping
  while :; do
    sleeping=$(bench_sql -N -e "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE INFO LIKE 'SELECT SLEEP(600)%'")
    [ "$sleeping" -ge "$n" ] && break
    waited=$((waited + 1)); [ "$waited" -gt 1500 ] && { echo "sessions did not finish" >&2; return 2; }
    sleep 0.2
  done
  local marks; marks=$(bench_sql -N -e "SELECT ROUND(AVG(MAX_MEMORY_USED) / 1024) FROM information_schema.PROCESSLIST WHERE INFO LIKE 'SELECT SLEEP(600)%'")
  local hwm pages1; hwm=$(bench_kib VmHWM); pages1=$(pages)
  bench_stop
  kill "${clients[@]}" 2>/dev/null || true; wait "${clients[@]}" 2>/dev/null || true
  printf '| %-22s | %3d | %7d | %8d | %15d | %10d |\n' "$label" "$n" $((rss0 / 1024)) $(( (hwm - rss0) / n )) "$marks" $((pages1 - pages0)) | tee -a "$out"
}

bench_datadir "$TABLES" 2>/dev/null
mkdir -p "$BENCH_WORK/tmp" && chown mysql:mysql "$BENCH_WORK/tmp"
bench_workload_sql opentables >/dev/null
{
  echo "# bench/projection-terms.sh — $(mariadbd --version | awk '{print $3}'), $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores"
  echo "# 256M pool, 50 connections, sort 2M, tmp tables 16M, max_allowed_packet 64M, binary log off."
  echo "# resident = (VmHWM - VmRSS before) / N in KiB; MAX_MEMORY_USED = the sessions' average mark in KiB;"
  echo "# pool pages = Innodb_buffer_pool_pages_data after - before (16 KiB pages)."
  echo "| row                    |   N | RSS0 MiB | resident | MAX_MEMORY_USED | pool pages |"
  echo "|---|---:|---:|---:|---:|---:|"
} > "$out"
row "idle"                   bench/workloads/idle.sql      10
row "30 MB result"           bench/workloads/bigresult.sql 10
row "idle, 1 session"        bench/workloads/idle.sql      1
row "$TABLES tables opened"  "$BENCH_WORK/opentables.sql"  1

# columns: row 2, N 3, RSS0 4, resident 5, MAX_MEMORY_USED 6, pool pages 7
derived=$(awk -F'|' -v result="$RESULT_BYTES" -v tables="$TABLES" '
  /^\| / && $3 ~ /[0-9]/ { r = $2; gsub(/^ +| +$/, "", r); res[r] = $5 + 0; marks[r] = $6 + 0; pool[r] = $7 + 0 }
  END {
    copies = (res["30 MB result"] - res["idle"]) / (result / 1024)
    # the nearest whole copy: the projection is an estimate, not a bound (the ceiling rounds up)
    printf "untracked_result_copies\t%d\n", int(copies + 0.5)
    printf "untracked_result_mark_kib\t%d\n", marks["30 MB result"] - marks["idle"]
    inpool = (pool[tables " tables opened"] - pool["idle, 1 session"]) * 16 / tables
    printf "open_table_in_pool_kib\t%d\n", int(inpool + 0.5)
  }' "$out")
{
  echo
  echo "## Derived (bench/calibrate-projection.py copies them into src/main/resources/catalog/projection.tsv)"
  echo "$derived" | sed 's/^/    /'
} | tee -a "$out"
