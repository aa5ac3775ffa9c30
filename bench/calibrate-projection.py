#!/usr/bin/env python3
"""Calibrates the live projection from the accuracy matrix (bench/matrix.sh's bench/results/matrix.tsv).

The live projection (livereading/ObservedProjection) is global + C x per-connection, with the
per-connection figure from the server's own high-water marks (MAX_MEMORY_USED). How much resident
memory a tracked byte becomes is measured here: per config and workload, the growth of peak RSS
per added connection (largest N against smallest N) divided by the typical high-water mark, over
the workloads whose marks are at least 1 MiB (below that, the thread's own untracked pages
dominate). The median of those ratios is the factor. It is checked out of sample: each config's
runs are projected with the factor from the other configs only.

Writes bench/results/projection-calibration.txt and src/main/resources/catalog/projection.tsv
(ObservedProjectionCalibrationTests recomputes the factor from matrix.tsv and compares).
Run from the repository root: python3 bench/calibrate-projection.py
"""
import csv
import statistics
from collections import defaultdict

MATRIX = "bench/results/matrix.tsv"
OLD_FACTOR = 1.46  # what produced matrix.tsv's live_projection column: the high-water mark plus 46 % glibc slack
MIB = 1 << 20


def live_rows(rows):
    return [r for r in rows if r["cap"] == "-" and r["live_projection"] not in ("-", "")]


def ratios(rows):
    groups = defaultdict(lambda: defaultdict(list))
    for r in rows:
        groups[(r["config"], r["workload"])][int(r["n"])].append(int(r["peak_rss"]))
    out = {}
    for key, by_n in groups.items():
        lo, hi = min(by_n), max(by_n)
        typical = next(int(r["observed_typical"]) for r in rows if (r["config"], r["workload"]) == key)
        if hi == lo or typical < MIB:
            continue
        slope = (statistics.mean(by_n[hi]) - statistics.mean(by_n[lo])) / (hi - lo)
        out[key] = slope / typical
    return out


def reprojected(r, factor):
    """The projection with another per-connection factor: the recorded one less its own per-connection part."""
    c, typical = int(r["n"]), int(r["observed_typical"])
    old_per_connection = typical + typical * 46 // 100
    global_part = int(r["live_projection"]) - c * old_per_connection
    return global_part + c * int(typical * factor)


def scored(rows, factor):
    """Runs at >= 50 % of max_connections (as the matrix's summary counts them): within +-25 %, error range."""
    errors = []
    for r in rows:
        if int(r["max_connections"]) > 0 and int(r["n"]) * 2 >= int(r["max_connections"]):
            peak = int(r["peak_rss"])
            errors.append((reprojected(r, factor) - peak) * 100 / peak)
    within = sum(1 for e in errors if -25 <= e <= 25)
    return within, len(errors), min(errors), max(errors)


def main():
    rows = live_rows(list(csv.DictReader(open(MATRIX), delimiter="\t")))
    by_workload = ratios(rows)
    factor = round(statistics.median(by_workload.values()) * 100)
    lines = ["# bench/calibrate-projection.py from " + MATRIX,
             "# resident bytes per tracked byte, per config and workload (marks >= 1 MiB):"]
    for (config, workload), ratio in sorted(by_workload.items()):
        lines.append(f"  {config:7} {workload:11} {ratio:.2f}")
    lines.append(f"factor (median): {factor} %")
    w, n, lo, hi = scored(rows, OLD_FACTOR)
    lines.append(f"as recorded (high-water mark + 46 % slack): {w} of {n} within +-25 %, errors {lo:+.0f} % to {hi:+.0f} %")
    w, n, lo, hi = scored(rows, factor / 100)
    lines.append(f"in sample ({factor} %): {w} of {n} within +-25 %, errors {lo:+.0f} % to {hi:+.0f} %")
    out_within, out_total, out_lo, out_hi = 0, 0, None, None
    for config in sorted({r["config"] for r in rows}):
        others = [v for (c, _), v in by_workload.items() if c != config]
        held_out = round(statistics.median(others) * 100)
        w, n, lo, hi = scored([r for r in rows if r["config"] == config], held_out / 100)
        lines.append(f"out of sample, {config}: factor from the other configs {held_out} %: {w} of {n} within +-25 %, "
                     f"errors {lo:+.0f} % to {hi:+.0f} %")
        out_within, out_total = out_within + w, out_total + n
        out_lo = lo if out_lo is None else min(out_lo, lo)
        out_hi = hi if out_hi is None else max(out_hi, hi)
    lines.append(f"out of sample, all: {out_within} of {out_total} within +-25 %, errors {out_lo:+.0f} % to {out_hi:+.0f} %")
    open("bench/results/projection-calibration.txt", "w").write("\n".join(lines) + "\n")
    print("\n".join(lines))
    with open("src/main/resources/catalog/projection.tsv", "w") as tsv:
        tsv.write("# Written by bench/calibrate-projection.py from bench/results/matrix.tsv; do not edit by hand\n")
        tsv.write("# (ObservedProjectionCalibrationTests recomputes the factor). name<TAB>value\n")
        tsv.write(f"resident_per_tracked_percent\t{factor}\n")
        tsv.write(f"out_of_sample_within_25_percent\t{out_within}\n")
        tsv.write(f"out_of_sample_runs\t{out_total}\n")
        tsv.write(f"out_of_sample_error_min_percent\t{out_lo:+.0f}\n")
        tsv.write(f"out_of_sample_error_max_percent\t{out_hi:+.0f}\n")


if __name__ == "__main__":
    main()
