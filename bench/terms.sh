#!/usr/bin/env bash
# What a MariaDB connection holds beyond the named buffers, term by term (docs/memory-terms.md).
# One throw-away mariadbd at a time on port 16001; each row starts it afresh, runs one workload in
# N sessions at once (each session then pauses 3 s), samples information_schema.PROCESSLIST and
# Memory_used while they run, and reads VmRSS before and VmHWM after from /proc.
# Usage (as root, under the build lock): flock /tmp/memplan-build.lock bench/terms.sh
# Results: bench/results/terms.txt (a table, then the derived figures), and the same derived figures as
# src/main/resources/catalog/memory-terms.tsv, which memplan's model reads (MemoryTermsTests checks they agree).
set -euo pipefail
cd "$(dirname "$0")/.."
export BENCH_PORT=${BENCH_PORT:-16001}
export BENCH_WORK; BENCH_WORK=$(mktemp -d /tmp/memplan-terms.XXXX)
source bench/lib/mariadb.sh
source bench/lib/workloads.sh
trap 'bench_stop; rm -rf "$BENCH_WORK"' EXIT
out=bench/results/terms.txt
JEMALLOC=/usr/lib/x86_64-linux-gnu/libjemalloc.so.2

config() { # $1 = tmp_table_size; prints an option file path
  local f=$BENCH_WORK/tmp$1.cnf
  cat > "$f" <<CNF
[mysqld]
innodb_buffer_pool_size = 256M
max_connections = 300
sort_buffer_size = 2M
join_buffer_size = 256K
read_buffer_size = 128K
read_rnd_buffer_size = 256K
tmp_table_size = $1
max_heap_table_size = $1
max_allowed_packet = 64M
tmpdir = $BENCH_WORK/tmp
CNF
  echo "$f"
}

# $1 label, $2 tmp size, $3 N, $4 workload, $5 allocator (glibc|jemalloc), $6 max_session_mem_used or -
row() {
  local label=$1 tmp=$2 n=$3 workload=$4 alloc=$5 cap=$6
  local sqlfile; sqlfile=$(bench_workload_sql "$workload")
  local extra=(); [ "$cap" = - ] || extra+=(--max-session-mem-used="$cap")
  BENCH_PRELOAD=; [ "$alloc" = jemalloc ] && BENCH_PRELOAD=$JEMALLOC
  bench_start "$(config "$tmp")" "${extra[@]}" 2>/dev/null
  bench_sql bench -e "SELECT COUNT(*) FROM t" >/dev/null   # the table's pages in the pool, as on a running server
  sleep 0.5
  local rss0 used0; rss0=$(bench_kib VmRSS); used0=$(bench_status Memory_used)
  local clients=() i
  for i in $(seq 1 "$n"); do
    { cat "$sqlfile"; echo "SELECT SLEEP(3);"; } | mariadb --no-defaults --max-allowed-packet=1G -S "$BENCH_SOCK" -uroot bench \
      >/dev/null 2>>"$BENCH_WORK/client.err" &
    clients+=($!)
  done
  local peak_used=0 max_conn=0 x u
  while bench_running "${clients[@]}"; do
    x=$(bench_sql -N -e "SELECT COALESCE(MAX(MAX_MEMORY_USED), 0) FROM information_schema.PROCESSLIST WHERE ID <> CONNECTION_ID() AND COMMAND <> 'Daemon'" 2>/dev/null || echo 0)
    [ "$x" -gt "$max_conn" ] && max_conn=$x
    u=$(bench_status Memory_used 2>/dev/null || echo 0); [ "$u" -gt "$peak_used" ] && peak_used=$u
    sleep 0.25
  done
  wait "${clients[@]}" 2>/dev/null || true
  local hwm rss1 refused; hwm=$(bench_kib VmHWM); rss1=$(bench_kib VmRSS)
  refused=$(grep -c 'max.session.mem.used' "$BENCH_WORK/client.err" 2>/dev/null || true)
  : > "$BENCH_WORK/client.err"
  bench_stop
  printf '| %-34s | %-4s | %3d | %-8s | %-5s | %7d | %8d | %8d | %9d | %9d | %7d |\n' "$label" "$tmp" "$n" "$alloc" "$cap" \
    $((rss0 / 1024)) $(( (hwm - rss0) / n )) $(( (rss1 - rss0) / n )) $(( (peak_used - used0) / n / 1024 )) $((max_conn / 1024)) "${refused:-0}" | tee -a "$out"
}

