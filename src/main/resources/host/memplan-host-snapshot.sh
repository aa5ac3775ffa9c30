#!/bin/sh
# memplan host snapshot: what the OOM killer and overcommit see on this host.
# Reads /proc (and `systemctl show` for the database unit, if systemd is there). Changes nothing.
# Run it as the database's user or root: without root, other users' processes may be missing.
# Paste the output into memplan's "Host & OOM" page, or: curl --data-binary @out.txt .../api/v1/host
echo "memplan-host-snapshot 1"
echo "kernel $(uname -r)"
for key in MemTotal SwapTotal Committed_AS CommitLimit; do
  value=$(awk -v k="$key:" '$1 == k { print $2 }' /proc/meminfo)
  echo "meminfo $key ${value:-unknown}"
done
for name in overcommit_memory overcommit_ratio overcommit_kbytes swappiness; do
  echo "sysctl vm.$name $(cat "/proc/sys/vm/$name" 2>/dev/null || echo unknown)"
done
for dir in /proc/[0-9]*; do
  pid=${dir#/proc/}
  [ -r "$dir/status" ] || continue
  adj=$(cat "$dir/oom_score_adj" 2>/dev/null || echo 0)
  awk -v pid="$pid" -v adj="$adj" '
    /^Name:/   { sub(/^Name:[ \t]*/, ""); name = $0 }
    /^Uid:/    { uid = $2 }
    /^VmRSS:/  { rss = $2 }
    /^VmSwap:/ { swap = $2 }
    /^VmPTE:/  { pte = $2 }
    END { if (rss != "") print "proc", pid, uid, rss, (swap == "" ? 0 : swap), (pte == "" ? 0 : pte), adj, name }
  ' "$dir/status" 2>/dev/null
done
if command -v systemctl >/dev/null 2>&1; then
  for unit in mysql mysqld mariadb; do
    state=$(systemctl show "$unit.service" -p LoadState --value 2>/dev/null)
    [ "$state" = "loaded" ] || continue
    echo "systemd $unit.service $(systemctl show "$unit.service" -p OOMScoreAdjust -p MemoryMax 2>/dev/null | tr '\n' ' ')"
  done
fi
