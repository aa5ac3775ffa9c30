#!/usr/bin/env bash
# Throughput of POST /api/v1/plan and of the report page under wrk, start time and resident memory,
# for the default JVM and for the lean flags with class-data sharing (bench/README.md#jvm-flags). The report page is
# measured twice: one permalink asked again and again (answered by the page cache after the first
# render) and a page never asked for before on every request (bench/distinct.lua: plan + full render).
# Usage: bench/http.sh [seconds per run]   Results: bench/results/http.txt
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
warmup=${WARMUP:-15}
port=18080
jar=target/memplan.jar
[ -f "$jar" ] || ./mvnw -q -B -ntp -DskipTests package
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
out=bench/results/http.txt
cds=target/memplan.jsa

rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }

run() {
  local name=$1; shift
  local start end pid
  start=$(date +%s%N)
  java "$@" -jar "$jar" --server.port=$port --logging.level.root=WARN >/tmp/memplan-bench.log 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do sleep 0.05; done
  end=$(date +%s%N)
  local rss_start; rss_start=$(rss_kib $pid)
  # warm-up (not recorded): the JIT needs ~30 s of load before the figures settle
  wrk -t2 -c32 -d"${warmup}s" -s bench/plan.lua "http://127.0.0.1:$port/api/v1/plan" > /dev/null
  wrk -t2 -c32 -d"${warmup}s" -s bench/distinct.lua "http://127.0.0.1:$port/" > /dev/null
  wrk -t2 -c32 -d"${seconds}s" --latency -s bench/plan.lua "http://127.0.0.1:$port/api/v1/plan" > /tmp/wrk-api.txt
  wrk -t2 -c32 -d"${seconds}s" --latency "http://127.0.0.1:$port/?server=mysql-8.0&hostRam=16G&max_connections=500" > /tmp/wrk-page.txt
  wrk -t2 -c32 -d"${seconds}s" --latency -s bench/distinct.lua "http://127.0.0.1:$port/" > /tmp/wrk-fresh.txt
  local rss_load; rss_load=$(rss_kib $pid)
  kill $pid; wait $pid 2>/dev/null || true
  {
    echo "== $name ($*)"
    echo "start to first answer: $(( (end - start) / 1000000 )) ms; RSS after start: $((rss_start / 1024)) MiB; after load: $((rss_load / 1024)) MiB"
    echo "POST /api/v1/plan: $(awk '/Requests\/sec/ {print $2}' /tmp/wrk-api.txt) req/s, p50 $(awk '$1=="50%" {print $2}' /tmp/wrk-api.txt), p99 $(awk '$1=="99%" {print $2}' /tmp/wrk-api.txt), errors: $(grep -c 'Non-2xx\|Socket errors' /tmp/wrk-api.txt || true)"
    echo "GET report page, one permalink again: $(awk '/Requests\/sec/ {print $2}' /tmp/wrk-page.txt) req/s, p50 $(awk '$1=="50%" {print $2}' /tmp/wrk-page.txt), p99 $(awk '$1=="99%" {print $2}' /tmp/wrk-page.txt), errors: $(grep -c 'Non-2xx\|Socket errors' /tmp/wrk-page.txt || true)"
    echo "GET report page, a new report each:   $(awk '/Requests\/sec/ {print $2}' /tmp/wrk-fresh.txt) req/s, p50 $(awk '$1=="50%" {print $2}' /tmp/wrk-fresh.txt), p99 $(awk '$1=="99%" {print $2}' /tmp/wrk-fresh.txt), errors: $(grep -c 'Non-2xx\|Socket errors' /tmp/wrk-fresh.txt || true)"
  } | tee -a "$out"
}

echo "# bench/http.sh on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), wrk -t2 -c32 -d${seconds}s after ${warmup}s warm-up per endpoint" > "$out"
run "default JVM"
# class-data sharing archive, written once by a training run
if [ ! -f "$cds" ]; then
  java -XX:ArchiveClassesAtExit="$cds" -jar "$jar" --server.port=$port --logging.level.root=WARN >/dev/null 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do sleep 0.1; done
  curl -s -o /dev/null "http://127.0.0.1:$port/?server=mysql-8.0&hostRam=16G"
  curl -s -o /dev/null -X POST -H 'Content-Type: application/json' -d '{"hostRam":"16G"}' "http://127.0.0.1:$port/api/v1/plan"
  kill $pid; wait $pid 2>/dev/null || true
fi
run "lean: SerialGC, CDS archive" -XX:+UseSerialGC -XX:SharedArchiveFile="$cds" -Xss512k -XX:MaxRAMPercentage=50
