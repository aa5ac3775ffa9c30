#!/usr/bin/env bash
# Load and soak (after a 20 s warm-up): three runs of 60 s of wrk at 64 connections mixing the plan API, the report page
# (a new report each time) and a my.cnf import; zero errors expected, and the heap after a full GC must not
# grow run to run beyond the page cache's bound (memplan.page-cache.max-bytes, 32 MiB).
# Usage: bench/soak.sh [seconds]   Results: bench/results/soak.txt
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
port=18090
jar=target/memplan.jar
[ -f "$jar" ] || ./mvnw -q -B -ntp -DskipTests package
out=bench/results/soak.txt
java -XX:+UseSerialGC -Xss512k -XX:MaxRAMPercentage=50 -jar "$jar" --server.port=$port --logging.level.root=WARN >/tmp/memplan-soak.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do sleep 0.1; done
# warm-up, not recorded: the first seconds of JIT compilation would otherwise time out a few requests
wrk -t2 -c64 -d20s -s bench/mixed.lua "http://127.0.0.1:$port/" > /dev/null
echo "# bench/soak.sh: wrk -t2 -c64 -d${seconds}s, bench/mixed.lua (plan API, report page, my.cnf import), $(date -u +%Y-%m-%dT%H:%MZ)" > "$out"
for run in 1 2 3; do
  wrk -t2 -c64 -d"${seconds}s" --latency -s bench/mixed.lua "http://127.0.0.1:$port/" > /tmp/wrk-soak.txt
  jcmd $pid GC.run >/dev/null
  sleep 1
  # sum "used NNNK" over the generations
  heap=$(jcmd $pid GC.heap_info | grep -o 'used [0-9]*K' | awk '{sub("K","",$2); s+=$2} END {printf "%.1f MiB", s/1024}')
  errors=$(grep -E "Non-2xx|Socket errors" /tmp/wrk-soak.txt | tr '\n' ' ' || true)
  echo "run $run: $(awk '/Requests\/sec/ {print $2}' /tmp/wrk-soak.txt) req/s, p50 $(awk '$1=="50%" {print $2}' /tmp/wrk-soak.txt), p99 $(awk '$1=="99%" {print $2}' /tmp/wrk-soak.txt), heap used after full GC: $heap, RSS $(awk '/^VmRSS:/ {print $2 / 1024 " MiB"}' /proc/$pid/status), errors: ${errors:-none}" | tee -a "$out"
done
