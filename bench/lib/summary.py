#!/usr/bin/env python3
"""The accuracy matrix's summaries, computed from its TSV (bench/matrix.sh runs this at the end).

    python3 bench/lib/summary.py TSV TXT FULL

Appends to TXT (the results table) one summary per server; for MariaDB the twelve figures under
"## Summary", which are also written to src/main/resources/catalog/accuracy.tsv (memplan's advice
quotes them and says they are MariaDB 10.11's; ReadmeFiguresTests compares). With FULL = yes, fills
the parts of README.md and bench/README.md between the matrix markers. Every figure in that text is
computed here from the TSV: nothing is typed.
"""
import csv
import sys
from collections import OrderedDict

MIB = 1 << 20


def num(value):
    return None if value in ("-", "", None) else int(value)


def at_half(r):
    return int(r["max_connections"]) > 0 and int(r["n"]) * 2 >= int(r["max_connections"])


def err(r):
    return (num(r["live_projection"]) - int(r["peak_rss"])) * 100 / int(r["peak_rss"])


def figures(rows):
    """The twelve figures of the old summary (keys unchanged), plus what the MySQL text needs."""
    plain = [r for r in rows if r["cap"] == "-"]
    capped = [r for r in rows if r["cap"] != "-"]
    ratios = [num(r["ceiling"]) / int(r["peak_rss"]) for r in plain if num(r["ceiling"]) is not None]
    live = [r for r in plain if at_half(r) and num(r["live_projection"]) is not None]
    errors = [err(r) for r in live]
    f = OrderedDict()
    f["runs"] = len(plain)
    f["ceiling_held"] = sum(1 for r in plain if num(r["ceiling"]) is not None and num(r["ceiling"]) >= int(r["peak_rss"]))
    f["ceiling_over_peak_min"] = f"{min(ratios):.2f}" if ratios else "-"
    f["ceiling_over_peak_max"] = f"{max(ratios):.2f}" if ratios else "-"
    f["offline_range_held"] = sum(1 for r in plain if num(r["offline_low"]) is not None
                                  and num(r["offline_low"]) <= int(r["peak_rss"]) <= num(r["offline_high"]))
    f["live_rows_at_half_or_more"] = len(live)
    f["live_within_25_percent"] = sum(1 for e in errors if -25 <= e <= 25)
    f["live_error_min_percent"] = f"{min(errors):+.0f}" if errors else "-"
    f["live_error_max_percent"] = f"{max(errors):+.0f}" if errors else "-"
    f["capped_runs"] = len(capped)
    f["capped_ceiling_held"] = sum(1 for r in capped if num(r["capped_ceiling"]) is not None
                                   and num(r["capped_ceiling"]) >= int(r["peak_rss"]))
    f["statements_refused_by_cap"] = sum(int(r["refused"]) for r in capped)
    extra = OrderedDict()
    extra["runs_at_half_or_more"] = sum(1 for r in plain if at_half(r))
    extra["live_missing_at_half_or_more"] = sum(1 for r in plain if at_half(r) and num(r["live_projection"]) is None)
    # the capped rows run at 100 %: their projection counts toward "every row at >= 50 %" too
    capped_live = [err(r) for r in capped if at_half(r) and num(r["live_projection"]) is not None]
    extra["capped_live_rows"] = len(capped_live)
    extra["capped_live_within_25_percent"] = sum(1 for e in capped_live if -25 <= e <= 25)
    extra["capped_live_missing"] = sum(1 for r in capped if at_half(r) and num(r["live_projection"]) is None)
    return f, extra


def mib(value):
    return "-" if value is None else f"{value // MIB} MiB"


def label(r):
    return f"{r['config']} {r['workload']} N={r['n']}" + ("" if r["cap"] == "-" else " capped")


def missed(rows, with_missing_projection=True):
    """Each row where a figure missed, in words: ceiling below peak RSS, projection off by more than
    25 % at >= 50 % of max_connections, or no projection there (grouped by the probe's reason)."""
    lines = []
    for r in rows:
        bound = num(r["ceiling"]) if r["cap"] == "-" else num(r["capped_ceiling"])
        if bound is None:
            lines.append(f"{label(r)}: no {'ceiling' if r['cap'] == '-' else 'capped ceiling'} (memplan gave no plan)")
        elif bound < int(r["peak_rss"]):
            lines.append(f"{label(r)}: {'ceiling' if r['cap'] == '-' else 'capped ceiling'} {mib(bound)} below peak RSS "
                         f"{mib(int(r['peak_rss']))} ({(int(r['peak_rss']) - bound) * 100 / bound:.0f} % over)")
    for r in rows:
        if at_half(r) and num(r["live_projection"]) is not None and not -25 <= err(r) <= 25:
            side = "above" if err(r) > 0 else "below"
            lines.append(f"{label(r)}: live projection {mib(num(r['live_projection']))}, {err(r):+.0f} % ({side} peak RSS "
                         f"{mib(int(r['peak_rss']))}; typical mark {mib(num(r['observed_typical']))})")
    reasons = OrderedDict()
    for r in rows:
        if with_missing_projection and r["cap"] == "-" and at_half(r) and num(r["live_projection"]) is None:
            reasons.setdefault(r.get("live_missing") or "-", []).append(r)
    for reason, group in reasons.items():
        lines.append(f"no live projection in {len(group)} run(s) at >= 50 % ({', '.join(label(r) for r in group[:3])}"
                     f"{', …' if len(group) > 3 else ''}): {reason.rstrip('.')}")
    return lines


