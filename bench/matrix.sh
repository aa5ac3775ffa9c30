#!/usr/bin/env bash
# The accuracy matrix (successor of accuracy.sh): workloads × configurations × connection counts
# (about 10, 50 and 100 % of max_connections) on throw-away servers — MariaDB 10.11, and the real
# MySQL 5.7.22 and 8.0.31 of the integration tests (bench/mysql-server.sh) — and at 100 % once more
# with the memory cap memplan recommends (MariaDB max_session_mem_used; MySQL 8.0.31
# connection_memory_limit and global_connection_memory_limit with tracking ON; 5.7 has no cap).
# Each MariaDB row starts the server afresh; MySQL's rows of one configuration and workload share a
# start (its start and stop cost 3-5 s a row; BENCH_REUSE_SERVER: mysql by default, 0 none, 1 all; see
# group), runs the workload in N sessions at once, holds them connected, reads them with memplan's
# live probe (observed high-water marks and the projection), then takes the server's resident
# high-water mark (VmHWM) from /proc. memplan plans the same option file offline (ceiling,
# expected-peak range, capped ceiling). Plans and probes run in one JVM (bench/lib/MemplanRunner.java).
# Each row's phases (start, workload, probe, end of the sessions, plan, stop; seconds) go to
# matrix-phases.tsv beside the results (bench/README.md, "Where the time goes"); MySQL 8.0's largest
# memory instruments of each row (global high-water marks since the row began) to matrix-instruments.tsv.
# Usage (as root, holding the build lock for the whole run; 17 to 28 minutes on 2 cores by machine, stopped
# at 19 by default: bench/README.md, "Where the time goes"):
#   flock /tmp/memplan-build.lock bench/matrix.sh [--servers LIST] [CONFIG...]
#   LIST (or BENCH_SERVERS): comma-separated mariadb, mysql-5.7, mysql-8.0 (default: all three)
#   CONFIG: small, medium, large (default: all three, on every server; BENCH_MYSQL_CONFIGS narrows MySQL's)
# Smoke test (a minute or two): BENCH_WORKLOADS=tmpstorm BENCH_SHARES=100 bench/matrix.sh --servers mysql-8.0
#   BENCH_SHARES: the connection counts in % of max_connections (10 50 100); BENCH_CAPPED=0: no cap rows.
# Results of the full run: bench/results/matrix.txt (table) and bench/results/matrix.tsv (the same, for
# tools and tests), and the summaries in README.md, bench/README.md and catalog/accuracy.tsv. A run
# that leaves anything out (servers, configs, workloads, shares, caps) is partial: it writes
# bench/results/matrix-partial.txt and .tsv, labelled so, and touches nothing else.
set -euo pipefail
cd "$(dirname "$0")/.."
all_servers=mariadb,mysql-8.0,mysql-5.7
servers=${BENCH_SERVERS:-$all_servers}
configs=()
while [ $# -gt 0 ]; do
  case $1 in
    --servers) servers=${2:?--servers needs a list: mariadb,mysql-5.7,mysql-8.0}; shift 2 ;;
    --servers=*) servers=${1#--servers=}; shift ;;
    small|medium|large) configs+=("$1"); shift ;;
    *) echo "usage: bench/matrix.sh [--servers mariadb,mysql-5.7,mysql-8.0] [small|medium|large ...]" >&2; exit 2 ;;
  esac
