#!/usr/bin/env bash
# The fleet scanner at scale: 500 inventory targets pointing at two real servers (the local MariaDB
# on 3306 and a throw-away mariadbd on 18310 with max_connections = 3000), scanned with
# memplan.fleet.concurrency 16 and 64. Per run: the first scan (cold JIT) and a second one on
# demand (POST /api/v1/fleet/scan), both read from memplan_fleet_scan_duration_seconds; the heap
# right after the scan and after a full GC (jcmd), from /actuator/prometheus and jcmd; RSS from /proc.
# Usage (root: mariadbd needs --user): flock /tmp/memplan-build.lock bench/fleet.sh [targets]
# Results: bench/results/fleet.txt
set -euo pipefail
cd "$(dirname "$0")/.."
targets=${1:-500}
port=18080
spare_port=18310
jar=target/memplan.jar
[ -f "$jar" ] || ./mvnw -q -B -ntp -DskipTests package
out=bench/results/fleet.txt
work=$(mktemp -d /tmp/memplan-fleet-bench-XXXX)
user=memplan_fleet_bench
password="Fleet-Bench-$RANDOM$RANDOM"
spare_pid=""
app_pid=""

cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$spare_pid" ] && kill "$spare_pid" 2>/dev/null || true
  [ -n "$spare_pid" ] && wait "$spare_pid" 2>/dev/null || true
  mariadb --protocol=socket -uroot -e "DROP USER IF EXISTS '$user'@'127.0.0.1'" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# the spare server: another configuration, so half the fleet is OVERCOMMITTED on the same RAM
mkdir -p "$work/data" && chown -R mysql:mysql "$work"
mariadb-install-db --no-defaults --datadir="$work/data" --user=mysql --auth-root-authentication-method=socket >/dev/null 2>&1
mariadbd --no-defaults --datadir="$work/data" --socket="$work/spare.sock" --port=$spare_port --bind-address=127.0.0.1 \
  --user=mysql --log-error="$work/spare.log" --pid-file="$work/spare.pid" --skip-name-resolve \
  --innodb-buffer-pool-size=32M --performance-schema=OFF --max-connections=3000 &
spare_pid=$!
for _ in $(seq 1 60); do mariadb --no-defaults --protocol=socket --socket="$work/spare.sock" -uroot -e 'SELECT 1' >/dev/null 2>&1 && break; sleep 0.5; done
# a login-only user on both servers
for sock in /run/mysqld/mysqld.sock "$work/spare.sock"; do
  mariadb --no-defaults --protocol=socket --socket="$sock" -uroot -e \
    "CREATE USER IF NOT EXISTS '$user'@'127.0.0.1' IDENTIFIED BY '$password'; ALTER USER '$user'@'127.0.0.1' IDENTIFIED BY '$password'"
done
printf '%s' "$password" > "$work/password" && chmod 600 "$work/password"

{
  echo "defaults: {user: $user, passwordFile: password, hostRam: 16G}"
  echo "targets:"
  for i in $(seq 1 "$targets"); do
    if [ $((i % 2)) -eq 0 ]; then p=3306; role=local; else p=$spare_port; role=spare; fi
    echo "  - {name: db$i, host: 127.0.0.1, port: $p, labels: {role: $role, rack: r$((i % 10))}}"
  done
} > "$work/fleet.yml"

rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }
# sum of a metric's samples whose line starts with $1 (label values may hold spaces: the value is the last field)
metric() { curl -s "http://127.0.0.1:$port/actuator/prometheus" | awk -v m="$1" 'index($0, m) == 1 {sum += $NF} END {printf "%.0f", sum}'; }
scan_seconds() { curl -s "http://127.0.0.1:$port/actuator/prometheus" | awk '$1 == "memplan_fleet_scan_duration_seconds" {print $NF}'; }
idle() { curl -s "http://127.0.0.1:$port/api/v1/fleet" | grep -q '"scanning":false' && curl -s "http://127.0.0.1:$port/api/v1/fleet" | grep -q '"scannedAt":"'; }
up_count() { curl -s "http://127.0.0.1:$port/actuator/prometheus" | awk '$1 ~ /^memplan_target_up/ {sum += $NF} END {print sum}'; }

echo "# bench/fleet.sh on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ): $targets targets (half the local MariaDB, half a spare mariadbd), default JVM" > "$out"
for concurrency in 16 64; do
  java -jar "$jar" --server.port=$port --logging.level.root=WARN --memplan.fleet.inventory="$work/fleet.yml" \
    --memplan.fleet.concurrency=$concurrency --memplan.fleet.interval=1h >"$work/app.log" 2>&1 &
  app_pid=$!
  until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do sleep 0.1; done
  until idle; do sleep 0.2; done
  first=$(scan_seconds)
  curl -s -X POST "http://127.0.0.1:$port/api/v1/fleet/scan" >/dev/null
  sleep 0.5
  until idle; do sleep 0.2; done
  second=$(scan_seconds)
  heap=$(metric 'jvm_memory_used_bytes{area="heap"')
  rss=$(rss_kib $app_pid)
  jcmd $app_pid GC.run >/dev/null
  sleep 1
  heap_gc=$(metric 'jvm_memory_used_bytes{area="heap"')
  up=$(up_count)
  kill $app_pid; wait $app_pid 2>/dev/null || true
  app_pid=""
  printf 'concurrency %3d: first scan %6.2f s, second scan %6.2f s (%d of %d targets up); heap after the scan %d MiB, after full GC %d MiB; RSS %d MiB\n' \
    "$concurrency" "$first" "$second" "$up" "$targets" $((heap / 1048576)) $((heap_gc / 1048576)) $((rss / 1024)) | tee -a "$out"
done