def fill(path, text, marker="matrix"):
    """Replaces what stands between <!-- MARKER:begin ... --> and <!-- MARKER:end --> in a document."""
    s = open(path, encoding="utf-8").read()
    begin = s.index("\n", s.index(f"<!-- {marker}:begin")) + 1
    # the end marker's line stays as it is, indented or not
    end = s.rindex("\n", 0, s.index(f"<!-- {marker}:end -->")) + 1
    open(path, "w", encoding="utf-8").write(s[:begin] + text + "\n" + s[end:])


def mysql_text(server, rows, f, extra, indent):
    """The MySQL rows' figures in words, every number from the TSV."""
    p = indent
    configs = sorted({r["config"] for r in rows})
    out = [f"{p}On {server.replace('mysql-', 'MySQL ')} ({', '.join(configs)} configuration"
           f"{'s' if len(configs) > 1 else ''}):"]
    out.append(f"{p}- the **ceiling** held: ceiling ≥ peak RSS in {f['ceiling_held']} of {f['runs']} runs, ceiling / peak RSS "
               f"{f['ceiling_over_peak_min']}–{f['ceiling_over_peak_max']};")
    out.append(f"{p}- the **offline expected-peak range** held the peak in {f['offline_range_held']} of {f['runs']} runs;")
    if f["live_rows_at_half_or_more"]:
        out.append(f"{p}- the **live projection** (`performance_schema.threads.MAX_TOTAL_MEMORY`) came within ±25 % in "
                   f"{f['live_within_25_percent']} of {f['live_rows_at_half_or_more']} runs at ≥ 50 % of `max_connections` "
                   f"(errors {f['live_error_min_percent']} % to {f['live_error_max_percent']} %)"
                   + (f"; no projection in {extra['live_missing_at_half_or_more']} more" if extra["live_missing_at_half_or_more"] else "")
                   + ";")
    else:
        reasons = sorted({r.get("live_missing") or "-" for r in rows if r["cap"] == "-"})
        out.append(f"{p}- **no live projection** in any of the {extra['runs_at_half_or_more']} runs at ≥ 50 % of `max_connections`: "
                   f"the probe said \"{'; '.join(reason.rstrip('.') for reason in reasons)}\";")
    capped = [r for r in rows if r["cap"] != "-"]
    if capped:
        c = capped[0]
        caps = f"`connection_memory_limit` {int(c['cap']) // MIB}M" + (
            "" if c["global_cap"] == "-" else f", `global_connection_memory_limit` {int(c['global_cap']) // MIB}M with tracking ON")
        host = c.get("cap_host_ram") or "-"
        caps += "" if host == "-" else f", recommended for a {host} host"
        out.append(f"{p}- **with the recommended caps** ({caps}) in force, capped ceiling ≥ peak RSS in {f['capped_ceiling_held']} "
                   f"of {f['capped_runs']} runs, and the caps closed {f['statements_refused_by_cap']} connections"
                   + (f"; live projection within ±25 % in {extra['capped_live_within_25_percent']} of {extra['capped_live_rows']} "
                      "of them" if extra["capped_live_rows"] else "")
                   + (f" (none in {extra['capped_live_missing']}: the caps closed every session, and their marks with them)"
                      if extra["capped_live_missing"] else "") + ";")
    else:
        out.append(f"{p}- no capped runs: memplan recommends no cap for this server (MySQL 5.7 has none);")
    # without any projection, the bullet above already says why
    miss = missed(rows, with_missing_projection=f["live_rows_at_half_or_more"] > 0)
    if miss:
        out.append(f"{p}- where a figure missed:")
        out.extend(f"{p}  - {m};" for m in miss)
    else:
        out.append(f"{p}- no {'other ' if not f['live_rows_at_half_or_more'] else ''}figure missed.")
    return out