# The server at rest: resident memory after start-up and one table scan, less the pages the buffer
# pool, the Aria page cache and the key cache have touched — what no budget term names (code,
# libraries, dictionary, background threads). Printed as its own line.
base_row() {
  BENCH_PRELOAD=
  bench_start "$(config 16M)" 2>/dev/null
  bench_sql bench -e "SELECT COUNT(*) FROM t" >/dev/null
  sleep 0.5
  local rss pool aria key
  rss=$(( $(bench_kib VmRSS) * 1024 ))
  pool=$(bench_sql -N -e "SELECT (SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'INNODB_BUFFER_POOL_PAGES_TOTAL')
    - (SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'INNODB_BUFFER_POOL_PAGES_FREE')")
  aria=$(bench_status Aria_pagecache_blocks_used); key=$(bench_status Key_blocks_used)
  bench_stop
  echo "server at rest: resident $((rss / 1024)) KiB; buffer pool pages in use $pool × 16 KiB; Aria blocks used $aria × 8 KiB; key blocks used $key × 1 KiB" \
    | tee -a "$out"
  echo "server_base $(( (rss - pool * 16384 - aria * 8192 - key * 1024) / 1024 ))" >> "$BENCH_WORK/base"
}

bench_datadir "${BENCH_SMALL_TABLES:-2000}" 2>/dev/null
mkdir -p "$BENCH_WORK/tmp" && chown mysql:mysql "$BENCH_WORK/tmp"
{
  echo "# bench/terms.sh — MariaDB $(mariadbd --version | awk '{print $3}'), $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores"
  echo "# 256M pool, sort 2M, join 256K, read 128K, read_rnd 256K, max_allowed_packet 64M, binary log off."
  echo "# Per-connection figures in KiB: resident = (VmHWM - VmRSS before) / N; retained = (VmRSS after - before) / N;"
  echo "# Memory_used = (its peak - before) / N; MAX_MEMORY_USED = the largest connection's high-water mark."
  echo "| row                                | tmp  |   N | malloc   | cap   | RSS0 MiB | resident | retained | Memory_used | MAX_MEMORY_USED | refused |"
  echo "|---|---|---:|---|---|---:|---:|---:|---:|---:|---:|"
} > "$out"
row "idle connection"                 16M 100 idle      glibc -
row "filesort"                        16M 20  filesort  glibc -
row "join without index"              16M 20  join      glibc -
row "prepared + stored proc cursor"   16M 20  prepared  glibc -
row "GROUP BY temp table (spills)"    16M 20  tmpstorm  glibc -
row "GROUP BY temp table, jemalloc"   16M 20  tmpstorm  jemalloc -
row "multi temp tables"               8M  20  multitemp glibc -
row "multi temp tables"               16M 20  multitemp glibc -
row "multi temp tables"               32M 20  multitemp glibc -
row "multi temp tables"               64M 20  multitemp glibc -
row "multi temp tables, jemalloc"     16M 20  multitemp jemalloc -
row "multi temp tables, jemalloc"     32M 20  multitemp jemalloc -
row "multi temp tables, capped"       16M 20  multitemp glibc 24M
row "multi temp tables, capped"       32M 20  multitemp glibc 48M
row "16 MiB statement + 30 MB result" 16M 20  bigpacket glibc -
row "2000 tables opened, 1 session"   16M 1   opentables glibc -
row "2000 tables opened, 10 sessions" 16M 10  opentables glibc -
base_row

# The figures memplan's model uses, derived from the rows above (columns: row 2, tmp 3, N 4, malloc 5,
# cap 6, RSS0 7, resident 8, retained 9, Memory_used 10, MAX_MEMORY_USED 11).
derived=$(awk -F'|' '
  function kib(s) { s = s + 0; return s }
  function mib(t) { sub(/M/, "", t); return t * 1024 }
  /^\| / && $3 ~ /M/ {
    row = $2; gsub(/^ +| +$/, "", row); alloc = $5; gsub(/ /, "", alloc); cap = $6; gsub(/ /, "", cap)
    tmp = mib($3); res = kib($8); used = kib($10); maxm = kib($11)
    if (row == "idle connection" && used > conn) conn = used
    if (row ~ /^filesort/ && res - 2048 > conn) conn = res - 2048
    if (row ~ /^join/ && res - 256 > conn) conn = res - 256
    if (row == "multi temp tables" && (res - 2048) / tmp > temps) temps = (res - 2048) / tmp
    if (row ~ /^16 MiB statement/) packet = res / (30000000 / 1024)
    if (row ~ /1 session/) table = res / 2000
    if (row ~ /temp table/ && cap == "-" && alloc == "glibc") { g[row "/" tmp] = res; if (res - maxm - tmp > untracked) untracked = res - maxm - tmp }
    if (row ~ /jemalloc/ && cap == "-") { j[row "/" tmp] = res }
  }
  END {
    for (k in j) { gk = k; sub(/, jemalloc/, "", gk); if (gk in g && g[gk] / j[k] > slack) slack = g[gk] / j[k] }
    printf "connection_structures\t%d\tKiB\n", int((conn + 63) / 64) * 64
    printf "temp_tables_per_statement\t%d\tcount\n", int(temps) + (temps > int(temps))
    printf "packet_copies\t%d\tcount\n", int(packet) + (packet > int(packet))
    printf "open_table\t%d\tKiB\n", int(table) + (table > int(table))
    printf "glibc_slack_percent\t%d\tpercent\n", int((slack - 1) * 100 + 0.999)
    printf "untracked_beyond_temp_table\t%d\tKiB\n", int((untracked + 1023) / 1024) * 1024
  }' "$out")
derived="$derived
$(awk '{ printf "server_base\t%d\tKiB\n", int(($2 + 1023) / 1024) * 1024 }' "$BENCH_WORK/base")"
{
  echo
  echo "## Derived (copied to src/main/resources/catalog/memory-terms.tsv; docs/memory-terms.md explains each)"
  echo "$derived" | sed 's/^/    /'
} | tee -a "$out"
{
  echo "# Written by bench/terms.sh from bench/results/terms.txt; do not edit by hand (MemoryTermsTests compares them)."
  echo "# name<TAB>value<TAB>unit"
  echo "$derived"
} > src/main/resources/catalog/memory-terms.tsv
