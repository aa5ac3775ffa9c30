# The workloads of the accuracy matrix and of terms.sh: one SQL file per workload, run by every
# client in one session, followed by a pause so the live probe can read the connections' high-water
# marks while they are still connected. Sourced, not run; needs BENCH_WORK.

BENCH_WORKLOADS="filesort join tmpstorm multitemp bigpacket prepared opentables idle"

# prints the path of the SQL file for workload $1 (generated ones are written once into BENCH_WORK)
bench_workload_sql() {
  local dir; dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/../workloads" && pwd)
  case $1 in
    bigpacket)
      local f=$BENCH_WORK/bigpacket.sql
      # a 16 MiB statement received and a 30 MB result sent: both pass through the network buffer
      [ -f "$f" ] || { printf "SELECT LENGTH('%s') AS received;\n" "$(head -c 16777216 /dev/zero | tr '\0' z)"; cat "$dir/bigresult.sql"; } > "$f"
      echo "$f" ;;
    opentables)
      local f=$BENCH_WORK/opentables.sql
      [ -f "$f" ] || { local i; for i in $(seq 1 "${BENCH_SMALL_TABLES:-2000}"); do echo "SELECT COUNT(*) FROM s$i;"; done; } > "$f"
      echo "$f" ;;
    *) echo "$dir/$1.sql" ;;
  esac
}

# the largest packet the workload sends or receives, for memplan's network-buffer assumption
bench_workload_packet() { case $1 in bigpacket) echo 32M ;; *) echo "" ;; esac; }