def main():
    tsv, txt, full = sys.argv[1], sys.argv[2], sys.argv[3] == "yes"
    rows = list(csv.DictReader(open(tsv, encoding="utf-8"), delimiter="\t"))
    servers = OrderedDict()
    for r in rows:
        servers.setdefault(r["server"], []).append(r)
    report, mariadb = [], None
    for server, group in servers.items():
        f, extra = figures(group)
        if server.startswith("mariadb"):
            mariadb = f
            continue
        report += ["", f"## {server} (from matrix.tsv)"]
        report += [f"- {k}: {v}" for k, v in list(f.items()) + list(extra.items())]
        report += [f"- missed: {m}" for m in missed(group)]
    if mariadb is not None:
        report += ["", "## Summary (MariaDB 10.11; copied to src/main/resources/catalog/accuracy.tsv)"]
        report += [f"    {k}\t{v}" for k, v in mariadb.items()]
    with open(txt, "a", encoding="utf-8") as out:
        out.write("\n".join(report) + "\n")
    print("\n".join(report))
    if not full:
        return
    with open("src/main/resources/catalog/accuracy.tsv", "w", encoding="utf-8") as out:
        out.write("# Written by bench/matrix.sh from bench/results/matrix.tsv; do not edit by hand (ReadmeFiguresTests compares them).\n")
        out.write("".join(f"{k}\t{v}\n" for k, v in mariadb.items()))
    write_readmes(txt, servers, mariadb)


def readme_summary(header, servers, m, lines):
    """README.md's short form, a line or two per server; bench/README.md carries the whole text."""
    run = header.split(", ")
    when = next((part for part in run if part[:4].isdigit()), "")
    took = next((line.split(": ", 1)[1] for line in lines if line.startswith("# whole run: ")), None)
    out = [f"  Latest run {when}, 2 cores{', whole run ' + took if took else ''} ([the table](bench/README.md#matrix)):",
           f"  - MariaDB 10.11: the **ceiling** held: ceiling ≥ peak RSS in {m['ceiling_held']} of {m['runs']} runs, "
           f"ceiling / peak RSS {m['ceiling_over_peak_min']}–{m['ceiling_over_peak_max']} (an upper bound: judge a load by the",
           f"    expected peak); the **live projection** came within ±25 % in {m['live_within_25_percent']} of "
           f"{m['live_rows_at_half_or_more']} runs at ≥ 50 % of `max_connections`",
           f"    (errors {m['live_error_min_percent']} % to {m['live_error_max_percent']} %); with the recommended cap, "
           f"capped ceiling ≥ peak RSS in {m['capped_ceiling_held']} of {m['capped_runs']} runs."]
    for server, group in servers.items():
        if not server.startswith("mysql"):
            continue
        f, extra = figures(group)
        name = server.replace("mysql-", "MySQL ")
        text = f"  - {name}: ceiling held in {f['ceiling_held']} of {f['runs']} runs"
        if f["live_rows_at_half_or_more"]:
            text += (f"; live projection within ±25 % in {f['live_within_25_percent']} of {f['live_rows_at_half_or_more']} "
                     f"runs at ≥ 50 %")
        else:
            text += "; no live projection (no per-connection high-water marks before 8.0.31)"
        if f["capped_runs"]:
            text += f"; capped ceiling held in {f['capped_ceiling_held']} of {f['capped_runs']}"
        miss = [x for x in missed(group, with_missing_projection=False) if "ceiling" in x]
        text += (". Missed: " + "; ".join(miss) + "." if miss else ".")
        out.append(text)
    not_run = sum(1 for line in lines if line.startswith("# not run"))
    if not_run:
        budget = next((line.split(": ", 1)[1].split(" s")[0] for line in lines if line.startswith("# time budget: ")), None)
        within = f"the run's time budget of {int(budget) // 60} min" if budget else "the run's time budget"
        out.append(f"  - {not_run} planned rows did not fit {within} (listed in `bench/results/matrix.txt`).")
    return out


