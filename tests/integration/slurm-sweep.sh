#!/bin/bash
# Integration test: a RouteSim sweep sharded over a real single-node Slurm cluster (Debian's slurm-wlm and
# munge, started here and stopped at the end), merged, and compared byte for byte with a single-process run;
# one shard's first attempt is killed with SIGKILL mid-run and its requeued retry must give the same bytes.
# Run from the repository root: tests/integration/slurm-sweep.sh   (prints "slurm integration: passed").
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/routesim-slurm-XXXXXX)
cluster="$work/cluster"
shards=4
sweep="$root/scenarios/tutorial/sweeps/displacement-sobol.yaml"

cleanup() {
  "$root/deploy/slurm/local-cluster.sh" stop "$cluster" || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "slurm integration: FAILED: $*" >&2; exit 1; }
step() { echo "== $*" >&2; }

step "building routesim"
dotnet build "$root/src/RouteSim.Cli" -c Release -v q -nologo >/dev/null
export ROUTESIM="dotnet $root/src/RouteSim.Cli/bin/Release/net10.0/routesim.dll"

step "starting a single-node Slurm cluster"
"$root/deploy/slurm/local-cluster.sh" start "$cluster"
export SLURM_CONF="$cluster/slurm.conf"

step "single-process reference run"
$ROUTESIM sweep "$sweep" --out "$work/reference" --quiet

state_of() { squeue -h -j "$1" -t all -o '%T' 2>/dev/null | head -1; }
wait_for_job() { # job id; waits until nothing of it is pending or running
  for _ in $(seq 1200); do
    if ! squeue -h -j "$1" -t PENDING,RUNNING,CONFIGURING,COMPLETING,REQUEUED 2>/dev/null | grep -q .; then return 0; fi
    sleep 0.25
  done
  fail "job $1 did not finish in 5 minutes"
}

step "submitting the array: $shards shards"
cd "$work"
job=$(sbatch --parsable --array=0-$((shards - 1)) --output="$work/task-%A_%a.log" "$root/deploy/slurm/sweep-array.sbatch" "$sweep" "$work/shards")
job=${job%%;*}

step "killing the first attempt of shard 1 (job ${job}_1) with SIGKILL while it runs"
killed=no
for _ in $(seq 2400); do
  if [[ $(state_of "${job}_1") == RUNNING ]] && compgen -G "$work/shards/.shard-0001-of-0004.partial-*" >/dev/null; then
    scancel --batch --signal=KILL "${job}_1"
    killed=yes
    break
  fi
  sleep 0.05
done
[[ $killed == yes ]] || fail "shard 1 was never seen running"
for _ in $(seq 400); do
  s=$(state_of "${job}_1")
  [[ $s == FAILED || $s == CANCELLED || $s == COMPLETED ]] && break
  sleep 0.1
done
[[ $(state_of "${job}_1") == FAILED ]] || fail "the killed attempt ended as $(state_of "${job}_1"), not FAILED"
[[ ! -e "$work/shards/shard-0001-of-0004" ]] || fail "a killed shard left a folder that looks complete"
compgen -G "$work/shards/.shard-0001-of-0004.partial-*" >/dev/null || fail "the killed attempt left no partial folder (was it killed mid-run?)"
wait_for_job "$job"

step "merging without shard 1 must fail and name it"
if $ROUTESIM merge "$work/shards" --out "$work/incomplete" 2>"$work/merge-error.txt"; then fail "merge accepted a sweep with a missing shard"; fi
grep -q "missing: work items .* (shard 1 of 4)" "$work/merge-error.txt" || fail "merge did not name the missing shard: $(cat "$work/merge-error.txt")"

step "requeueing shard 1 (its retry)"
scontrol requeue "${job}_1"
# Slurm holds a requeued job back for about two minutes (its BeginTime); release it now.
for _ in $(seq 50); do
  [[ $(state_of "${job}_1") == PENDING ]] && break
  sleep 0.1
done
scontrol update JobId="${job}_1" StartTime=now || true
sleep 1
wait_for_job "$job"
[[ $(state_of "${job}_1") == COMPLETED ]] || fail "the retry of shard 1 ended as $(state_of "${job}_1")"
for i in 0 1 2 3; do [[ -f "$work/shards/shard-000$i-of-0004/manifest.json" ]] || fail "shard $i is not complete"; done

step "merging and comparing with the single-process run"
$ROUTESIM merge "$work/shards" --out "$work/merged" --quiet
for f in runs.csv points.csv sweep.json; do
  cmp "$work/reference/$f" "$work/merged/$f" || fail "merged $f differs from the single-process run"
done

step "rerunning a complete shard does nothing; forcing it rewrites the same bytes"
before=$(sha256sum "$work/shards/shard-0002-of-0004/runs.csv")
$ROUTESIM sweep "$sweep" --shard 2/4 --out "$work/shards" | grep -q "already complete" || fail "a complete shard was run again"
$ROUTESIM sweep "$sweep" --shard 2/4 --out "$work/shards" --force --quiet
[[ $(sha256sum "$work/shards/shard-0002-of-0004/runs.csv") == "$before" ]] || fail "a forced rerun of shard 2 changed its rows"

echo "slurm integration: passed ($(wc -l < "$work/merged/runs.csv") rows, $shards shards, one killed and retried)"
