#!/usr/bin/env bash
# Accuracy harness: a throw-away MariaDB per config, N connections that make every connection
# allocate its buffers at once, the server's resident memory sampled, and memplan's worst case and
# expected peak (and MySQLTuner's "maximum reached / possible") for the same config and N.
# Usage: bench/accuracy.sh   Results: bench/results/accuracy.txt   (run as root: mariadbd needs --user)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/memplan.jar
[ -f "$jar" ] || ./mvnw -q -B -ntp -DskipTests package
out=bench/results/accuracy.txt
work=$(mktemp -d /tmp/memplan-accuracy.XXXX)
port=3407
sock=$work/mysqld.sock
pid=
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

sql() { mariadb --no-defaults -S "$sock" -uroot "$@"; }

# Debian 12's MySQLTuner 1.9.9 dies with "Illegal division by zero" on MariaDB 10.11
# (innodb_buffer_pool_chunk_size = 0, no innodb_buffer_pool_instances). Run a temporary copy with
# only those two divisors guarded; its memory arithmetic is untouched. The copy lives in $work.
# It connects over TCP with its own user: with an empty password it falls back to the default socket.
tuner=
if command -v mysqltuner >/dev/null 2>&1; then
  tuner=$work/mysqltuner
  sed -e "s/int( \$myvar{'innodb_buffer_pool_instances'} )/(int( \$myvar{'innodb_buffer_pool_instances'} \/\/ 1 ) || 1)/g" \
      -e "s/int( \$myvar{'innodb_buffer_pool_chunk_size'} )/(int( \$myvar{'innodb_buffer_pool_chunk_size'} \/\/ 1 ) || 1)/g" \
    "$(command -v mysqltuner)" > "$tuner"
fi

start_server() { # $1 = config file
  rm -rf "$work/data" && mkdir -p "$work/data" && chown mysql:mysql "$work" "$work/data"
  mariadb-install-db --no-defaults --datadir="$work/data" --user=mysql --auth-root-authentication-method=normal >/dev/null 2>&1
  mariadbd --defaults-file="$1" --datadir="$work/data" --socket="$sock" --port=$port --user=mysql \
    --log-error="$work/error.log" --pid-file="$work/mysqld.pid" --skip-name-resolve --log-bin="$work/binlog" &
  pid=$!
  for _ in $(seq 1 60); do sql -e 'SELECT 1' >/dev/null 2>&1 && return 0; sleep 0.5; done
  echo "server did not start" >&2; cat "$work/error.log" >&2; exit 2
}

load_data() {
  sql -e "CREATE DATABASE bench; CREATE TABLE bench.t (id INT PRIMARY KEY, a INT, b INT, c VARCHAR(200), pad CHAR(100)) ENGINE=InnoDB;"
  # 100k rows, values unindexed on purpose; 100k distinct VARCHAR(200) keys still spill a 16M temp table
  sql bench -e "INSERT INTO t SELECT seq, seq * 7919 % 100003, seq % 5000, CONCAT(MD5(seq), MD5(seq * 3), MD5(seq * 7)), 'x' FROM seq_1_to_100000;"
  sql bench -e "CREATE TABLE u AS SELECT id, b FROM t WHERE id <= 2000; ANALYZE TABLE t, u;" >/dev/null
  sql -e "CREATE USER 'tuner'@'127.0.0.1' IDENTIFIED BY 'tuner-bench-1'; GRANT ALL ON *.* TO 'tuner'@'127.0.0.1';"
}

# each connection: a filesort bigger than sort_buffer_size, a join without an index, a GROUP BY
# temp table, and a binlogged transaction — in one session, so its buffers are live together
QUERY="SELECT id, a FROM t ORDER BY a DESC, c LIMIT 5;
SELECT COUNT(*) FROM t JOIN u ON t.a = u.b WHERE t.id < 20000;
SELECT c, COUNT(*) FROM t GROUP BY c ORDER BY 2 DESC LIMIT 3;
BEGIN; UPDATE t SET b = b + 1 WHERE id % 997 = 0; COMMIT;
SELECT SLEEP(1);"

running() { for p in "$@"; do kill -0 "$p" 2>/dev/null && return 0; done; return 1; }

rss_kib() { awk "/^$1:/ {print \$2}" "/proc/$pid/status"; }

