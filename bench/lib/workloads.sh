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
      # a 4 MiB statement received and an 8 MB result sent: both pass through the network buffer (the
      # matrix's sizes, to fit its 20 minutes; bench/workloads/bigresult.sql's 30 MB is terms.sh's and
      # projection-terms.sh's)
      [ -f "$f" ] || { printf "SELECT LENGTH('%s') AS received;\n" "$(head -c 4194304 /dev/zero | tr '\0' z)"; echo "SELECT REPEAT('y', 8000000) AS big;"; } > "$f"
      echo "$f" ;;
    opentables)
      local f=$BENCH_WORK/opentables.sql
      # every small table opened once, 40 to a statement (a UNION ALL): 2,000 statements a session
      # cost more round trips than the server's own work
      [ -f "$f" ] || seq 1 "${BENCH_SMALL_TABLES:-2000}" | awk '{ printf "%sSELECT COUNT(*) FROM s%d", (NR % 40 == 1 ? "" : " UNION ALL "), $1 } NR % 40 == 0 { print ";" } END { if (NR % 40) print ";" }' > "$f"
      echo "$f" ;;
    *)
      if [ -f "$dir/$1.$server.sql" ]; then echo "$dir/$1.$server.sql"
      elif [[ "$server" == mysql-* ]] && [ -f "$dir/$1.mysql.sql" ]; then echo "$dir/$1.mysql.sql"
      else echo "$dir/$1.sql"; fi ;;
  esac
}

# the largest packet the workload sends or receives, for memplan's network-buffer assumption
bench_workload_packet() { case $1 in bigpacket) echo 8M ;; *) echo "" ;; esac; }
