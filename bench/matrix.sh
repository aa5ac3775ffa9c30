#!/usr/bin/env bash
# The accuracy matrix (successor of accuracy.sh): workloads × configurations × connection counts
# (about 10, 50 and 100 % of max_connections) on a throw-away MariaDB, and at 100 % once more with
# the session cap memplan recommends. Each row starts the server afresh, runs the workload in N
# sessions at once, holds them connected, reads them with memplan's live probe (observed high-water
# marks and the projection), then takes the server's resident high-water mark (VmHWM) from /proc.
# memplan plans the same option file offline (ceiling, expected-peak range, capped ceiling).
# Usage (as root, holding the build lock for the whole run, under 20 minutes on 2 cores):
#   flock /tmp/memplan-build.lock bench/matrix.sh [CONFIG...]
# Results: bench/results/matrix.txt (table) and bench/results/matrix.tsv (the same, for tools and tests)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/memplan.jar
[ -f "$jar" ] || ./mvnw -q -B -ntp -DskipTests package
export BENCH_PORT=${BENCH_PORT:-16002}
export BENCH_WORK; BENCH_WORK=$(mktemp -d /tmp/memplan-matrix.XXXX)
export BENCH_ROWS=${BENCH_ROWS:-30000}
source bench/lib/mariadb.sh
source bench/lib/workloads.sh
source bench/lib/readme.sh
trap 'bench_stop; rm -rf "$BENCH_WORK"' EXIT
out=bench/results/matrix.txt
tsv=bench/results/matrix.tsv
ram=$(awk '/^MemTotal:/ {print $2 * 1024}' /proc/meminfo)
export MEMPLAN_BENCH_PASSWORD=bench-pass-1
started=$(date +%s)

# MySQLTuner (Debian 12's 1.9.9) dies on MariaDB 10.11 dividing by two absent variables: a copy with
# only those divisors guarded, as accuracy.sh does; run once per configuration at 100 %.
tuner=
if command -v mysqltuner >/dev/null 2>&1; then
  tuner=$BENCH_WORK/mysqltuner
  sed -e "s/int( \$myvar{'innodb_buffer_pool_instances'} )/(int( \$myvar{'innodb_buffer_pool_instances'} \/\/ 1 ) || 1)/g" \
      -e "s/int( \$myvar{'innodb_buffer_pool_chunk_size'} )/(int( \$myvar{'innodb_buffer_pool_chunk_size'} \/\/ 1 ) || 1)/g" \
    "$(command -v mysqltuner)" > "$tuner"
fi

write_config() { # name pool max_conn sort join read read_rnd tmp
  local f=$BENCH_WORK/$1.cnf
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
log_bin = $BENCH_WORK/binlog
tmpdir = $BENCH_WORK/tmp
# no effect on 10.11, but MySQLTuner divides by it
innodb_buffer_pool_chunk_size = 128M
CNF
  echo "$f"
}