run_config() { # name pool max_conn sort join read read_rnd tmp  -- then list of N
  local name=$1 pool=$2 maxconn=$3 sort=$4 join=$5 read=$6 rnd=$7 tmp=$8; shift 8
  local cnf=$work/config.cnf
  cat > "$cnf" <<CNF
[mysqld]
innodb_buffer_pool_size = $pool
max_connections = $maxconn
sort_buffer_size = $sort
join_buffer_size = $join
read_buffer_size = $read
read_rnd_buffer_size = $rnd
tmp_table_size = $tmp
max_heap_table_size = $tmp
log_bin = binlog
# no effect on 10.11, but MySQLTuner divides by it and dies on the default 0
innodb_buffer_pool_chunk_size = 128M
CNF
  start_server "$cnf"
  load_data
  local ram; ram=$(awk '/^MemTotal:/ {print $2 * 1024}' /proc/meminfo)
  for n in "$@"; do
    # restart between runs so VmHWM is this run's own peak
    kill "$pid"; wait "$pid" 2>/dev/null || true
    mariadbd --defaults-file="$cnf" --datadir="$work/data" --socket="$sock" --port=$port --user=mysql \
      --log-error="$work/error.log" --pid-file="$work/mysqld.pid" --skip-name-resolve --log-bin="$work/binlog" &
    pid=$!
    for _ in $(seq 1 60); do sql -e 'SELECT 1' >/dev/null 2>&1 && break; sleep 0.5; done
    sql bench -e "SELECT COUNT(*) FROM t" >/dev/null   # warm the pool like a running server
    local idle; idle=$(rss_kib VmRSS)
    local clients=()
    for i in $(seq 1 "$n"); do echo "$QUERY" | sql bench >/dev/null 2>&1 & clients+=($!); done
    local peak_used=0
    while running "${clients[@]}"; do
      used=$(sql -N -e "SHOW GLOBAL STATUS LIKE 'Memory_used'" 2>/dev/null | awk '{print $2}')
      [ -n "$used" ] && [ "$used" -gt "$peak_used" ] && peak_used=$used
      sleep 0.2
    done
    local hwm; hwm=$(rss_kib VmHWM)
    local plan; plan=$(java -jar "$jar" check --server mariadb-10.11 --ram "$ram" --expected-connections "$n" --format json \
      --fail-on overcommitted "$cnf" || true)
    local worst expected
    worst=$(echo "$plan" | awk '/"worstCaseBytes"/ && !n++ {gsub(/[^0-9]/, ""); print}')
    expected=$(echo "$plan" | awk '/"expectedPeakBytes"/ && !n++ {gsub(/[^0-9]/, ""); print}')
    local tuner_reached=- tuner_possible=-
    if [ -n "$tuner" ]; then
      local tj; tj=$(perl "$tuner" --host 127.0.0.1 --port $port --user tuner --pass tuner-bench-1 --json --nocolor --noinfo 2>/dev/null || true)
      # awk reads to the end: grep -m1 would close the pipe early and, under pipefail, fail the line
      tuner_reached=$(echo "$tj" | tr ',' '\n' | awk -F: '/"max_used_memory"/ && !n++ {gsub(/[^0-9]/, "", $2); print $2}')
      tuner_possible=$(echo "$tj" | tr ',' '\n' | awk -F: '/"max_peak_memory"/ && !n++ {gsub(/[^0-9]/, "", $2); print $2}')
    fi
    printf '| %-22s | %4d | %9d | %9d | %12d | %12d | %11d | %13s | %13s |\n' "$name" "$n" $((idle / 1024)) $((hwm / 1024)) \
      $((peak_used / 1048576)) $((expected / 1048576)) $((worst / 1048576)) \
      "$([ "$tuner_reached" = - ] || [ -z "$tuner_reached" ] && echo - || echo $((tuner_reached / 1048576)))" \
      "$([ "$tuner_possible" = - ] || [ -z "$tuner_possible" ] && echo - || echo $((tuner_possible / 1048576)))" | tee -a "$out"
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
}

{
  echo "# bench/accuracy.sh — MariaDB $(mariadbd --version | awk '{print $3}'), $(date -u +%Y-%m-%dT%H:%MZ); sizes in MiB"
  echo "| config                 |    N | idle RSS  | peak RSS (VmHWM) | peak Memory_used | memplan expected | memplan worst | tuner reached | tuner possible |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
} > "$out"
cat "$out"
run_config "small 256M/50"      256M  50  2M 256K 128K 256K 16M  10 25 49
run_config "medium 1G/200"      1G    200 2M 256K 128K 256K 16M  25 50 100
run_config "large buffers 512M" 512M  100 8M 8M   1M   1M   32M  10 25 50
