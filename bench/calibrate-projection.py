#!/usr/bin/env python3
"""Calibrates the live projection from the accuracy matrix (bench/matrix.sh's bench/results/matrix.tsv).

The live projection (livereading/ObservedProjection) is global + C x per-connection, with the
per-connection figure from the server's own high-water marks (MariaDB MAX_MEMORY_USED, MySQL 8.0.31
threads.MAX_TOTAL_MEMORY). How much resident memory a tracked byte becomes is measured here. Per
server, config and workload, the growth of peak RSS per added connection (largest N against
smallest N) divided by the typical high-water mark, over the workloads whose marks are at least
1 MiB (below that, the thread's own untracked pages dominate), shows how far it varies (0.6 to 1.1
on MariaDB). The factor is the one that projects the most runs at >= 50 % of max_connections within
+-25 % of peak RSS (the matrix's acceptance), per server where at least 3 such workloads qualify;
memplan uses MariaDB's, which has three configurations. It is checked out of sample: on MariaDB each
config's runs are projected with the factor fitted on the other configs only; on a server with one
config, each workload's runs with the factor from the other workloads.

Each row is re-projected from what the matrix recorded: the projection's global part
(live_global) plus Max_used_connections x the typical mark x the factor; rows recorded before those
columns existed are re-projected from the projection itself, less its own per-connection part at
the factor it was made with (projection_percent, 146 before it was recorded).

MySQL 8.0.31 holds more at rest than the server base memplan measured on MariaDB (memory-terms.tsv's
server_base), more the larger its buffer pool, and each connection holds more than its mark: its own base
(rest + per GiB of pool + per connection) is fitted by least squares on the matrix's idle rows, peak RSS
less the rest of the projection (the recorded live_global without the base it included, live_base, and
the marks at 100 %), and the shares above are fitted with it.

It also copies the derived figures of bench/projection-terms.sh (bench/results/projection-terms.txt:
the untracked copies of a sent result, the buffer-pool share of an open table) into projection.tsv.

Writes bench/results/projection-calibration.txt, src/main/resources/catalog/projection.tsv
(ProjectionCalibrationTests recomputes the factor from matrix.tsv and compares) and the parts of
README.md, bench/README.md and docs/memory-terms.md between the projection markers.
Run from the repository root: python3 bench/calibrate-projection.py
"""
import csv
import os
import re
import statistics
import subprocess
import sys
from collections import OrderedDict, defaultdict

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from summary import fill  # noqa: E402  (one marker-filling function for both scripts)

MATRIX = "bench/results/matrix.tsv"
TERMS = "bench/results/projection-terms.txt"
FIRST_FACTOR_PERCENT = 146  # rows recorded before projection_percent: the high-water mark plus 46 % glibc slack
MIB = 1 << 20
MIN_WORKLOADS = 3


def server(r):
    return r.get("server") or "mariadb-10.11"


def live_rows(rows):
    return [r for r in rows if r["cap"] == "-" and r["live_projection"] not in ("-", "")]


def ratios(rows):
    groups = defaultdict(lambda: defaultdict(list))
    for r in rows:
        groups[(server(r), r["config"], r["workload"])][int(r["n"])].append(int(r["peak_rss"]))
    out = {}
    for key, by_n in groups.items():
        lo, hi = min(by_n), max(by_n)
        typical = next(int(r["observed_typical"]) for r in rows if (server(r), r["config"], r["workload"]) == key)
        if hi == lo or typical < MIB:
            continue
        slope = (statistics.mean(by_n[hi]) - statistics.mean(by_n[lo])) / (hi - lo)
        out[key] = slope / typical
    return out


def recorded_percent(r):
    value = r.get("projection_percent")
    return int(value) if value not in (None, "", "-") else FIRST_FACTOR_PERCENT


def derived_terms():
    """bench/projection-terms.sh's derived figures (name -> value)."""
    values, derived = {}, False
    for line in open(TERMS):
        derived = derived or line.startswith("## Derived")
        if derived and line.startswith("    "):
            name, value = line.split()
            values[name] = int(value)
    return values


