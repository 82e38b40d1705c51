#!/usr/bin/env bash
# Two cores against one, as manifest.json reports it: `routesim run` on one thread, on one thread with the
# process pinned to one core (taskset), and on two threads, ROUNDS times in turn; prints each round and the
# medians. Each run starts after `sync` so the page cache writing back an earlier run's files does not land in
# a later run. Needs python3 and taskset (util-linux).
#
#   benchmarks/manifest-scaling.sh [SCENARIO] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
[[ $# -le 2 ]] || { echo "manifest-scaling: at most two arguments (SCENARIO ROUNDS), not $#" >&2; exit 2; }
scenario=${1:-scenarios/north-america-2025/mexico-guard-2025.yaml}
rounds=${2:-8}
[[ -f "$scenario" ]] || { echo "manifest-scaling: $scenario: no such scenario file" >&2; exit 2; }
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "manifest-scaling: ROUNDS must be a whole number of at least 1, not '$rounds'" >&2; exit 2; }
command -v taskset > /dev/null || { echo "manifest-scaling: taskset not found (Debian: apt install util-linux)" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
dotnet build src/RouteSim.Cli -c Release -v q > "$out/build.log" 2>&1 || { cat "$out/build.log"; exit 1; }
routesim=src/RouteSim.Cli/bin/Release/net10.0/routesim
# run THREADS [COMMAND PREFIX...]: one run, its decisions per second in millions
run() {
  local threads=$1
  shift
  sync
  sleep 0.5
  # --quiet hides progress, not the results tables: stdout is not for this script.
  "$@" "$routesim" run "$scenario" --threads "$threads" --out "$out/run" --force --quiet > /dev/null \
    || { echo "manifest-scaling: routesim run on $threads thread(s) failed (above)" >&2; return 1; }
  python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['decisions_per_second'] / 1e6)" "$out/run/manifest.json"
}
for i in $(seq "$rounds"); do
  one=$(run 1) && pinned=$(run 1 taskset -c 0) && two=$(run 2) || exit 1
  echo "$one $pinned $two"
done > "$out/rows"
python3 -c '
import sys, statistics as st
rows = [list(map(float, line.split())) for line in sys.stdin]
print("%-7s %12s %14s %12s %8s %10s" % ("round", "1 thread", "1 core pinned", "2 threads", "2T/1T", "2T/pinned"))
for i, (one, pinned, two) in enumerate(rows, 1):
    print("%-7d %10.1f M %12.1f M %10.1f M %8.2f %10.2f" % (i, one, pinned, two, two / one, two / pinned))
one, pinned, two = (st.median(c) for c in zip(*rows))
print("%-7s %10.1f M %12.1f M %10.1f M %8.2f %10.2f" % ("median", one, pinned, two, two / one, two / pinned))
print("(million agent-decisions per second from manifest.json)")' < "$out/rows"
