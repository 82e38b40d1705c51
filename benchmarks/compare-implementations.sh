#!/usr/bin/env bash
# The engine side by side with a plain per-agent object implementation (C#, benchmarks/RouteSim.Baselines) and
# an independent NumPy implementation (benchmarks/reference), on the Mexico Guard scenario and on the tutorial
# with 100,000 agents and 8 routes per pair; then `routesim run` on one and two threads (manifest.json).
# Prints decisions per second and ratios. Needs python3 with numpy and yaml (Debian: python3-numpy python3-yaml).
#
#   benchmarks/compare-implementations.sh [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-BenchmarkDotNet.Artifacts/implementations}
mkdir -p "$out"
python=${PYTHON:-/usr/bin/python3}
if ! "$python" -c "import numpy, yaml" 2>/dev/null; then
  (apt-get install -y -qq python3-numpy python3-yaml > "$out/apt.log" 2>&1) || { echo "needs python3 with numpy and yaml"; exit 2; }
fi

echo "== C#: engine (one and two threads) and plain objects, one replication each (BenchmarkDotNet, short job)"
dotnet run -c Release --project benchmarks/RouteSim.Benchmarks -- --filter '*ImplementationComparison*' --job Short \
  --artifacts "$out/bdn" > "$out/bdn.log" 2>&1
grep -E "^\| (Method|Engine|Plain)" "$out/bdn.log" | cut -d'|' -f2,3,4,9

echo "== routesim run (manifest.json) and NumPy on the same scenarios"
dotnet build src/RouteSim.Cli -c Release -v q > "$out/build.log" 2>&1
routesim=src/RouteSim.Cli/bin/Release/net10.0/routesim
sed 's/agents: 2000$/agents: 100000/' scenarios/tutorial/three-crossings.yaml > "$out/tutorial-100k.yaml"
rate() { "$python" -c "import json,sys; print(round(json.load(open(sys.argv[1]))['decisions_per_second']/1e6, 1))" "$1/manifest.json"; }
printf '%-16s %14s %14s %14s %10s %10s\n' scenario "routesim 1T" "routesim 2T" "numpy" "1T/numpy" "2T/1T"
for scenario in scenarios/north-america-2025/mexico-guard-2025.yaml "$out/tutorial-100k.yaml"; do
  name=$(basename "$scenario" .yaml)
  "$routesim" run "$scenario" --out "$out/$name-1" --threads 1 --force --quiet
  "$routesim" run "$scenario" --out "$out/$name-2" --threads 2 --force --quiet
  one=$(rate "$out/$name-1"); two=$(rate "$out/$name-2")
  numpy=$("$python" benchmarks/reference/routesim_numpy.py "$scenario" "$out/$name-1/route_catalog.csv" --replications 2 \
    --out "$out/$name-numpy.csv" | sed -E 's/.*: ([0-9.]+) M decisions.*/\1/')
  printf '%-16s %12s M %12s M %12s M %9.1fx %9.2fx\n' "$name" "$one" "$two" "$numpy" \
    "$(echo "$one / $numpy" | bc -l)" "$(echo "$two / $one" | bc -l)"
done
echo "(decisions per second, millions; routesim: 20 replications with every CSV written; numpy: 2 replications)"