def workload_packet(workload, cache={}):
    """The largest packet matrix.sh states for a workload (bench_workload_packet in bench/lib/workloads.sh, with the
    matrix's sizes of bench/lib/matrix-sizes.sh), bytes or 0."""
    if workload not in cache:
        text = subprocess.run(["bash", "-c", "BENCH_WORK=/nonexistent; . bench/lib/matrix-sizes.sh; . bench/lib/workloads.sh; bench_workload_packet " + workload],
                              capture_output=True, text=True, check=True).stdout.strip()
        cache[workload] = int(text[:-1]) << {"K": 10, "M": 20, "G": 30}[text[-1]] if text else 0
    return cache[workload]


def config_pools(cache={}):
    """The buffer pool of each matrix configuration (config_args in bench/matrix.sh), bytes."""
    if not cache:
        for line in open("bench/matrix.sh"):
            m = re.match(r"\s*(small|medium|large)\)\s+echo\s+\S+\s+(\d+)([MG])\s", line)
            if m:
                cache[m.group(1)] = int(m.group(2)) << {"M": 20, "G": 30}[m.group(3)]
    return cache


def recorded_base(r):
    """The server base the row's live_global includes: the column, or memory-terms.tsv's server_base for rows
    recorded before it (every server's base was MariaDB's then)."""
    value = r.get("live_base")
    if value not in (None, "", "-"):
        return int(value)
    for line in open("src/main/resources/catalog/memory-terms.tsv"):
        f = line.split("\t")
        if f[0] == "server_base":
            return int(f[1]) * 1024
    raise SystemExit("memory-terms.tsv lacks server_base")


def solve3(rows):
    """Least squares of y = a + b x1 + c x2 over (x1, x2, y) by the normal equations; None when singular."""
    m = [[0.0] * 4 for _ in range(3)]
    for x1, x2, y in rows:
        v = (1.0, x1, x2)
        for i in range(3):
            for j in range(3):
                m[i][j] += v[i] * v[j]
            m[i][3] += v[i] * y
    for col in range(3):
        pivot = max(range(col, 3), key=lambda i: abs(m[i][col]))
        if abs(m[pivot][col]) < 1e-9:
            return None
        m[col], m[pivot] = m[pivot], m[col]
        for i in range(3):
            if i != col:
                f = m[i][col] / m[col][col]
                m[i] = [a - f * b for a, b in zip(m[i], m[col])]
    return tuple(m[i][3] / m[i][i] for i in range(3))


def mysql_base(idle):
    """MySQL's base from its idle rows without a cap: (rest bytes, bytes per GiB of pool, bytes per connection),
    or None when the rows do not span two pool sizes."""
    points = [(config_pools()[r["config"]] / (1 << 30), int(r["max_used_connections"]),
               int(r["peak_rss"]) - (int(r["live_global"]) - recorded_base(r)) - int(r["max_used_connections"]) * int(r["observed_typical"]))
              for r in idle]
    if len({p[0] for p in points}) < 2:
        return None
    return solve3(points)


def reprojected(r, factor):
    """The projection with another per-connection factor: per connection the larger of the mark as resident and
    the untracked copies of the stated packet (ObservedProjection; max_allowed_packet is 64M in every config)."""
    typical = int(r["observed_typical"])
    if r.get("live_global") not in (None, "", "-") and r.get("max_used_connections") not in (None, "", "-"):
        packet = min(workload_packet(r["workload"]), 64 << 20) * derived_terms()["untracked_result_copies"]
        return int(r["live_global"]) + int(r["max_used_connections"]) * max(int(typical * factor), packet)
    c = int(r["n"])
    old_per_connection = typical * recorded_percent(r) // 100
    global_part = int(r["live_projection"]) - c * old_per_connection
    return global_part + c * int(typical * factor)


