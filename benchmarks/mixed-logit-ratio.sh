#!/usr/bin/env bash
# What a spread of risk tolerance and a people-carrying walk cost, as manifest.json reports it (issue 23):
# `routesim run --threads 1` on benchmarks/scenarios/mixed-border.yaml (100,000 agents, 8 routes per od pair,
# 100 weeks; one organization with risk_sigma 0.4, one carrying people) and on two variants of it, interleaved
# round by round (a loaded machine slows the variants alike within a round):
#   spread  the scenario as it is
#   shared  risk_sigma 0: every agent of an organization shares one set of logit weights
#   plain   risk_sigma 0 and no organization carrying people: the shared choice and the plain walk
# Prints each round's decisions per second and the medians of spread / shared (target >= 0.85) and of
# shared / plain (the people-carrying walk against the plain one). With NUMPY=1 each round also runs the
# spread scenario on two threads and the NumPy implementation (benchmarks/reference/routesim_numpy.py, one
# replication) on it, and prints the issue's other two ratios: two threads / one (target >= 1.8) and one
# thread / NumPy (target >= 20). ROUTESIM=path/to/routesim times another build (then nothing is built; a relative
# path is read from the project root). Each run has the scenario's 4 replications: about 0.16 s on one thread,
# so rounds vary; docs/performance.md also gives 16-replication rounds.
# Needs python3; NUMPY=1 needs one with numpy and yaml (PYTHON, default /usr/bin/python3; Debian: python3-numpy python3-yaml).
#
#   benchmarks/mixed-logit-ratio.sh [ROUNDS] [THREADS]
#   NUMPY=1 benchmarks/mixed-logit-ratio.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
[[ $# -le 2 ]] || { echo "mixed-logit-ratio: at most two arguments (ROUNDS THREADS), not $#" >&2; exit 2; }
rounds=${1:-5}
threads=${2:-1}
if [[ -n "${NUMPY:-}" && $# -ge 2 ]]; then
  echo "mixed-logit-ratio: with NUMPY=1 the threads are fixed (one and two); give ROUNDS only" >&2
  exit 2
fi
if [[ -n "${ROUTESIM:-}" ]] && ! [[ -f "$ROUTESIM" && -x "$ROUTESIM" ]]; then
  echo "mixed-logit-ratio: ROUTESIM=$ROUTESIM: no such routesim executable" >&2
  exit 2
fi
if [[ -n "${NUMPY:-}" ]] && ! "${PYTHON:-/usr/bin/python3}" -c "import numpy, yaml" 2> /dev/null; then
  echo "mixed-logit-ratio: NUMPY=1 needs ${PYTHON:-/usr/bin/python3} with numpy and yaml (Debian: apt install python3-numpy python3-yaml)" >&2
  exit 2
fi
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "mixed-logit-ratio: ROUNDS must be a whole number of at least 1, not '$rounds'" >&2; exit 2; }
[[ "$threads" =~ ^[1-9][0-9]*$ ]] || { echo "mixed-logit-ratio: THREADS must be a whole number of at least 1, not '$threads'" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
if [[ -z "${ROUTESIM:-}" ]]; then
  dotnet build src/RouteSim.Cli -c Release -v q > "$out/build.log" 2>&1 || { cat "$out/build.log"; exit 1; }
  ROUTESIM=src/RouteSim.Cli/bin/Release/net10.0/routesim
fi
scenario=benchmarks/scenarios/mixed-border.yaml
cp "$scenario" "$out/spread.yaml"
sed 's/risk_sigma: 0\.4$/risk_sigma: 0/' "$scenario" > "$out/shared.yaml"
sed 's/carries_people: true/carries_people: false/' "$out/shared.yaml" > "$out/plain.yaml"
# rate NAME [THREADS]: one run of that variant, its decisions per second in millions
rate() {
  sync
  "$ROUTESIM" run "$out/$1.yaml" --threads "${2:-$threads}" --out "$out/run-$1" --force --quiet > /dev/null \
    || { echo "mixed-logit-ratio: routesim run of the $1 variant failed (above)" >&2; return 1; }
  python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['decisions_per_second'] / 1e6)" "$out/run-$1/manifest.json"
}
# numpy: the NumPy implementation on the spread scenario, one replication (routes from the last spread run)
numpy() {
  "${PYTHON:-/usr/bin/python3}" benchmarks/reference/routesim_numpy.py "$out/spread.yaml" "$out/run-spread/route_catalog.csv" --replications 1 \
    | sed -E 's/.*: ([0-9.]+) M decisions.*/\1/'
}
if [[ -n "${NUMPY:-}" ]]; then
  for i in $(seq "$rounds"); do
    one=$(rate spread 1) && two=$(rate spread 2) && shared=$(rate shared 1) && py=$(numpy) || exit 1
    echo "$one $two $shared $py"
  done > "$out/rows"
  python3 -c '
import sys, statistics as st
rows = [list(map(float, line.split())) for line in open(sys.argv[1])]
print("%-7s %10s %10s %10s %10s %15s %12s %12s" % ("round", "spread 1T", "spread 2T", "shared 1T", "numpy", "spread : shared", "2T : 1T", "1T : numpy"))
for i, (one, two, shared, py) in enumerate(rows, 1):
    print("%-7d %8.1f M %8.1f M %8.1f M %8.2f M %15.3f %12.2f %12.1f" % (i, one, two, shared, py, one / shared, two / one, one / py))
print("%-7s %8.1f M %8.1f M %8.1f M %8.2f M %15.3f %12.2f %12.1f" % ("median", *(st.median(c) for c in zip(*rows)),
      st.median(r[0] / r[2] for r in rows), st.median(r[1] / r[0] for r in rows), st.median(r[0] / r[3] for r in rows)))
print("(million agent-decisions per second: routesim from manifest.json, numpy one replication; ratios: medians of the rounds\x27 ratios)")' "$out/rows"
  exit 0
fi
for i in $(seq "$rounds"); do
  spread=$(rate spread) && shared=$(rate shared) && plain=$(rate plain) || exit 1
  echo "$spread $shared $plain"
done > "$out/rows"
python3 -c '
import sys, statistics as st
rows = [list(map(float, line.split())) for line in open(sys.argv[1])]
print("%-7s %10s %10s %10s %15s %15s" % ("round", "spread", "shared", "plain", "spread : shared", "shared : plain"))
for i, (spread, shared, plain) in enumerate(rows, 1):
    print("%-7d %8.1f M %8.1f M %8.1f M %15.3f %15.3f" % (i, spread, shared, plain, spread / shared, shared / plain))
print("%-7s %8.1f M %8.1f M %8.1f M %15.3f %15.3f" % ("median", *(st.median(c) for c in zip(*rows)),
      st.median(r[0] / r[1] for r in rows), st.median(r[1] / r[2] for r in rows)))
print("(million agent-decisions per second from manifest.json, --threads '"$threads"'; ratios: medians of the rounds'"'"' ratios)")' "$out/rows"
