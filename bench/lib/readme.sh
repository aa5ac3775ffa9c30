# Fills the matrix parts of README.md and bench/README.md (between <!-- matrix:begin … --> and
# <!-- matrix:end -->) from the latest run, so that both quote it and nothing else
# (ReadmeFiguresTests checks them). Sourced by matrix.sh; needs $out (matrix.txt) and $summary.

bench_fill() { # file text
  python3 - "$1" "$2" <<'PY'
import sys
path, text = sys.argv[1], sys.argv[2]
s = open(path, encoding='utf-8').read()
begin = s.index('\n', s.index('<!-- matrix:begin')) + 1
end = s.index('<!-- matrix:end -->')
open(path, 'w', encoding='utf-8').write(s[:begin] + text + '\n' + s[end:])
PY
}

bench_write_readme() {
  local -A v
  local name value
  while IFS=$'\t' read -r name value; do v[$name]=$value; done <<< "$summary"
  local header; header=$(head -1 "$out" | sed 's/^# //')
  local figures
  figures=$(cat <<TEXT
  - the **ceiling** held: ceiling ≥ peak RSS in ${v[ceiling_held]} of ${v[runs]} runs, ceiling / peak RSS ${v[ceiling_over_peak_min]}–${v[ceiling_over_peak_max]}
    (an upper bound far above ordinary loads: judge a load by the expected peak);
  - the **offline expected-peak range** held the peak in ${v[offline_range_held]} of ${v[runs]} runs;
  - the **live projection** at \`Max_used_connections\` came within ±25 % in ${v[live_within_25_percent]} of ${v[live_rows_at_half_or_more]} runs at
    ≥ 50 % of \`max_connections\` (errors ${v[live_error_min_percent]} % to ${v[live_error_max_percent]} %);
  - **with the recommended cap** in force, capped ceiling ≥ peak RSS in ${v[capped_ceiling_held]} of ${v[capped_runs]} runs, and the
    cap refused ${v[statements_refused_by_cap]} statements.
TEXT
)
  bench_fill README.md "  On MariaDB 10.11 (${header}):
${figures}"
  bench_fill bench/README.md "Each row starts a throw-away MariaDB 10.11 (its own data directory and port), runs one of eight
workloads in N sessions at once — a filesort, a join without an index, a GROUP BY temp-table storm,
several temporary tables in one statement (derived table, DISTINCT, GROUP BY, UNION, window), a
16 MiB statement and a 30 MB result with \`max_allowed_packet\` 64M, prepared statements and a stored
procedure with a cursor, 2,000 open tables, idle connections — at about 10, 50 and 100 % of
\`max_connections\`, on three configurations (small: 256M pool, 50 connections, 2M sort, 16M temp
tables; medium: 1G, 100; large buffers: 512M, 60, 8M sort and join, 32M temp tables), and at 100 %
once more with the \`max_session_mem_used\` memplan recommends (for a host where the ceiling does not
fit, so that the cap binds). Peak RSS is the server's \`VmHWM\`. memplan plans the same option file
offline (ceiling, expected-peak range, capped ceiling) and reads the server live while the sessions
are still connected (observed high-water marks, projection at \`Max_used_connections\`). MySQL 5.7 and
8.0.31 rows are not in this run: the harness has no MySQL starter yet (the real-MySQL servers exist
only inside the integration tests).

Latest run, ${header}:

${figures}

Sizes in MiB. *cap*: the \`max_session_mem_used\` in force; *ceiling*: memplan's ceiling, or with a cap
the capped ceiling; *offline range*: the expected peak offline at N; *live*: the projection at
\`Max_used_connections\` and its error against peak RSS; *typ/max*: the observed per-connection
high-water marks; *tuner*: MySQLTuner 1.9.9's \"reached\" and \"possible\" (a patched copy, as in
\`accuracy.sh\`; once per configuration, on the temp-table storm at 100 %); *refused*: statements the
cap turned away (\`bench/results/matrix.txt\`):

$(grep '^|' "$out")

$(grep '^# whole run' "$out" | sed 's/^# //')"
}