def scored(rows, factor):
    """Runs at >= 50 % of max_connections (as the matrix's summary counts them): within +-25 %, error range."""
    errors = []
    for r in rows:
        if int(r["max_connections"]) > 0 and int(r["n"]) * 2 >= int(r["max_connections"]):
            peak = int(r["peak_rss"])
            errors.append((reprojected(r, factor) - peak) * 100 / peak)
    if not errors:
        return 0, 0, 0, 0
    within = sum(1 for e in errors if -25 <= e <= 25)
    return within, len(errors), min(errors), max(errors)


def best_factor(rows):
    """The factor (1 % steps, 40 to 150 %) that puts the most runs at >= 50 % of max_connections within +-25 % of
    peak RSS, then the smallest worst error: the matrix's acceptance, as the MySQL shares are fitted. The median of
    the per-workload ratios, which it replaced, put MariaDB's large prepared rows 31 % above peak RSS (the runs of 01:32Z and 03:07Z)."""
    best = None
    for percent in range(40, 151):
        w, n, lo, hi = scored(rows, percent / 100)
        key = (w, -max(abs(lo), abs(hi)))
        if best is None or key > best[0]:
            best = (key, percent)
    return best[1]


def tally(result, within, runs, lo, hi):
    """Adds one held-out group's check to the out-of-sample totals in result."""
    result["within"] += within
    result["runs"] += runs
    result["lo"] = lo if result["lo"] is None else min(result["lo"], lo)
    result["hi"] = hi if result["hi"] is None else max(result["hi"], hi)


def tallied(result, lines):
    """The out-of-sample totals' line, and the result."""
    if result["runs"]:
        lines.append(f"out of sample, all: {result['within']} of {result['runs']} within +-25 %, "
                     f"errors {result['lo']:+.0f} % to {result['hi']:+.0f} %")
    return result


def calibrate(name, rows, by_key, lines):
    """One server's factor and checks; None when fewer than MIN_WORKLOADS workloads qualify."""
    mine = {k: v for k, v in by_key.items() if k[0] == name}
    lines.append(f"## {name}: resident bytes per tracked byte, per config and workload (marks >= 1 MiB):")
    for (_, config, workload), ratio in sorted(mine.items()):
        lines.append(f"  {config:7} {workload:11} {ratio:.2f}")
    if len(mine) < MIN_WORKLOADS:
        lines.append(f"no factor: {len(mine)} workload(s) with marks of 1 MiB or more (at least {MIN_WORKLOADS} needed)")
        return None
    median = round(statistics.median(mine.values()) * 100)
    factor = best_factor(rows)
    lines.append(f"factor (fitted): {factor} %; the ratios above {min(mine.values()):.2f}-{max(mine.values()):.2f}, median {median} %")
    recorded = sorted({recorded_percent(r) for r in rows})
    errors = [(int(r["live_projection"]) - int(r["peak_rss"])) * 100 / int(r["peak_rss"]) for r in rows
              if int(r["max_connections"]) > 0 and int(r["n"]) * 2 >= int(r["max_connections"])]
    if errors:
        # a MySQL 8.0.31 row with a TempTable reading was projected with the jar's MySQL shares, not the factor
        shares = any(r.get("observed_temptable", "-") not in ("-", "") for r in rows)
        basis = "the MySQL shares in the jar" if shares else f"factor {', '.join(map(str, recorded))} %"
        lines.append(f"as recorded ({basis}): {sum(1 for e in errors if -25 <= e <= 25)} of "
                     f"{len(errors)} within +-25 %, errors {min(errors):+.0f} % to {max(errors):+.0f} %")
    w, n, lo, hi = scored(rows, factor / 100)
    lines.append(f"in sample ({factor} %): {w} of {n} within +-25 %, errors {lo:+.0f} % to {hi:+.0f} %")
    configs = sorted({k[1] for k in mine})
    held_out_by = "config" if len(configs) > 1 else "workload"
    result = {"factor": factor, "within": 0, "runs": 0, "lo": None, "hi": None, "by": held_out_by,
              "min_ratio": min(mine.values()), "max_ratio": max(mine.values()), "median": median}
    groups = configs if held_out_by == "config" else sorted({r["workload"] for r in rows})
    for g in groups:
        index = 1 if held_out_by == "config" else 2
        part = [r for r in rows if (r["config"] if held_out_by == "config" else r["workload"]) == g]
        others = [r for r in rows if (r["config"] if held_out_by == "config" else r["workload"]) != g]
        if not scored(others, 1)[1]:
            continue
        held_out = best_factor(others)
        w, n, lo, hi = scored(part, held_out / 100)
        if n == 0:
            continue
        lines.append(f"out of sample, {g}: factor from the other {held_out_by}s {held_out} %: {w} of {n} within +-25 %, "
                     f"errors {lo:+.0f} % to {hi:+.0f} %")
        tally(result, w, n, lo, hi)
    return tallied(result, lines)


