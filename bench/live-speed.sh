#!/usr/bin/env bash
# Time for a live probe + plan of the local MariaDB (memplan check --live) against MySQLTuner's run
# against the same server: median of 10 runs each, same run. Usage: bench/live-speed.sh
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/memplan.jar
[ -f "$jar" ] || ./mvnw -q -B -ntp -DskipTests package
out=bench/results/live-speed.txt
mariadb --protocol=socket -uroot -e "CREATE USER IF NOT EXISTS 'memplan_bench'@'127.0.0.1' IDENTIFIED BY 'bench-only-7'; GRANT PROCESS, SELECT ON *.* TO 'memplan_bench'@'127.0.0.1';" 2>/dev/null || true
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
time_ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
export BENCH_PW=bench-only-7
memplan=$(for _ in $(seq 1 10); do time_ms java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -jar "$jar" check --live 127.0.0.1:3306 --user memplan_bench --password-env BENCH_PW --ram 16G --format json; done | median)
tuner=-
if command -v mysqltuner >/dev/null; then
  tuner=$(for _ in $(seq 1 10); do time_ms mysqltuner --host 127.0.0.1 --user memplan_bench --pass bench-only-7 --json --nocolor --noinfo --forcemem 16384; done | median)
fi
{
  echo "# bench/live-speed.sh, $(date -u +%Y-%m-%dT%H:%MZ), median of 10 wall-clock runs each (process start included)"
  echo "memplan check --live (probe + plan): ${memplan} ms"
  echo "mysqltuner --json against the same server: ${tuner} ms (Debian 12's MySQLTuner stops with 'Illegal division by zero' on MariaDB 10.11, whose innodb_buffer_pool_chunk_size is 0: this is its time to that error)"
} | tee "$out"
