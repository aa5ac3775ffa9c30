#!/usr/bin/env python3
"""Derives catalog/performance-schema.tsv from bench/ps-size.sh's results (bench/results/ps-size.tsv and
ps-size-threads.tsv): for each measured server, what performance_schema allocates at start-up with its
sizing autosized, and what one more page of thread instances adds (docs/measurements-mysql.md#ps-size).

  python3 bench/lib/ps_fit.py      # rewrites src/main/resources/catalog/performance-schema.tsv

start bytes: what P_S holds at start-up. Autosized, it sizes its history and digest tables by a tier chosen
  from hints (the server's pfs_autosize: max_connections above 151, and on MySQL the table caches); on the
  servers measured the tier moved with max_connections alone on MariaDB (table caches twice the defaults read
  the same), while MySQL's defaults are already in the largest tier. So two figures: the largest idle
  reading of the autosized settings with max_connections <= 151, and above 151 (never below the first, so
  fewer connections never cost more; 152 to 302 is the medium tier, not measured apart: large bounds it).
use bytes: what P_S grew by once max_connections - 1 connections were open and had run a statement, where
  they stay within the first page (the largest such growth); it is counted on top of the start-up figure.
thread_page_bytes: thread instances are allocated 256 at a time (the per-thread history and summary arrays
  with them); the first page at start-up, another each time the threads pass a multiple of 256. With B
  background threads, max_connections + 1 connection threads fill ceil((max_connections + 1 + B) / 256)
  pages; the page's bytes are the largest (full - idle - use) / (pages - 1) among the autosized settings.
"""
import math
import os
import sys

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
RESULTS = os.path.join(ROOT, "bench", "results", "ps-size.tsv")
THREADS = os.path.join(ROOT, "bench", "results", "ps-size-threads.tsv")
CATALOG = os.path.join(ROOT, "src", "main", "resources", "catalog", "performance-schema.tsv")
PAGE = 256
AUTOSIZED = ("defaults", "max_connections=", "table caches x2")
PROFILES = {"5.7.22": "mysql-5.7", "8.0.31": "mysql-8.0", "mariadb": "mariadb"}


def rows(path):
    with open(path) as f:
        header = f.readline().rstrip("\n").split("\t")
        return [dict(zip(header, line.rstrip("\n").split("\t"))) for line in f if line.strip()]


def reading(row):
    """P_S's own bytes: the instruments on MySQL (they match RSS; docs/measurements-mysql.md), the engine row on MariaDB."""
    value = row["instr_bytes"] if row["instr_bytes"] not in ("", "-") else row["engine_bytes"]
    return int(value)


def connections(row):
    for part in row["sizing"].split():
        if part.startswith("max_connections="):
            return int(part.split("=")[1])
    raise ValueError(row)


def pages(max_connections, background):
    return math.ceil((max_connections + 1 + background) / PAGE)


def fit(server, measured, background):
    autosized = [r for r in measured if r["setting"].startswith(AUTOSIZED)]
    idle = [r for r in autosized if r["phase"] == "idle"]
    small = max(reading(r) for r in idle if connections(r) <= 151)
    large = max([small] + [reading(r) for r in idle if connections(r) > 151])
    phases = {}
    for r in autosized:
        phases.setdefault(r["setting"], {})[r["phase"]] = r
    extra = {k: pages(connections(v["full"]), background) - 1 for k, v in phases.items()}
    grown = {k: reading(v["full"]) - reading(v["idle"]) for k, v in phases.items()}
    use = max(grown[k] for k in phases if extra[k] == 0)
    page = max([0] + [math.ceil((grown[k] - use) / extra[k]) for k in phases if extra[k] > 0])
    return small, large, use, page, max(connections(r) for r in autosized)


def main():
    measured = [r for r in rows(RESULTS) if r["setting"] != "performance_schema=OFF"]
    background = {r["server"]: int(r["background_threads"]) for r in rows(THREADS)}
    lines = ["# Written by bench/lib/ps_fit.py from bench/results/ps-size.tsv; do not edit by hand",
             "# (PerformanceSchemaSizeTests compares them). docs/measurements-mysql.md#ps-size explains the fit.",
             "# profile<TAB>start_bytes_to_151_connections<TAB>start_bytes_above_151<TAB>use_bytes<TAB>thread_page_bytes<TAB>threads_per_page<TAB>background_threads<TAB>fitted_up_to_connections"]
    for server, profile in PROFILES.items():
        mine = [r for r in measured if r["server"] == server]
        if not mine:
            continue
        small, large, use, page, largest = fit(server, mine, background[server])
        lines.append("\t".join(str(v) for v in (profile, small, large, use, page, PAGE, background[server], largest)))
    with open(CATALOG, "w") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    sys.exit(main())
