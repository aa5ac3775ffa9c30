# The workloads of the accuracy matrix and of terms.sh: one SQL file per workload, run by every
# client in one session, followed by a pause so the live probe can read the connections' high-water
# marks while they are still connected. Sourced, not run; needs BENCH_WORK.

BENCH_ALL_WORKLOADS="filesort join tmpstorm multitemp bigpacket prepared opentables idle"
# a smoke run may name fewer (BENCH_WORKLOADS=tmpstorm)
BENCH_WORKLOADS=${BENCH_WORKLOADS:-$BENCH_ALL_WORKLOADS}

# prints the path of the SQL file for workload $1 on server $2 (mariadb, mysql-5.7, mysql-8.0);
# generated ones are written once into BENCH_WORK. Where MySQL needs other syntax for the same
# intent, the workload has a variant: W.mysql-5.7.sql or W.mysql.sql (every MySQL), else W.sql.
bench_workload_sql() {
  local dir; dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/../workloads" && pwd)
  local server=${2:-mariadb}
  case $1 in
    bigpacket)
      local f=$BENCH_WORK/bigpacket.sql
      # a statement received and a result sent, both through the network buffer: 16 MiB and 30 MB
      # (terms.sh, projection-terms.sh); the matrix sets 4 MiB and 8 MB to fit its 20 minutes
      [ -f "$f" ] || { printf "SELECT LENGTH('%s') AS received;\n" "$(head -c "${BENCH_STATEMENT_BYTES:-16777216}" /dev/zero | tr '\0' z)"
        echo "SELECT REPEAT('y', ${BENCH_RESULT_BYTES:-30000000}) AS big;"; } > "$f"
      echo "$f" ;;
    opentables)
      local f=$BENCH_WORK/opentables.sql
      # every small table opened once, one a statement, or BENCH_TABLES_PER_STATEMENT to a UNION ALL
      # (the matrix: 40; 2,000 statements a session cost more round trips than the server's own work)
      [ -f "$f" ] || seq 1 "${BENCH_SMALL_TABLES:-2000}" | awk -v k="${BENCH_TABLES_PER_STATEMENT:-1}" \
        '{ printf "%sSELECT COUNT(*) FROM s%d", (NR % k == 1 || k == 1 ? "" : " UNION ALL "), $1 } NR % k == 0 { print ";" } END { if (NR % k) print ";" }' > "$f"
      echo "$f" ;;
    join)
      # the join without an index reads t.id < 20,000 against u's 2,000 rows; the matrix reads fewer
      # (BENCH_JOIN_IDS=2000: the same buffered u, a tenth of the scan)
      if [ -z "${BENCH_JOIN_IDS:-}" ]; then echo "$dir/join.sql"; return; fi
      local f=$BENCH_WORK/join.sql
      [ -f "$f" ] || echo "SELECT COUNT(*) FROM t JOIN u ON t.a = u.b WHERE t.id < $BENCH_JOIN_IDS;" > "$f"
      echo "$f" ;;
    *)
      if [ -f "$dir/$1.$server.sql" ]; then echo "$dir/$1.$server.sql"
      elif [[ "$server" == mysql-* ]] && [ -f "$dir/$1.mysql.sql" ]; then echo "$dir/$1.mysql.sql"
      else echo "$dir/$1.sql"; fi ;;
  esac
}

# the largest packet the workload sends or receives, for memplan's network-buffer assumption
bench_workload_packet() { case $1 in bigpacket) echo "${BENCH_PACKET:-32M}" ;; *) echo "" ;; esac; }