done
server_list=()
for s in ${all_servers//,/ }; do [[ ",$servers," == *",$s,"* ]] && server_list+=("$s"); done
for s in ${servers//,/ }; do [[ ",$all_servers," == *",$s,"* ]] || { echo "unknown server '$s' (mariadb, mysql-5.7, mysql-8.0)" >&2; exit 2; }; done
jar=target/memplan.jar
# a jar older than the sources would measure yesterday's memplan
if [ ! -f "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -print -quit)" ]; then ./mvnw -q -B -ntp -o -DskipTests package; fi
export BENCH_PORT=${BENCH_PORT:-16002}
# The servers' files stay on disk, not on tmpfs: MariaDB 10.11 maps a redo log it finds on /dev/shm
# as persistent memory and then reports innodb_log_buffer_size as the log file's size (96 MiB, not
# 16), while its resident memory falls by the 16 MiB log buffer it no longer allocates; the run of
# 00:31Z on tmpfs (bench/results/matrix-run-0031Z-tmpfs.*) measured that server, not the usual one.
export BENCH_WORK; BENCH_WORK=$(mktemp -d /tmp/memplan-matrix.XXXX)
export BENCH_ROWS=${BENCH_ROWS:-30000}
source bench/lib/matrix-sizes.sh
source bench/lib/mariadb.sh
source bench/lib/mysql.sh
source bench/lib/workloads.sh
trap 'bench_stop; for BENCH_MYSQL_VERSION in 5.7.22 8.0.31; do mysql_stop 2>/dev/null || true; done; [ -z "${MEMPLAN_PID:-}" ] || kill "$MEMPLAN_PID" 2>/dev/null; rm -rf "$BENCH_WORK"' EXIT
export MEMPLAN_BENCH_PASSWORD=bench-pass-1
# memplan's plans and live probes run in one JVM (bench/lib/MemplanRunner.java: the jar's own command
# line, called in-process): a JVM per call cost 1.0-1.7 s of every row. Its classes come from the jar.
unzip -q "$jar" 'BOOT-INF/*' -d "$BENCH_WORK/jar"
# Two FIFOs rather than a coproc: bash's process substitution may reuse a coproc's descriptor.
mkfifo "$BENCH_WORK/memplan.in" "$BENCH_WORK/memplan.out"
# The sessions run on the server's 2 cores: at normal priority a session woke from the start gate only
# once the server's busy threads let it, 0.2 to 2.7 s after the first (the 21:26Z run's phases:
# spread_ms), so at 60 to 100 sessions only 34 to 91 were at work at once and the peaks did not meet.
# Clients on other hosts send at once; at a higher priority (as root) this one does too.
nice_client=(); [ "$(id -u)" -ne 0 ] || nice_client=(nice -n -10)
"${nice_client[@]}" java -XX:TieredStopAtLevel=1 -Xmx4g -cp "$BENCH_WORK/jar/BOOT-INF/classes:$BENCH_WORK/jar/BOOT-INF/lib/*" bench/lib/MemplanRunner.java \
  < "$BENCH_WORK/memplan.in" > "$BENCH_WORK/memplan.out" &
MEMPLAN_PID=$!
exec {memplan_in}> "$BENCH_WORK/memplan.in" {memplan_out}< "$BENCH_WORK/memplan.out"
shares=${BENCH_SHARES:-10 50 100}
capped_rows=${BENCH_CAPPED:-1}
mariadb_configs=("${configs[@]}"); [ ${#mariadb_configs[@]} -gt 0 ] || mariadb_configs=(small large medium)
# MySQL: the same configurations (BENCH_MYSQL_CONFIGS narrows them for a trial)
read -r -a mysql_configs <<< "${BENCH_MYSQL_CONFIGS:-${mariadb_configs[*]}}"
full=yes
[ "${#server_list[@]}" -eq 3 ] && [ ${#configs[@]} -eq 0 ] && [ "$BENCH_WORKLOADS" = "$BENCH_ALL_WORKLOADS" ] && [ "$shares" = "10 50 100" ] \
  && [ "$capped_rows" = 1 ] && [ "$BENCH_ROWS" = 30000 ] && [ "${BENCH_SMALL_TABLES:-2000}" = 2000 ] \
  && [ -z "${BENCH_MYSQL_CONFIGS:-}" ] && [ "${BENCH_REUSE_SERVER:-mysql}" = mysql ] || full=no
if [ $full = yes ]; then out=bench/results/matrix.txt; tsv=bench/results/matrix.tsv
else out=bench/results/matrix-partial.txt; tsv=bench/results/matrix-partial.tsv; fi
phases=${BENCH_PHASES:-${tsv%.tsv}-phases.tsv}
ram=$(awk '/^MemTotal:/ {print $2 * 1024}' /proc/meminfo)
# the projection factor the jar was built with (calibrate-projection.py re-projects from it)
projection_percent=$(unzip -p "$jar" BOOT-INF/classes/catalog/projection.tsv | awk -F'\t' '$1 == "resident_per_tracked_percent" {print $2}')
started=$(date +%s)

# MySQLTuner (Debian 12's 1.9.9) dies on MariaDB 10.11 dividing by two absent variables, and on a
# server that has written no redo yet by Innodb_log_writes = 0 (the 22:18Z run: no figures on MariaDB,
# "Illegal division by zero" in mysql_innodb): a copy with only those divisors guarded, as accuracy.sh
# does; run once per configuration at 100 %, without its password dictionary (--skippassword: on
# MariaDB it tried 620 logins, 18 of its 20 s a run; none of its memory figures depends on that).
tuner=
if command -v mysqltuner >/dev/null 2>&1; then
  tuner=$BENCH_WORK/mysqltuner
  sed -e "s/int( \$myvar{'innodb_buffer_pool_instances'} )/(int( \$myvar{'innodb_buffer_pool_instances'} \/\/ 1 ) || 1)/g" \
      -e "s/int( \$myvar{'innodb_buffer_pool_chunk_size'} )/(int( \$myvar{'innodb_buffer_pool_chunk_size'} \/\/ 1 ) || 1)/g" \
      -e "s/\/ \$mystat{'Innodb_log_writes'};/\/ (\$mystat{'Innodb_log_writes'} || 1);/" \
    "$(command -v mysqltuner)" > "$tuner"
fi

# The server the rows run on: srv_* start, stop and query it; server_name labels its rows.
server=; server_name=; profile=; probe_user=bench
srv_use() {
  server=$1
  case $server in
    mariadb) profile=mariadb-10.11; probe_user=bench; server_name=mariadb-$(mariadbd --version | awk '{print $3}' | cut -d- -f1) ;;
    mysql-5.7) profile=mysql-5.7; probe_user=$BENCH_MYSQL_PROBE_USER; BENCH_MYSQL_VERSION=5.7.22; server_name=mysql-5.7.22 ;;
    mysql-8.0) profile=mysql-8.0; probe_user=$BENCH_MYSQL_PROBE_USER; BENCH_MYSQL_VERSION=8.0.31; server_name=mysql-8.0.31 ;;
  esac
}
srv_prepare() { if [ "$server" = mariadb ]; then bench_datadir "${BENCH_SMALL_TABLES:-2000}" 2>/dev/null; else mysql_datadir "${BENCH_SMALL_TABLES:-2000}"; fi; }
srv_start() { if [ "$server" = mariadb ]; then bench_start "$@"; else mysql_start "$1"; fi; }
# MySQL's clean shutdown takes 2-4 s (216 s of the 22.6-minute run at 18:37Z; innodb_fast_shutdown = 2
# and no pool dump did not shorten it). The rows measure a started server, not a stopped one: it is
# killed, and the next start recovers from the redo log of a read-only workload.
srv_stop() {
  if [ "$server" = mariadb ]; then bench_stop; return; fi
  if [ -n "$BENCH_PID" ] && kill -0 "$BENCH_PID" 2>/dev/null; then
    kill -9 "$BENCH_PID"
    # gone, or a zombie: mysqld's parent is PID 1, which here reaps it only after a second or more
    # (kill -0 succeeds on a zombie; that wait was 79 s of the 19:04Z run on 8.0.31)
    local _ state; for _ in $(seq 1 200); do
      state=$(awk '/^State:/ {print $2}' "/proc/$BENCH_PID/status" 2>/dev/null || true)
      [ -n "$state" ] && [ "$state" != Z ] || break
      sleep 0.02
    done
  fi
  # what a clean stop removes: a later start (and the exit trap) must not take the pid for a server
  rm -f "$(mysql_work)/mysqld.pid" "$(mysql_work)/mysqld.sock" "$(mysql_work)/mysqld.sock.lock"
  BENCH_PID=
}
srv_sql() { if [ "$server" = mariadb ]; then bench_sql "$@"; else mysql_root_sql "$@"; fi; }
# what a refused statement or closed connection says: MariaDB error 1290 names max_session_mem_used;
# MySQL 4081/4082 "Connection closed. [Global c|C]onnection memory limit N bytes exceeded."
srv_refusal() { if [ "$server" = mariadb ]; then echo 'max.session.mem.used'; else echo 'onnection memory limit'; fi; }

write_config() { # name pool max_conn sort join read read_rnd tmp
  local f=$BENCH_WORK/$server-$1.cnf binlog=$BENCH_WORK/binlog
  [ "$server" = mariadb ] || binlog=$(mysql_work)/binlog
  cat > "$f" <<CNF
[mysqld]
innodb_buffer_pool_size = $2
max_connections = $3
sort_buffer_size = $4
join_buffer_size = $5
read_buffer_size = $6
read_rnd_buffer_size = $7
tmp_table_size = $8
max_heap_table_size = $8
max_allowed_packet = 64M
log_bin = $binlog
tmpdir = $BENCH_WORK/tmp
# no effect on 10.11, but MySQLTuner divides by it
innodb_buffer_pool_chunk_size = 128M
CNF
  # MySQL 5.7 refuses to start a binary log without a server id (8.0 defaults it to 1)
  [ "$server" = mariadb ] || echo "server_id = 1" >> "$f"
  # 8.0's default, said so: internal temporary tables in TempTable (temptable_max_ram, 1G)
  [ "$server" = mysql-8.0 ] && echo "internal_tmp_mem_storage_engine = TempTable" >> "$f"
  echo "$f"
}

# the interpreter itself, not pyenv's shim: the shim cost 0.7 s a call under the matrix's load, three
# calls a row (21:47Z: about 2 s of every row outside its phases)
python=$(pyenv which python3 2>/dev/null || command -v python3)
# json [-f FILE] PATH...: each PATH's value on a line of its own ("-" when absent), from standard input
# or, after -f, from FILE (one call can read several answers: each call cost a row about 0.1 s)
json() { "$python" -c 'import json,sys
def load(f):
    try:
        return json.load(f)
    except ValueError:
        return {}
args=sys.argv[1:]
d=None
while args:
    path=args.pop(0)
    if path == "-f":
        with open(args.pop(0)) as f:
            d=load(f)
        continue
    if d is None:
        d=load(sys.stdin)
    v=d
    for k in path.split("."):
        v=v.get(k) if isinstance(v,dict) else None
    v="-" if v is None or v == [] else (" | ".join(map(str,v)) if isinstance(v,list) else str(v))
    print(" ".join(v.split()) or "-")' "$@"; }

# per-phase wall time of each row (seconds, 0.1 s): phase NAME closes the phase that began at the last mark
phase_mark=; phase_log=
phase() { local now=$EPOCHREALTIME; [ -z "$phase_mark" ] || phase_log+="${phase_log:+ }$1=$(awk -v a="$phase_mark" -v b="$now" 'BEGIN { printf "%.1f", b - a }')"; phase_mark=$now; }

mib() { [ "$1" = - ] && echo - || echo $(( $1 / 1048576 )); }

ratio() { [ "$1" = - ] || [ "$2" = - ] || [ "$2" = 0 ] && echo - || awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

# Each server gets a share of the time budget in proportion to its planned rows (a server that
# finishes early leaves its rest to the next); rows past its deadline are left out and the table
# says so. The whole run stays under 20 minutes: 19 by default, the rest for the summaries (seconds).
# The full matrix needs more than that on 2 cores (bench/README.md estimates it from its phases).
budget=${BENCH_BUDGET_SECONDS:-1140}
deadline=$started
capram=-
# A group: one server start for its rows. On MariaDB a group is one row (a fresh server each time: a
# start and a stop cost it 0.4 s). On MySQL a group is the rows of one configuration and workload at
# ascending connection counts: between them the sessions end, Max_used_connections is flushed and the
# resident high-water mark is reset (clear_refs, Linux 4.0+), so VmHWM starts from what the server
# kept of the row before. That saves MySQL's 3-5 s start and stop per row, and costs what the server
# kept: on 8.0.31 tmpstorm N = 50 started 52 MiB higher and its live error moved from +10 to +9 %
# (bench/README.md, "Where the time goes").
group() { # config-name cnf max_conn workload cap(-|bytes) global-cap(-|bytes, MySQL) N...
  local name=$1 cnf=$2 maxconn=$3 workload=$4 cap=$5 gcap=$6; shift 6
  local counts=("$@") n
  local reuse=${BENCH_REUSE_SERVER:-mysql}
  [ "$reuse" != mysql ] || { [[ "$server" == mysql-* ]] && reuse=1 || reuse=0; }
  if [ "$reuse" != 1 ] && [ ${#counts[@]} -gt 1 ]; then
    for n in "${counts[@]}"; do group "$name" "$cnf" "$maxconn" "$workload" "$cap" "$gcap" "$n"; done
    return 0
  fi
  if [ "$(date +%s)" -gt "$deadline" ]; then
    for n in "${counts[@]}"; do echo "# not run (time budget): $server_name $name $workload N=$n cap=$cap" >> "$out"; done
    return 0
  fi
  local runcnf=$cnf extra=()
  if [ "$cap" != - ]; then
    runcnf=$BENCH_WORK/$server-capped-$name.cnf
    if [ "$server" = mariadb ]; then
      { cat "$cnf"; echo "max_session_mem_used = $cap"; } > "$runcnf"; extra+=(--max-session-mem-used="$cap")
    else
      { cat "$cnf"; echo "connection_memory_limit = $cap"; [ "$gcap" = - ] || printf 'global_connection_memory_limit = %s\nglobal_connection_memory_tracking = ON\n' "$gcap"; } > "$runcnf"
    fi
  fi
  phase_mark=; phase_log=; phase begin
  group_started=$EPOCHREALTIME
  if ! srv_start "$runcnf" "${extra[@]}" 2>"$BENCH_WORK/start.err"; then
    for n in "${counts[@]}"; do
      echo "# not run (the server did not start): $server_name $name $workload N=$n cap=$cap: $(tail -c 300 "$BENCH_WORK/start.err" | tr '\n' ' ')" | tee -a "$out"
    done
    srv_stop 2>/dev/null || true; return 0
  fi
  srv_sql bench -e "SELECT COUNT(*) FROM t" >/dev/null
  phase start
  local first=yes
  for n in "${counts[@]}"; do
    # a later row of the group past the deadline is left out like any other
    if [ $first = no ] && [ "$(date +%s)" -gt "$deadline" ]; then
      echo "# not run (time budget): $server_name $name $workload N=$n cap=$cap" >> "$out"; continue
    fi
    row "$name" "$runcnf" "$maxconn" "$workload" "$n" "$cap" "$gcap" $first
    first=no
  done
  phase_mark=; phase_log=; phase begin
  srv_stop
  phase stop
  # the server's stop belongs to the group's last row
  [ $first = yes ] || sed -i '$ s/$/ '"$phase_log"'/' "$phases"
}

# the bench user's sessions, ended from the server side: a SLEEP outlives its client
end_sessions() {
  local ids
  ids=$(srv_sql -N -e "SELECT ID FROM information_schema.PROCESSLIST WHERE USER = 'bench'" 2>/dev/null || true)
  [ -z "$ids" ] || printf 'KILL CONNECTION %s;\n' $ids | srv_sql --force 2>/dev/null || true
  local _
  for _ in $(seq 1 100); do
    [ "$(srv_sql -N -e "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER = 'bench'" 2>/dev/null || echo 0)" = 0 ] && return 0
    sleep 0.05
  done
}

memplan_json() { # out-file memplan-arguments...: memplan's answer (JSON), from the one JVM
  local out=$1; shift
  (IFS=$'\t'; printf '%s\t%s\n' "$out" "$*") >&"$memplan_in"
  local rc; read -r rc <&"$memplan_out"
  cat "$out"
}

sessions_cmd() { # @open|@close arguments...: MemplanRunner's session driver; prints its answer (0: all done)
  (IFS=$'\t'; printf '%s\n' "$*") >&"$memplan_in"
  local rc; read -r rc <&"$memplan_out"
  echo "$rc"
}

row() { # config-name runcnf max_conn workload n cap(-|bytes) global-cap(-|bytes, MySQL) first-of-group(yes|no)
  local name=$1 runcnf=$2 maxconn=$3 workload=$4 n=$5 cap=$6 gcap=$7 first=$8 row_started; row_started=$(date +%s)
  local sqlfile packet; sqlfile=$(bench_workload_sql "$workload" "$server"); packet=$(bench_workload_packet "$workload")
  if [ "$first" = no ]; then
    phase_mark=; phase_log=; phase begin
    srv_sql -e "FLUSH STATUS"
    bench_reset_hwm
    # the global high-water marks start again from what is held now (MySQL 8.0's instruments table)
    [ "$server" != mysql-8.0 ] || srv_sql -e "TRUNCATE TABLE performance_schema.memory_summary_global_by_event_name"
    phase reset
  fi
  local rss0; rss0=$(bench_kib VmRSS)
  # the sessions, in memplan's JVM (MemplanRunner's Sessions): N connect, start the workload at one
  # moment, and are held connected once it is done; a failed statement ends its session
  rm -f "$BENCH_WORK"/sessions.out*
  local sessions_rc; sessions_rc=$(sessions_cmd @open "$BENCH_WORK/sessions.out" "$BENCH_PORT" bench MEMPLAN_BENCH_PASSWORD "$n" "$sqlfile")
  cat "$BENCH_WORK/sessions.out.err" > "$BENCH_WORK/client.err" 2>/dev/null || : > "$BENCH_WORK/client.err"
  phase workload
  # how far the sessions overlapped (MemplanRunner): start spread, median session time, most at work at once
  phase_log+=$(awk '$1 == "spread_ms" {printf " spread_ms=%s", $2} $1 == "median_ms" {printf " median_ms=%s", $2} $1 == "concurrent" {printf " concurrent=%s", $2}' "$BENCH_WORK/sessions.out" 2>/dev/null || true)
  local live; live=$(memplan_json "$BENCH_WORK/live.json" check --live "127.0.0.1:$BENCH_PORT" --user "$probe_user" \
    --password-env MEMPLAN_BENCH_PASSWORD --ram "$ram" ${packet:+--largest-packet $packet} --format json --fail-on overcommitted)
  cp "$BENCH_WORK/live.json.err" "$BENCH_WORK/live.err"
  phase probe
  local tr=- tp=-
  if [ -n "$tuner" ] && [ "$n" = "$maxconn" ] && [ "$workload" = tmpstorm ] && [ "$cap" = - ]; then
    local tj; tj=$(perl "$tuner" --host 127.0.0.1 --port "$BENCH_PORT" --user "$probe_user" --pass "$MEMPLAN_BENCH_PASSWORD" --json --nocolor --noinfo --skippassword 2>"$BENCH_WORK/tuner.err" || true)
    tr=$(echo "$tj" | tr ',' '\n' | awk -F: '/"max_used_memory"/ && !k++ {gsub(/[^0-9]/, "", $2); print $2}'); tr=${tr:--}
    tp=$(echo "$tj" | tr ',' '\n' | awk -F: '/"max_peak_memory"/ && !k++ {gsub(/[^0-9]/, "", $2); print $2}'); tp=${tp:--}
    phase tuner
  fi
  # MySQLTuner ran but gave no memory figures (the full run of 19:48Z, on MariaDB): its last words go in the note
  local tuner_note=
  [ "$tr" != - ] || [ ! -s "$BENCH_WORK/tuner.err" ] || [ "$n" != "$maxconn" ] || [ "$workload" != tmpstorm ] || [ "$cap" != - ] \
    || tuner_note="MySQLTuner gave no figures: $(tail -2 "$BENCH_WORK/tuner.err" | tr '\t\n|' '   ' | cut -c1-160)"
  rm -f "$BENCH_WORK/tuner.err"
  local hwm; hwm=$(( $(bench_kib VmHWM) * 1024 ))
  # MySQL 8.0: the instruments' global high-water marks of the row (what was allocated at once), for
  # the projection's study: the largest 8, and the per-thread marks of the TempTable instruments summed
  if [ "$server" = mysql-8.0 ]; then
    srv_sql -N -e "SELECT '$server_name', '$name', '$workload', $n, '$cap', EVENT_NAME, HIGH_NUMBER_OF_BYTES_USED, CURRENT_NUMBER_OF_BYTES_USED
      FROM performance_schema.memory_summary_global_by_event_name ORDER BY HIGH_NUMBER_OF_BYTES_USED DESC LIMIT 8;
      SELECT '$server_name', '$name', '$workload', $n, '$cap', CONCAT('threads:', EVENT_NAME), SUM(HIGH_NUMBER_OF_BYTES_USED), SUM(CURRENT_NUMBER_OF_BYTES_USED)
      FROM performance_schema.memory_summary_by_thread_by_event_name WHERE EVENT_NAME LIKE 'memory/temptable/%' GROUP BY EVENT_NAME" \
      >> "${tsv%.tsv}-instruments.tsv" 2>/dev/null || true
  fi
  sessions_cmd @close "$BENCH_WORK/sessions.out" >/dev/null
  end_sessions
  phase end
  local refused; refused=$(grep -c "$(srv_refusal)" "$BENCH_WORK/client.err" || true)
  # sessions that failed for another reason than the cap (or did not finish) make the row say so
  local other; other=$(grep -vc "$(srv_refusal)" "$BENCH_WORK/client.err" || true)
  local sessions_note=
  [ "$sessions_rc" = 0 ] || sessions_note="sessions: not all finished (driver answered $sessions_rc)"
  [ "$other" = 0 ] || sessions_note="${sessions_note:+$sessions_note; }$other session(s) failed: $(grep -v "$(srv_refusal)" "$BENCH_WORK/client.err" | head -1 | cut -c1-120)"
  # the offline plan depends on the file, N and the packet only: planned once per combination
  local cached=$BENCH_WORK/plan-$server-$name-$n-${packet:-none}-$cap.json
  [ -f "$cached" ] || memplan_json "$cached" check --server "$profile" --ram "$ram" --expected-connections "$n" \
    ${packet:+--largest-packet $packet} --format json --fail-on overcommitted "$runcnf" >/dev/null
  phase plan
  # read stops at the end of its input, which tr leaves without a newline: its status is not an error here
  local ceiling low high capped proj projmax observed_typ observed_max maxused liveglobal missing
  [ -s "$BENCH_WORK/live.json" ] || : > "$BENCH_WORK/live.json"
  read -r ceiling low high capped proj projmax observed_typ observed_max maxused liveglobal observed_tt livebase < <(json \
    -f "$cached" totals.worstCaseBytes totals.expectedPeak.lowBytes totals.expectedPeak.highBytes totals.capped.worstCaseBytes \
    -f "$BENCH_WORK/live.json" live.observed.projectedAtMaxUsedBytes live.observed.projectedAtMaxConnectionsBytes \
    live.observed.typicalConnectionBytes live.observed.largestConnectionBytes live.maxUsedConnections live.observed.residentGlobalBytes \
    live.observed.typicalTempTableBytes live.observed.serverBaseBytes live.observed.missing > "$BENCH_WORK/figures"; head -12 "$BENCH_WORK/figures" | tr '\n' ' ') || true
  # why there is no projection: the readings of the marks, not the allocator's or the accounts' notes
  missing=$(tail -n +13 "$BENCH_WORK/figures" | sed 's/ | /\n/g' | grep -v '^version_malloc_library\|^performance_schema.accounts' | paste -sd '|' | sed 's/|/ | /g' || true)
  [ -n "$missing" ] || missing=-
  # no answer at all: the probe's own error instead
  [ -n "$live" ] || missing="probe failed: $(head -c 200 "$BENCH_WORK/live.err" | tr '\t\n' '  ')"
  [ "$proj" = - ] || missing=-
  local bound=$ceiling; [ "$cap" = - ] || bound=$capped
  local held=no; [ "$bound" != - ] && [ "$bound" -ge "$hwm" ] && held=yes
  local projerr=-; [ "$proj" != - ] && projerr=$(awk -v p="$proj" -v h="$hwm" 'BEGIN { printf "%+.0f%%", (p - h) * 100 / h }')
  local capcol=-; [ "$cap" = - ] || capcol=$(mib "$cap")M
  [ "$gcap" = - ] || capcol="$capcol/$(mib "$gcap")M"
  local note=; [ "$missing" = - ] || note=$missing
  [ -z "$sessions_note" ] || note="${note:+$note; }$sessions_note"
  [ -z "$tuner_note" ] || note="${note:+$note; }$tuner_note"
  printf '| %-13s | %-6s | %-10s | %3d | %9s | %5d | %6s | %6s | %5s | %11s | %6s | %6s | %5s | %4s | %6s | %6s | %3s | %4s | %s |\n' \
    "$server_name" "$name" "$workload" "$n" "$capcol" $((rss0 / 1024)) "$(mib "$hwm")" "$(mib "$bound")" "$(ratio "$bound" "$hwm")" \
    "$(mib "$low")–$(mib "$high")" "$(mib "$proj")" "$projerr" "$(mib "$observed_typ")" "$(mib "$observed_max")" \
    "$(mib "$tr")" "$(mib "$tp")" "$refused" "$held" "$note" | tee -a "$out"
  printf '%s\t%s\t%s\t%d\t%d\t%s\t%s\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$server_name" "$name" "$workload" "$n" "$maxconn" \
    "$cap" "$gcap" "$hwm" "$ceiling" "$capped" "$low" "$high" "$proj" "$projmax" "$observed_typ" "$observed_max" "$tr" "$tp" "$refused" \
    "$maxused" "$liveglobal" "$projection_percent" "$missing" "$(( $(date +%s) - row_started ))" "$([ "$cap" = - ] && echo - || echo "$capram")" "${observed_tt:--}" "${livebase:--}" >> "$tsv"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$server_name" "$name" "$workload" "$n" "$cap" "$phase_log" >> "$phases"
}

config_rows() { # name pool max_conn sort join read read_rnd tmp cap-host-ram
  # the cap memplan recommends for a host where this configuration's ceiling does not fit (cap-host-ram),
  # so that the cap binds; on this machine's own RAM it would be too large to refuse anything
  local name=$1 maxconn=$3 cnf; cnf=$(write_config "${@:1:8}")
  capram=$9
  local counts=() share
  for share in $shares; do
    case $share in
      10) counts+=($(( (maxconn + 5) / 10 ))) ;;
      50) counts+=($(( maxconn / 2 ))) ;;
      *) counts+=($(( maxconn * share / 100 ))) ;;
    esac
  done
  # ascending: a group's rows share one server, each starting from what the smaller one left
  read -r -a counts <<< "$(printf '%s\n' "${counts[@]}" | sort -n | uniq | tr '\n' ' ')"
  local cap=- gcap=- t0=$EPOCHREALTIME
  if [ "$capped_rows" = 1 ]; then
    read -r cap gcap < <(memplan_json "$BENCH_WORK/caps-$server-$name.json" check --server "$profile" --ram "$capram" --format json --fail-on overcommitted "$cnf" \
      | json totals.recommendedCaps.sessionCapBytes totals.recommendedCaps.globalCapBytes | tr '\n' ' ') || true
    # memplan recommends no cap where the server has none (MySQL 5.7): no capped rows there
    [ -n "$cap" ] || cap=-
    [ -n "$gcap" ] || gcap=-
  fi
  printf '%s\t%s\t-\t-\t-\tcaps=%s\n' "$server_name" "$name" "$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')" >> "$phases"
  local w
  for w in $BENCH_WORKLOADS; do
    group "$name" "$cnf" "$maxconn" "$w" - - "${counts[@]}"
    [ "$cap" = - ] || group "$name" "$cnf" "$maxconn" "$w" "$cap" "$gcap" "$maxconn"
  done
  return 0
}

config_args() { # the configurations: name pool max_conn sort join read read_rnd tmp cap-host-ram
  # cap-host-ram: the smallest host (in GiB steps) where memplan recommends caps for the configuration:
  # caps only where they let every connection run an ordinary statement and still fit the limit
  # (docs/memory-terms.md#server-side-caps). MySQL small on 2G used to get its minimums, 3M and 16M,
  # which closed 49 of 50 connections; now 2G gets none and 4G gets 20M/1020M (3G no longer fits once
  # TempTable's 1 GiB mapped overflow is counted). MariaDB small gets none on 2G and 3G (24M on 4G),
  # medium and large none on 4G and 6G (23M and 52M on 8G).
  local small_cap=4G
  case $1 in
    small)  echo small  256M 50  2M 256K 128K 256K 16M $small_cap ;;
    medium) echo medium 1G   100 2M 256K 128K 256K 16M 8G ;;
    large)  echo large  512M 60  8M 8M   1M   1M   32M 8G ;;
  esac
}

planned_rows() { # server: rows it will run (for its share of the time budget)
  local list=("${mariadb_configs[@]}") per; [ "$1" = mariadb ] || list=("${mysql_configs[@]}")
  per=$(wc -w <<< "$shares")
  [ "$capped_rows" = 1 ] && [ "$1" != mysql-5.7 ] && per=$(( per + 1 ))
  echo $(( ${#list[@]} * $(wc -w <<< "$BENCH_WORKLOADS") * per ))
}

# mysqld runs as mysql: it must reach its directories below BENCH_WORK (mktemp makes it root-only)
mkdir -p "$BENCH_WORK/tmp" && chown mysql:mysql "$BENCH_WORK" "$BENCH_WORK/tmp"
versions=; for s in "${server_list[@]}"; do srv_use "$s"; versions+="${versions:+, }$server_name"; done
{
  [ $full = yes ] || echo "# PARTIAL RUN (a smoke test, not the matrix): servers ${servers}; MariaDB configs ${mariadb_configs[*]}; MySQL configs ${mysql_configs[*]}; workloads ${BENCH_WORKLOADS}; shares ${shares} %; capped rows ${capped_rows}; server reused across a group's rows: ${BENCH_REUSE_SERVER:-mysql}"
  echo "# bench/matrix.sh — ${versions}, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, ${BENCH_ROWS} rows; sizes in MiB"
  echo "# time budget: ${budget} s (BENCH_BUDGET_SECONDS; rows past a server's share of it are listed as not run)"
  echo "# ceiling = memplan's totals.worstCaseBytes (with a cap: the capped ceiling); offline = the expected-peak range at N;"
  echo "# live = the projection at Max_used_connections from the observed high-water marks (error against peak RSS);"
  echo "# typ/max = the observed per-connection high-water marks; tuner = MySQLTuner's reached/possible (once per config);"
  echo "# cap = max_session_mem_used (MariaDB) or connection_memory_limit/global_connection_memory_limit (MySQL 8.0.31);"
  echo "# MariaDB configs: ${mariadb_configs[*]}; MySQL configs: ${mysql_configs[*]}; note = why there is no live projection."
  echo "| server | config | workload   |   N |   cap | RSS0 | peak RSS | ceiling | ceil/peak | offline range | live | live err | typ | max | tuner reached | tuner possible | refused | ceiling held | note |"
  echo "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|"
} > "$out"
printf 'server\tconfig\tworkload\tn\tcap\tphases\n' > "$phases"
printf 'server\tconfig\tworkload\tn\tmax_connections\tcap\tglobal_cap\tpeak_rss\tceiling\tcapped_ceiling\toffline_low\toffline_high\tlive_projection\tlive_projection_at_max\tobserved_typical\tobserved_largest\ttuner_reached\ttuner_possible\trefused\tmax_used_connections\tlive_global\tprojection_percent\tlive_missing\tseconds\tcap_host_ram\tobserved_temptable\tlive_base\n' > "$tsv"
# MariaDB's rows count twice in the shares: its figures are the ones memplan quotes (catalog/accuracy.tsv)
# and calibrate its projection (six or more config x workload slopes), and the budget cannot hold the
# whole matrix (bench/README.md, "Where the time goes"): with every server's three configurations
# planned, an even share would leave MariaDB about its small configuration only
weight() { if [ "$1" = mariadb ]; then echo 2; else echo 1; fi; }
total_rows=0; for s in "${server_list[@]}"; do total_rows=$(( total_rows + $(planned_rows "$s") * $(weight "$s") )); done
planned_so_far=0; timings=()
for s in "${server_list[@]}"; do
  srv_use "$s"
  planned_so_far=$(( planned_so_far + $(planned_rows "$s") * $(weight "$s") ))
  deadline=$(( started + budget * planned_so_far / total_rows ))
  server_started=$(date +%s)
  t0=$EPOCHREALTIME; srv_prepare
  printf '%s\t-\t-\t-\t-\tload=%s\n' "$server_name" "$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')" >> "$phases"
  list=("${mariadb_configs[@]}"); [ "$s" = mariadb ] || list=("${mysql_configs[@]}")
  for c in "${list[@]}"; do
    # shellcheck disable=SC2046
    config_rows $(config_args "$c")
  done
  took=$(( $(date +%s) - server_started ))
  timings+=("$server_name $(( took / 60 )) min $(( took % 60 )) s")
done
for t in "${timings[@]}"; do echo "# $t (its data directory and rows)"; done | tee -a "$out"
echo "# whole run: $(( ($(date +%s) - started) / 60 )) min $(( ($(date +%s) - started) % 60 )) s" | tee -a "$out"

# Summaries per server, from matrix.tsv: appended to the results file; after a full run also
# catalog/accuracy.tsv (MariaDB's figures, which memplan's advice quotes) and the README sections.
"$python" bench/lib/summary.py "$tsv" "$out" "$full"
