#!/usr/bin/env bash
# How long a calibration takes, as /usr/bin/time measures it (issue 23, part 2): `routesim calibrate FILE` with
# each build given, interleaved round by round (a loaded machine slows the builds alike within a round). Prints
# each run's wall time and processor time (user + sys) of the whole command (start-up, the fit, the curvature,
# the final run and the intervals), the fit's loss evaluations, its loss and whether the search converged (from
# manifest.json), then the medians per build and each later build's median wall and processor time as a share of
# the first's.
# The builds' results should agree where their engines do: a differing loss is printed, not hidden.
#
#   benchmarks/calibration-time.sh FILE ROUNDS ROUTESIM [ROUTESIM...]
#   benchmarks/calibration-time.sh scenarios/backtest/gatekeeper/calibration.yaml 3 /old/routesim src/RouteSim.Cli/bin/Release/net10.0/routesim
#
# ROUTESIM is a routesim executable (or its routesim.dll, run with dotnet). THREADS (default: every core) and
# EXTRA (more calibrate options, e.g. "--max-evaluations 200") pass through. Needs /usr/bin/time and python3.
set -euo pipefail
if [[ $# -lt 3 ]]; then
  sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
file=$1
rounds=$2
shift 2
builds=("$@")
[[ -f "$file" ]] || { echo "calibration-time: $file: no such file" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "calibration-time: /usr/bin/time not found (Debian: apt install time)" >&2; exit 2; }
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "calibration-time: ROUNDS must be a whole number of at least 1, not '$rounds'" >&2; exit 2; }
for b in "${builds[@]}"; do
  if [[ $b == *.dll ]]; then [[ -f "$b" ]]; else [[ -f "$b" && -x "$b" ]]; fi \
    || { echo "calibration-time: $b: no such build (a routesim executable or its routesim.dll)" >&2; exit 2; }
done
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
threads=()
[[ -n "${THREADS:-}" ]] && threads=(--threads "$THREADS")
# one BUILD-INDEX: one calibration, printed as "index wall cpu evaluations loss stop"
one() {
  local b=${builds[$1]} cmd
  if [[ $b == *.dll ]]; then cmd=(dotnet "$b"); else cmd=("$b"); fi
  sync
  # shellcheck disable=SC2086
  /usr/bin/time -f "%e %U %S" -o "$out/time" "${cmd[@]}" calibrate "$file" --out "$out/run" --force --quiet "${threads[@]}" ${EXTRA:-} > "$out/log" 2>&1 \
    || { echo "calibration-time: build $b failed:" >&2; cat "$out/log" >&2; exit 1; }
  python3 - "$1" "$out/time" "$out/run/manifest.json" <<'PY'
import json, sys
wall, user, sys_ = map(float, open(sys.argv[2]).read().split()[-3:])
m = json.load(open(sys.argv[3]))
stop = "converged" if m.get("stop_reason", "").startswith("converged") else "not-converged"
print(sys.argv[1], wall, user + sys_, m["evaluations"], m["loss"], stop)
PY
}
for r in $(seq "$rounds"); do
  for i in "${!builds[@]}"; do one "$i"; done
done > "$out/rows"
python3 - "$out/rows" "${builds[@]}" <<'PY'
import sys, statistics as st
rows = [line.split() for line in open(sys.argv[1])]
builds = sys.argv[2:]
print("%-5s %-6s %10s %10s %12s %12s  %s" % ("round", "build", "wall (s)", "CPU (s)", "evaluations", "loss", "search"))
for n, (i, wall, cpu, evals, loss, stop) in enumerate(rows):
    print("%-5d %-6s %10.1f %10.1f %12s %12.6g  %s" % (n // len(builds) + 1, i, float(wall), float(cpu), evals, float(loss), stop))
med = {}
for i, b in enumerate(builds):
    mine = [r for r in rows if r[0] == str(i)]
    med[i] = (st.median(float(r[1]) for r in mine), st.median(float(r[2]) for r in mine))
    losses = sorted({r[4] for r in mine})
    print("build %d (%s): median wall %.1f s, CPU %.1f s; loss %s" % (i, b, *med[i], " / ".join(losses)))
for i in range(1, len(builds)):
    print("build %d / build 0: wall %.2f, CPU %.2f" % (i, med[i][0] / med[0][0], med[i][1] / med[0][1]))
PY
