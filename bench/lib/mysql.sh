# Helpers for benchmark scripts that need a throw-away real MySQL (5.7.22 or 8.0.31, from the test
# artifacts, through bench/mysql-server.sh): sourced, not run. The same functions as mariadb.sh, for
# the MySQL version in BENCH_MYSQL_VERSION. The caller sets BENCH_PORT and BENCH_WORK; the server's
# own directory is BENCH_WORK/mysql-VERSION (data, socket, logs), removed with BENCH_WORK.

BENCH_MYSQL_PROBE_USER=memplan_probe

mysql_work() { echo "${BENCH_WORK:?}/mysql-${BENCH_MYSQL_VERSION:?}"; }

mysql_root_sql() { bench/mysql-server.sh sql "$(mysql_work)" "$@"; }

mysql_start() { # $1 = option file
  bench/mysql-server.sh start "$BENCH_MYSQL_VERSION" "$BENCH_PORT" "$1" "$(mysql_work)" >/dev/null || return
  BENCH_PID=$(bench/mysql-server.sh pid "$(mysql_work)")
}

mysql_stop() {
  [ -d "$(mysql_work)" ] && bench/mysql-server.sh stop "$(mysql_work)"
  BENCH_PID=
}

# The bench schema as bench_datadir builds it on MariaDB: the same rows (MySQL has no seq_1_to_N: a
# cross join of digits, which 5.7 runs too; up to 100,000 rows), u, the small tables, and the cursor procedure (MySQL 5.7
# has no CREATE PROCEDURE IF NOT EXISTS, so it is made here once rather than by every session).
# Users: bench runs the workloads with no administrative privilege, because MySQL exempts SUPER and
# CONNECTION_ADMIN sessions from connection_memory_limit (they would never be refused). The probe
# user has what the live-probe integration tests grant (SELECT on performance_schema) plus the
# privilege of the one connection MySQL keeps beyond max_connections (SUPER on 5.7, CONNECTION_ADMIN
# on 8.0): at 100 % every ordinary slot is taken by a session. mysql_native_password, which the
# mariadb client speaks without TLS.
mysql_datadir() { # $1 = number of small tables
  local work; work=$(mysql_work)
  [ -f "$work/.bench-loaded" ] && return 0
  local load=$BENCH_WORK/mysql-load.cnf
  printf '[mysqld]\ninnodb_buffer_pool_size=256M\ninnodb_flush_log_at_trx_commit=0\n' > "$load"
  [[ "$BENCH_MYSQL_VERSION" == 8.* ]] && echo "skip-log-bin" >> "$load"
  mysql_start "$load"
  mysql_root_sql -e "CREATE DATABASE bench; CREATE TABLE bench.t (id INT PRIMARY KEY, a INT, b INT, c VARCHAR(200), pad CHAR(100)) ENGINE=InnoDB;
    CREATE TABLE bench.digits (d INT) ENGINE=InnoDB; INSERT INTO bench.digits VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9);"
  mysql_root_sql bench -e "INSERT INTO t SELECT n, n * 7919 % 100003, n % 5000, CONCAT(MD5(n), MD5(n * 3), MD5(n * 7)), 'x'
    FROM (SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d + 1 AS n
          FROM digits a, digits b, digits c, digits e, digits f) s WHERE n <= ${BENCH_ROWS:-100000};
    DROP TABLE digits;"
  mysql_root_sql bench -e "CREATE TABLE u AS SELECT id, b FROM t WHERE id <= 2000; ANALYZE TABLE t, u;" >/dev/null
  local i
  { for i in $(seq 1 "${1:-0}"); do echo "CREATE TABLE bench.s$i (id INT PRIMARY KEY, v VARCHAR(64), w INT, KEY (w)) ENGINE=InnoDB;"; done; } | mysql_root_sql
  mysql_root_sql bench < "$(dirname "${BASH_SOURCE[0]}")/p_cursor.sql"
  local host admin=CONNECTION_ADMIN; [[ "$BENCH_MYSQL_VERSION" == 5.* ]] && admin=SUPER
  for host in localhost 127.0.0.1; do
    mysql_root_sql -e "CREATE USER 'bench'@'$host' IDENTIFIED WITH mysql_native_password BY '${MEMPLAN_BENCH_PASSWORD:?}';
      GRANT SELECT, EXECUTE ON bench.* TO 'bench'@'$host';
      CREATE USER '$BENCH_MYSQL_PROBE_USER'@'$host' IDENTIFIED WITH mysql_native_password BY '${MEMPLAN_BENCH_PASSWORD:?}';
      GRANT SELECT ON performance_schema.* TO '$BENCH_MYSQL_PROBE_USER'@'$host';
      GRANT $admin ON *.* TO '$BENCH_MYSQL_PROBE_USER'@'$host';"
  done
  mysql_stop
  # the load's clean shutdown dumped the pool's page list; the rows start with an empty pool
  rm -f "$work/data/ib_buffer_pool"
  touch "$work/.bench-loaded"
}
