#!/usr/bin/env python3
"""Do two implementations agree within sampling error? routesim's summary_totals.csv against per-replication totals.

    agreement.py RUN/summary_totals.csv TOTALS.csv [--family-level 0.01]

For every total over all periods that both report (location traversals, interdictions and deaths by commodity;
organization acting, abstentions, attempts, successes, interdictions, deaths), the difference of the two means
over its standard error, z = (m1 - m2) / sqrt(s1^2/n1 + s2^2/n2). The implementations agree when every |z| is
below the two-sided Bonferroni bound for the number of comparisons at the family level given (conservative
when quantities are correlated). Prints each comparison and exits 1 when they disagree.
"""

import argparse
import csv
import math
import statistics
import sys
from collections import defaultdict
from statistics import NormalDist


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("summary")
    parser.add_argument("totals")
    parser.add_argument("--family-level", type=float, default=0.01)
    args = parser.parse_args()

    routesim = {}
    with open(args.summary, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["table"] in ("locations", "organizations"):
                routesim[(row["table"], row["key"], row["commodity"], row["metric"])] = (
                    float(row["mean"]), float(row["sd"]), int(row["n"]))

    values = defaultdict(list)
    with open(args.totals, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            values[(row["table"], row["key"], row["commodity"], row["metric"])].append(float(row["total"]))

    compared = []
    for key, (mean, sd, n) in sorted(routesim.items()):
        other = values.get(key)
        if not other or len(other) < 2:
            continue
        other_mean, other_sd = statistics.fmean(other), statistics.stdev(other)
        se = math.sqrt(sd * sd / n + other_sd * other_sd / len(other))
        if se == 0:
            if mean != other_mean:
                compared.append((key, mean, other_mean, math.inf))
            continue
        compared.append((key, mean, other_mean, (mean - other_mean) / se))

    if not compared:
        print("nothing to compare", file=sys.stderr)
        return 2
    bound = NormalDist().inv_cdf(1 - args.family_level / (2 * len(compared)))
    worst = max(abs(z) for *_, z in compared)
    for (table, key, commodity, metric), a, b, z in compared:
        flag = "  <-- disagrees" if abs(z) >= bound else ""
        print(f"{table:13} {key:22} {commodity:10} {metric:13} routesim {a:14.2f}  other {b:14.2f}  z {z:6.2f}{flag}")
    ok = worst < bound
    print(f"{len(compared)} totals compared; largest |z| {worst:.2f}; Bonferroni bound at family level "
          f"{args.family_level}: {bound:.2f}: {'agree' if ok else 'DISAGREE'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