def mysql_split(all_rows, lines):
    """MySQL 8.0.31+: a mark's TempTable RAM (observed_temptable, memory/temptable/physical_ram) and the rest become
    resident in different shares: TempTable takes a block whole and fills it as rows come, while a sort that outgrows
    its buffer fills it. Both shares are fitted on the runs at >= 50 % of max_connections (a grid of 5 % steps: the
    most runs within +-25 %, then the smallest worst error), and checked on each config with the shares fitted on the
    others. None without the column (runs before it)."""
    mine = [r for r in all_rows if server(r).startswith("mysql") and r.get("observed_temptable") not in (None, "", "-")
            and r["observed_typical"] not in ("", "-") and r.get("live_global") not in (None, "", "-")
            and r.get("max_used_connections") not in (None, "", "-")
            and int(r["max_connections"]) > 0 and int(r["n"]) * 2 >= int(r["max_connections"])]
    if not mine:
        return None
    idle = [r for r in all_rows if server(r).startswith("mysql") and r["workload"] == "idle" and r["cap"] == "-"
            and r["live_projection"] not in ("-", "") and r.get("live_global") not in (None, "", "-")]

    def error(r, rest, temp, base):
        typical = int(r["observed_typical"])
        tt = min(int(r["observed_temptable"]), typical)
        packet = min(workload_packet(r["workload"]), 64 << 20) * derived_terms()["untracked_result_copies"]
        per = max(int((typical - tt) * rest + tt * temp), packet)
        glob = int(r["live_global"])
        if base is not None:
            glob += int(base[0] + base[1] * config_pools()[r["config"]] / (1 << 30)) - recorded_base(r)
            per += int(base[2])
        projected = glob + int(r["max_used_connections"]) * per
        return (projected - int(r["peak_rss"])) * 100 / int(r["peak_rss"])

    def score(part, rest, temp, base):
        errors = [error(r, rest, temp, base) for r in part]
        return sum(1 for e in errors if -25 <= e <= 25), len(errors), min(errors), max(errors)

    def fit(part, base):
        best = None
        for rest in range(40, 151, 5):
            for temp in range(30, 121, 5):
                w, n, lo, hi = score(part, rest / 100, temp / 100, base)
                key = (w, -max(abs(lo), abs(hi)))
                if best is None or key > best[0]:
                    best = (key, rest, temp)
        return best[1], best[2]

    base = mysql_base(idle)
    if base is not None:
        lines.append(f"## MySQL 8.0.31+: the server at rest and per connection beyond the marks, fitted on {len(idle)} idle runs:")
        lines.append(f"base {base[0] / MIB:.1f} MiB + {base[1] / MIB:.1f} MiB per GiB of buffer pool; "
                     f"{base[2] / 1024:.0f} KiB per connection beyond its mark")
    # rows where the cap closed every session (no marks left): what each held resident at the peak, against the
    # cap; the projection counts half the cap there (ObservedProjection's CONNECTION_MEMORY_LIMIT basis)
    closed = [r for r in all_rows if server(r).startswith("mysql") and r["cap"] != "-" and r["observed_typical"] in ("", "-")
              and r["live_projection"] not in ("-", "") and r.get("live_global") not in (None, "", "-")]
    if closed and base is not None:
        held = []
        for r in closed:
            glob = int(r["live_global"]) - recorded_base(r) + base[0] + base[1] * config_pools()[r["config"]] / (1 << 30)
            n = int(r["max_used_connections"])
            held.append(f"{r['config']} {r['workload']} N={r['n']} {(int(r['peak_rss']) - glob - n * base[2]) / n / int(r['cap']):.2f}")
        lines.append("## MySQL 8.0.31+: connections a cap closed, resident each at the peak over connection_memory_limit: " + "; ".join(held))
    rest, temp = fit(mine, base)
    w, n, lo, hi = score(mine, rest / 100, temp / 100, base)
    lines.append(f"## MySQL 8.0.31+: TempTable RAM and the rest of a mark, fitted on {n} runs at >= 50 %:")
    lines.append(f"rest {rest} %, TempTable {temp} %: in sample {w} of {n} within +-25 %, errors {lo:+.0f} % to {hi:+.0f} %")
    result = {"rest": rest, "temp": temp, "base": base, "within": 0, "runs": 0, "lo": None, "hi": None}
    for config in sorted({r["config"] for r in mine}):
        others = [r for r in mine if r["config"] != config]
        part = [r for r in mine if r["config"] == config]
        if not others:
            continue
        # the base too from the other configs' idle runs (two pool sizes still fix its slope)
        o_base = mysql_base([r for r in idle if r["config"] != config]) if base is not None else None
        r_rest, r_temp = fit(others, o_base)
        w, n, lo, hi = score(part, r_rest / 100, r_temp / 100, o_base)
        lines.append(f"out of sample, {config}: rest {r_rest} %, TempTable {r_temp} % from the other configs: {w} of {n} "
                     f"within +-25 %, errors {lo:+.0f} % to {hi:+.0f} %")
        tally(result, w, n, lo, hi)
    return tallied(result, lines)