json() { python3 -c 'import json,sys
d=json.load(sys.stdin)
for path in sys.argv[1:]:
    v=d
    for k in path.split("."):
        v=v.get(k) if isinstance(v,dict) else None
    print("-" if v is None else (",".join(map(str,v)) if isinstance(v,list) else v))' "$@"; }

mib() { [ "$1" = - ] && echo - || echo $(( $1 / 1048576 )); }

ratio() { [ "$1" = - ] || [ "$2" = - ] || [ "$2" = 0 ] && echo - || awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

row() { # config-name cnf max_conn workload n cap(-|bytes)
  local name=$1 cnf=$2 maxconn=$3 workload=$4 n=$5 cap=$6
  # the whole run stays under 20 minutes: rows past 18 minutes are left out, and the table says so
  if [ $(( $(date +%s) - started )) -gt "${BENCH_BUDGET_SECONDS:-1080}" ]; then
    echo "# not run (time budget): $name $workload N=$n cap=$cap" >> "$out"; return 0
  fi
  local sqlfile packet; sqlfile=$(bench_workload_sql "$workload"); packet=$(bench_workload_packet "$workload")
  local extra=(); [ "$cap" = - ] || extra+=(--max-session-mem-used="$cap")
  bench_start "$cnf" "${extra[@]}" 2>/dev/null
  bench_sql bench -e "SELECT COUNT(*) FROM t" >/dev/null
  local rss0; rss0=$(bench_kib VmRSS)
  : > "$BENCH_WORK/client.err"
  local clients=() i
  for i in $(seq 1 "$n"); do
    { cat "$sqlfile"; echo "SELECT SLEEP(600);"; } | mariadb --no-defaults --max-allowed-packet=1G -h 127.0.0.1 -P "$BENCH_PORT" \
      -ubench -p"$MEMPLAN_BENCH_PASSWORD" bench >/dev/null 2>>"$BENCH_WORK/client.err" &
    clients+=($!)
  done
  # wait until every session has finished its workload (it sleeps, or it failed and left)
  local waited=0 sleeping
  while :; do
    sleeping=$(bench_sql -N -e "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE INFO LIKE 'SELECT SLEEP(600)%'" 2>/dev/null || echo 0)
    local alive=0 p; for p in "${clients[@]}"; do kill -0 "$p" 2>/dev/null && alive=$((alive + 1)); done
    [ "$sleeping" -ge "$alive" ] && break
    waited=$((waited + 1)); [ "$waited" -gt 600 ] && break
    sleep 0.2
  done
  local live; live=$(java -XX:TieredStopAtLevel=1 -jar "$jar" check --live "127.0.0.1:$BENCH_PORT" --user bench \
    --password-env MEMPLAN_BENCH_PASSWORD --ram "$ram" ${packet:+--largest-packet $packet} --format json --fail-on overcommitted 2>/dev/null || true)
  local tr=- tp=-
  if [ -n "$tuner" ] && [ "$n" = "$maxconn" ] && [ "$workload" = tmpstorm ] && [ "$cap" = - ]; then
    local tj; tj=$(perl "$tuner" --host 127.0.0.1 --port "$BENCH_PORT" --user bench --pass "$MEMPLAN_BENCH_PASSWORD" --json --nocolor --noinfo 2>/dev/null || true)
    tr=$(echo "$tj" | tr ',' '\n' | awk -F: '/"max_used_memory"/ && !k++ {gsub(/[^0-9]/, "", $2); print $2}'); tr=${tr:--}
    tp=$(echo "$tj" | tr ',' '\n' | awk -F: '/"max_peak_memory"/ && !k++ {gsub(/[^0-9]/, "", $2); print $2}'); tp=${tp:--}
  fi
  local hwm; hwm=$(( $(bench_kib VmHWM) * 1024 ))
  bench_stop
  wait "${clients[@]}" 2>/dev/null || true
  local refused; refused=$(grep -c 'max.session.mem.used' "$BENCH_WORK/client.err" || true)
  local plancnf=$cnf
  if [ "$cap" != - ]; then plancnf=$BENCH_WORK/capped-$name.cnf; { cat "$cnf"; echo "max_session_mem_used = $cap"; } > "$plancnf"; fi
  # the offline plan depends on the file, N and the packet only: planned once per combination
  local cached=$BENCH_WORK/plan-$name-$n-${packet:-none}-$cap.json
  [ -f "$cached" ] || java -XX:TieredStopAtLevel=1 -jar "$jar" check --server mariadb-10.11 --ram "$ram" --expected-connections "$n" \
    ${packet:+--largest-packet $packet} --format json --fail-on overcommitted "$plancnf" > "$cached" 2>/dev/null || true
  local plan; plan=$(cat "$cached")
  # read stops at the end of its input, which tr leaves without a newline: its status is not an error here
  local ceiling low high capped proj projmax observed_typ observed_max
  read -r ceiling low high capped < <(echo "$plan" | json totals.worstCaseBytes totals.expectedPeak.lowBytes totals.expectedPeak.highBytes totals.capped.worstCaseBytes | tr '\n' ' ') || true
  read -r proj projmax observed_typ observed_max < <(echo "$live" | json live.observed.projectedAtMaxUsedBytes live.observed.projectedAtMaxConnectionsBytes \
    live.observed.typicalConnectionBytes live.observed.largestConnectionBytes | tr '\n' ' ') || true
  local bound=$ceiling; [ "$cap" = - ] || bound=$capped
  local held=no; [ "$bound" != - ] && [ "$bound" -ge "$hwm" ] && held=yes
  local projerr=-; [ "$proj" != - ] && projerr=$(awk -v p="$proj" -v h="$hwm" 'BEGIN { printf "%+.0f%%", (p - h) * 100 / h }')
  local capcol=-; [ "$cap" = - ] || capcol=$(mib "$cap")M
  printf '| %-6s | %-10s | %3d | %5s | %5d | %6s | %6s | %5s | %11s | %6s | %6s | %5s | %4s | %6s | %6s | %3s | %7s |\n' \
    "$name" "$workload" "$n" "$capcol" $((rss0 / 1024)) "$(mib "$hwm")" "$(mib "$bound")" "$(ratio "$bound" "$hwm")" \
    "$(mib "$low")–$(mib "$high")" "$(mib "$proj")" "$projerr" "$(mib "$observed_typ")" "$(mib "$observed_max")" \
    "$(mib "$tr")" "$(mib "$tp")" "$refused" "$held" | tee -a "$out"
  printf '%s\t%s\t%d\t%d\t%s\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$workload" "$n" "$maxconn" "$cap" "$hwm" "$ceiling" \
    "$capped" "$low" "$high" "$proj" "$projmax" "$observed_typ" "$observed_max" "$tr" "$tp" "$refused" >> "$tsv"
}

config_rows() { # name pool max_conn sort join read read_rnd tmp cap-host-ram
  # the cap memplan recommends for a host where this configuration's ceiling does not fit (cap-host-ram),
  # so that the cap binds; on this machine's own RAM it would be too large to refuse anything
  local name=$1 maxconn=$3 capram=$9 cnf; cnf=$(write_config "${@:1:8}")
  local ten=$(( (maxconn + 5) / 10 )) half=$(( maxconn / 2 ))
  local cap; cap=$(java -XX:TieredStopAtLevel=1 -jar "$jar" check --server mariadb-10.11 --ram "$capram" --format json --fail-on overcommitted "$cnf" 2>/dev/null \
    | json totals.recommendedCaps.sessionCapBytes || true)
  local w
  for w in $BENCH_WORKLOADS; do
    row "$name" "$cnf" "$maxconn" "$w" "$ten" -
    row "$name" "$cnf" "$maxconn" "$w" "$half" -
    row "$name" "$cnf" "$maxconn" "$w" "$maxconn" -
    [ -n "$cap" ] && [ "$cap" != - ] && row "$name" "$cnf" "$maxconn" "$w" "$maxconn" "$cap"
  done
}

bench_datadir "${BENCH_SMALL_TABLES:-2000}" 2>/dev/null
mkdir -p "$BENCH_WORK/tmp" && chown mysql:mysql "$BENCH_WORK/tmp"
{
  echo "# bench/matrix.sh — MariaDB $(mariadbd --version | awk '{print $3}'), $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, ${BENCH_ROWS} rows; sizes in MiB"
  echo "# ceiling = memplan's totals.worstCaseBytes (with a cap: the capped ceiling); offline = the expected-peak range at N;"
  echo "# live = the projection at Max_used_connections from the observed high-water marks (error against peak RSS);"
  echo "# typ/max = the observed per-connection high-water marks; tuner = MySQLTuner's reached/possible (once per config)."
  echo "| config | workload   |   N |   cap | RSS0 | peak RSS | ceiling | ceil/peak | offline range | live | live err | typ | max | tuner reached | tuner possible | refused | ceiling held |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
} > "$out"
printf 'config\tworkload\tn\tmax_connections\tcap\tpeak_rss\tceiling\tcapped_ceiling\toffline_low\toffline_high\tlive_projection\tlive_projection_at_max\tobserved_typical\tobserved_largest\ttuner_reached\ttuner_possible\trefused\n' > "$tsv"
configs=("$@"); [ ${#configs[@]} -gt 0 ] || configs=(small large medium)
for c in "${configs[@]}"; do
  case $c in
    small)  config_rows small  256M 50  2M 256K 128K 256K 16M 2G ;;
    medium) config_rows medium 1G   100 2M 256K 128K 256K 16M 4G ;;
    large)  config_rows large  512M 60  8M 8M   1M   1M   32M 4G ;;
  esac
done
echo "# whole run: $(( ($(date +%s) - started) / 60 )) min $(( ($(date +%s) - started) % 60 )) s" | tee -a "$out"

# Summary, from matrix.tsv: what the README and memplan's advice quote (copied to
# src/main/resources/catalog/accuracy.tsv; ReadmeFiguresTests checks the README against it).
summary=$(awk -F'\t' 'NR > 1 {
    peak = $6; bound = ($5 == "-") ? $7 : $8
    if ($5 == "-") {
      runs++; if ($7 != "-" && $7 + 0 >= peak + 0) held++
      r = $7 / peak; if (min == "" || r < min) min = r; if (r > max) max = r
      if ($9 != "-" && $9 + 0 <= peak + 0 && peak + 0 <= $10 + 0) inrange++
      if ($4 > 0 && $3 * 2 >= $4 && $11 != "-") { live++; e = ($11 - peak) * 100 / peak; if (e <= 25 && e >= -25) within++
        if (emin == "" || e < emin) emin = e; if (emax == "" || e > emax) emax = e }
    } else {
      capped++; if ($8 != "-" && $8 + 0 >= peak + 0) cheld++; refused += $17
    }
  }
  END {
    printf "runs\t%d\n", runs; printf "ceiling_held\t%d\n", held
    printf "ceiling_over_peak_min\t%.2f\n", min; printf "ceiling_over_peak_max\t%.2f\n", max
    printf "offline_range_held\t%d\n", inrange
    printf "live_rows_at_half_or_more\t%d\n", live; printf "live_within_25_percent\t%d\n", within
    printf "live_error_min_percent\t%+.0f\n", emin; printf "live_error_max_percent\t%+.0f\n", emax
    printf "capped_runs\t%d\n", capped; printf "capped_ceiling_held\t%d\n", cheld; printf "statements_refused_by_cap\t%d\n", refused
  }' "$tsv")
{
  echo
  echo "## Summary (copied to src/main/resources/catalog/accuracy.tsv)"
  echo "$summary" | sed 's/^/    /'
} | tee -a "$out"
{
  echo "# Written by bench/matrix.sh from bench/results/matrix.tsv; do not edit by hand (ReadmeFiguresTests compares them)."
  echo "$summary"
} > src/main/resources/catalog/accuracy.tsv
bench_write_readme