def write_readmes(txt, servers, m):
    lines = open(txt, encoding="utf-8").read().splitlines()
    header = next(line for line in lines if line.startswith("# bench/matrix.sh")).lstrip("# ")
    mariadb_name = next(s for s in servers if s.startswith("mariadb"))
    mx = figures(servers[mariadb_name])[1]
    figures_md = [
        f"  - the **ceiling** held: ceiling ≥ peak RSS in {m['ceiling_held']} of {m['runs']} runs, ceiling / peak RSS "
        f"{m['ceiling_over_peak_min']}–{m['ceiling_over_peak_max']}",
        "    (an upper bound far above ordinary loads: judge a load by the expected peak);",
        f"  - the **offline expected-peak range** held the peak in {m['offline_range_held']} of {m['runs']} runs;",
        f"  - the **live projection** at `Max_used_connections` came within ±25 % in {m['live_within_25_percent']} of "
        f"{m['live_rows_at_half_or_more']} runs at",
        f"    ≥ 50 % of `max_connections` (errors {m['live_error_min_percent']} % to {m['live_error_max_percent']} %);",
        f"  - **with the recommended cap** in force, capped ceiling ≥ peak RSS in {m['capped_ceiling_held']} of {m['capped_runs']} runs, and the",
        f"    cap refused {m['statements_refused_by_cap']} statements"
        + (f"; the live projection came within ±25 % in {mx['capped_live_within_25_percent']} of {mx['capped_live_rows']} "
           "capped runs" if mx["capped_live_rows"] else "") + ".",
    ]
    def left_out(server):
        n = sum(1 for line in lines if line.startswith("# not run") and f": {server} " in line)
        return [f"  - {n} planned rows were not run (the time budget, or a server that did not start: "
                "`bench/results/matrix.txt` lists them)."] if n else []
    figures_md += left_out(mariadb_name)
    mysql_md = []
    for server, group in servers.items():
        if server.startswith("mysql"):
            f, extra = figures(group)
            mysql_md += mysql_text(server, group, f, extra, "  ") + left_out(server)
    fill("README.md", "\n".join(readme_summary(header, servers, m, lines)))
    table = [line for line in lines if line.startswith("|")]
    timing = [line.lstrip("# ") for line in lines if line.startswith("# ") and (" min " in line) and not line.startswith("# bench")]
    left_out = [line for line in lines if line.startswith("# not run")]
    text = f"""Each MariaDB row starts a throw-away server (its own data directory and port); MySQL's rows of
one configuration and workload share one start, at ascending N, with the resident high-water mark
reset between them (a MySQL start and stop cost 3-5 s) — MariaDB 10.11 ({mariadb_name}), and the
real MySQL 5.7.22 and 8.0.31 of the integration tests ([below](#real-mysql)). Each row runs one of
eight workloads in N sessions at once — a filesort, a join without an index, a GROUP BY temp-table
storm, several temporary tables in one statement (derived table, DISTINCT, GROUP BY, UNION, window;
on 5.7, which has no window functions, without the window), a 4 MiB statement and an 8 MB result
with `max_allowed_packet` 64M, prepared statements and a stored procedure with a cursor, 2,000 open
tables, idle connections — at about 10, 50 and 100 % of `max_connections`. The sessions are
Connector/J connections in one JVM (`bench/lib/MemplanRunner.java`): all N connect, then start their
statements at one moment, and stay connected while memplan reads the server. MariaDB runs three
configurations (small: 256M pool, 50 connections, 2M sort, 16M temp tables; medium: 1G, 100; large
buffers: 512M, 60, 8M sort and join, 32M temp tables), and at 100 % once more with the
`max_session_mem_used` memplan recommends (for a host where the ceiling does not fit, so that the cap
binds). MySQL runs the same three configurations. On 8.0.31 (TempTable, binary log on) every
workload runs at 100 % once more with the `connection_memory_limit` and
`global_connection_memory_limit` memplan recommends for mysql-8.0, with
`global_connection_memory_tracking=ON` (for the smallest host, in GiB steps, where memplan recommends
caps: caps only where every connection can run an ordinary statement and the ceiling still fits);
the sessions' user has no SUPER or CONNECTION_ADMIN, which MySQL exempts from the caps. A MySQL cap
closes the connection (error 4082 or 4081): *refused* counts those. MySQL 5.7 keeps no
per-connection high-water marks, so its rows have no live projection, and no memory cap, so no capped
rows. Peak RSS is the server's `VmHWM`. memplan plans the same option file offline (`--server
mariadb-10.11`, `mysql-5.7`, `mysql-8.0`: ceiling, expected-peak range, capped ceiling) and reads the
server live while the sessions are still connected (observed high-water marks, projection at
`Max_used_connections`).

Latest run, {header}:

{chr(10).join(figures_md)}
{chr(10).join(mysql_md)}

Sizes in MiB. *cap*: the `max_session_mem_used` in force (MySQL: `connection_memory_limit` /
`global_connection_memory_limit`); *ceiling*: memplan's ceiling, or with a cap the capped ceiling;
*offline range*: the expected peak offline at N; *live*: the projection at `Max_used_connections` and
its error against peak RSS; *typ/max*: the observed per-connection high-water marks; *tuner*:
MySQLTuner 1.9.9's "reached" and "possible" (a patched copy, as in `accuracy.sh`; once per
configuration, on the temp-table storm at 100 %; `-` where it is not installed); *refused*:
statements (MariaDB) or connections (MySQL) the cap turned away; *note*: why a row has no live
projection (`bench/results/matrix.txt`):

{chr(10).join(table)}
{chr(10).join(left_out)}
{chr(10).join(timing)}"""
    fill("bench/README.md", text)


if __name__ == "__main__":
    main()