def main():
    all_rows = list(csv.DictReader(open(MATRIX), delimiter="\t"))
    rows = live_rows(all_rows)
    by_key = ratios(rows)
    lines = ["# bench/calibrate-projection.py from " + MATRIX]
    results = OrderedDict()
    for name in OrderedDict.fromkeys(server(r) for r in all_rows):
        mine = [r for r in rows if server(r) == name]
        if not mine:
            lines.append(f"## {name}: no live projection in any run (no high-water marks to calibrate)")
            continue
        results[name] = calibrate(name, mine, by_key, lines)
    split = mysql_split(all_rows, lines)
    open("bench/results/projection-calibration.txt", "w").write("\n".join(lines) + "\n")
    print("\n".join(lines))
    mariadb = next(v for k, v in results.items() if k.startswith("mariadb"))
    with open("src/main/resources/catalog/projection.tsv", "w") as tsv:
        tsv.write("# Written by bench/calibrate-projection.py from bench/results/matrix.tsv; do not edit by hand\n")
        tsv.write("# (ProjectionCalibrationTests recomputes the factor). name<TAB>value; memplan uses MariaDB's factor\n")
        tsv.write(f"resident_per_tracked_percent\t{mariadb['factor']}\n")
        tsv.write(f"out_of_sample_within_25_percent\t{mariadb['within']}\n")
        tsv.write(f"out_of_sample_runs\t{mariadb['runs']}\n")
        tsv.write(f"out_of_sample_error_min_percent\t{mariadb['lo']:+.0f}\n")
        tsv.write(f"out_of_sample_error_max_percent\t{mariadb['hi']:+.0f}\n")
        derived = False
        for line in open(TERMS):
            derived = derived or line.startswith("## Derived")
            if derived and line.startswith("    "):
                tsv.write(line.strip() + "\n")
        for name, r in results.items():
            if not name.startswith("mariadb") and r is not None:
                tsv.write(f"{name}.resident_per_tracked_percent\t{r['factor']}\n")
        if split is not None:
            # memplan's MySQL shares (ProjectionCalibration.MYSQL_REST, MYSQL_TEMPTABLE)
            tsv.write(f"mysql.resident_per_tracked_percent\t{split['rest']}\n")
            tsv.write(f"mysql.temptable_resident_per_tracked_percent\t{split['temp']}\n")
            if split["base"] is not None:
                # memplan's MySQL base (ProjectionCalibration.MySqlBase)
                rest_b, per_gib, per_conn = split["base"]
                tsv.write(f"mysql.server_base_kib\t{round(rest_b / 1024)}\n")
                tsv.write(f"mysql.server_base_per_pool_gib_kib\t{round(per_gib / 1024)}\n")
                tsv.write(f"mysql.untracked_per_connection_kib\t{round(per_conn / 1024)}\n")
    others = []
    for name, r in results.items():
        if name.startswith("mariadb"):
            continue
        label = name.replace("mysql-", "MySQL ")
        if r is None:
            others.append(f"{label}: too few workloads with marks of 1 MiB or more for a factor of its own")
        else:
            others.append(f"{label} alone: {r['factor']} % ({r['min_ratio']:.2f}–{r['max_ratio']:.2f}, median {r['median']} %); with its factor "
                          f"fitted on the other {r['by']}s, within ±25 % in {r['within']} of {r['runs']}")
    no_marks = [name.replace("mysql-", "MySQL ") for name in OrderedDict.fromkeys(server(r) for r in all_rows)
                if name not in results]
    m = mariadb
    sentence = (f"{m['factor']} % on MariaDB (fitted to the most runs within ±25 %; the per-workload ratios span "
                f"{m['min_ratio']:.2f}–{m['max_ratio']:.2f}, median {m['median']} %), within ±25 % in "
                f"{m['within']} of {m['runs']} runs at ≥ 50 % of `max_connections` with the factor fitted on the "
                f"other {m['by']}s ({m['lo']:+.0f} % to {m['hi']:+.0f} %)"
                + ("; " + "; ".join(others) if others else "")
                + (f"; {', '.join(no_marks)}: no marks, no projection" if no_marks else "")
                + (". memplan uses MariaDB's factor for every server." if split is None else
                   f". memplan uses MariaDB's factor, except on MySQL 8.0.31+, where a mark's TempTable RAM counts at "
                   f"{split['temp']} % and the rest at {split['rest']} %"
                   + ("" if split["base"] is None else
                      f", and the server's base and a connection's untracked pages are MySQL's own, fitted on its idle runs "
                      f"({split['base'][0] / MIB:.0f} MiB + {split['base'][1] / MIB:.1f} MiB per GiB of buffer pool, "
                      f"{split['base'][2] / 1024:.0f} KiB a connection)")
                   + f": with {'both' if split['base'] is not None else 'the shares'} fitted on the other configs, within ±25 % in "
                   f"{split['within']} of {split['runs']} runs ({split['lo']:+.0f} % to {split['hi']:+.0f} %)."))
    fill("README.md", marker="projection", text=f"  The projection counts a tracked byte as the resident share measured on the matrix, {sentence}\n"
                      "  ([the projection](docs/memory-terms.md#projection)).")
    fill("bench/README.md", marker="projection", text="**Calibrating the live projection** (`python3 bench/calibrate-projection.py`, from the matrix's\n"
                            "`bench/results/matrix.tsv`; results `bench/results/projection-calibration.txt`): the factor that\n"
                            "projects the most runs within ±25 % of peak RSS, beside the spread of peak RSS per added connection over\n"
                            "the typical mark, per server, configuration and workload (marks ≥ 1 MiB): "
                            f"{sentence} memplan reads the factor from `catalog/projection.tsv`, which the script writes.")
    fill("docs/memory-terms.md", marker="projection", text="  `bench/calibrate-projection.py` fits the factor on the accuracy matrix to project the most runs within\n"
                                 "  ±25 % of peak RSS; beside it, per server, configuration and workload, the peak RSS each added\n"
                                 f"  connection brought divided by its typical mark (workloads with marks of 1 MiB or more): {sentence}")


if __name__ == "__main__":
    main()
