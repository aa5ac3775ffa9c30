#!/usr/bin/env bash
# Side by side in one run: the report page and POST /api/v1/plan of two commits (default: the commit
# before the application layer, and HEAD), alternating A B A B so that the machine's drift hits both.
# Usage: bench/http-compare.sh [refA] [refB] [seconds]   Results: bench/results/http-compare.txt
set -euo pipefail
cd "$(dirname "$0")/.."
refA=${1:-6792522}
refB=${2:-HEAD}
seconds=${3:-10}
port=18090
out=bench/results/http-compare.txt
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }

build() { # ref -> jar path, built once in a throw-away worktree
  local ref=$1 dir=target/compare/src-$1 jar=target/compare/memplan-$1.jar
  if [ ! -f "$jar" ]; then
    rm -rf "$dir"; mkdir -p target/compare
    git worktree add --detach "$dir" "$ref" >/dev/null 2>&1
    (cd "$dir" && ./mvnw -q -B -ntp -o -DskipTests package >/dev/null)
    cp "$dir/target/memplan.jar" "$jar"
    git worktree remove --force "$dir" >/dev/null 2>&1 || true
  fi
  echo "$jar"
}

measure() { # label jar
  local label=$1 jar=$2 pid
  java -jar "$jar" --server.port=$port --logging.level.root=WARN >/tmp/memplan-compare.log 2>&1 &
  pid=$!
  for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
  kill -0 $pid 2>/dev/null || { echo "$label did not start: $(tail -3 /tmp/memplan-compare.log)" >&2; exit 1; }
  wrk -t2 -c32 -d10s -s bench/plan.lua "http://127.0.0.1:$port/api/v1/plan" >/dev/null
  wrk -t2 -c32 -d10s -s bench/distinct.lua "http://127.0.0.1:$port/" >/dev/null
  local api page fresh
  api=$(wrk -t2 -c32 -d"${seconds}s" -s bench/plan.lua "http://127.0.0.1:$port/api/v1/plan" | awk '/Requests\/sec/ {print $2}')
  page=$(wrk -t2 -c32 -d"${seconds}s" "http://127.0.0.1:$port/?server=mysql-8.0&hostRam=16G&max_connections=500" | awk '/Requests\/sec/ {print $2}')
  fresh=$(wrk -t2 -c32 -d"${seconds}s" -s bench/distinct.lua "http://127.0.0.1:$port/" | awk '/Requests\/sec/ {print $2}')
  kill $pid; wait $pid 2>/dev/null || true
  printf '%-28s POST /api/v1/plan %9s req/s | page, one permalink %9s req/s | page, a new report each %8s req/s\n' "$label" "$api" "$page" "$fresh" | tee -a "$out"
}

jarA=$(build "$refA"); jarB=$(build "$(git rev-parse --short "$refB")")
echo "# bench/http-compare.sh on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ): A = $refA, B = $(git rev-parse --short "$refB"); wrk -t2 -c32 ${seconds}s after 20 s warm-up, A B A B" > "$out"
measure "A $refA (run 1)" "$jarA"
measure "B $(git rev-parse --short "$refB") (run 1)" "$jarB"
measure "A $refA (run 2)" "$jarA"
measure "B $(git rev-parse --short "$refB") (run 2)" "$jarB"
