#!/bin/bash
# Integration test: a RouteSim sweep sharded over a real single-node Slurm cluster (Debian's slurm-wlm and
# munge, started here and stopped at the end), merged, and compared byte for byte with a single-process run.
# The array is stepped (--array=0-15:4); two shards' first attempts are killed with SIGKILL mid-run and rerun by
# a list of the failed tasks (refused without ROUTESIM_ARRAY, exact with it); a tampered shard must be refused.
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

# Runs routesim's array script over the array SPEC; prints the job id. Extra sbatch options may follow.
submit() { local spec=$1; shift; local id; id=$(sbatch --parsable "$@" --array="$spec" --output="$work/task-%A_%a.log" "$root/deploy/slurm/sweep-array.sbatch" "$sweep" "$work/shards"); echo "${id%%;*}"; }

# Waits until task TASK of JOB runs with its unfinished folder for shard SHARD present, then SIGKILLs it.
kill_while_running() { # job task shard
  for _ in $(seq 2400); do
    if [[ $(state_of "$1_$2") == RUNNING ]] && compgen -G "$work/shards/.shard-000$3-of-0004.partial-*" >/dev/null; then
      scancel --batch --signal=KILL "$1_$2"
      for _ in $(seq 400); do
        s=$(state_of "$1_$2")
        [[ $s == FAILED || $s == CANCELLED || $s == COMPLETED ]] && break
        sleep 0.1
      done
      [[ $(state_of "$1_$2") == FAILED ]] || fail "the killed task $1_$2 ended as $(state_of "$1_$2"), not FAILED"
      return 0
    fi
    sleep 0.05
  done
  fail "task $1_$2 (shard $3) was never seen running"
}

step "submitting a stepped array: --array=0-15:4 (tasks 0, 4, 8, 12: shards 0-3 of $shards)"
cd "$work"
job=$(submit 0-15:4)

step "killing the first attempts of tasks 4 and 12 (shards 1 and 3) with SIGKILL while they run"
kill_while_running "$job" 4 1
kill_while_running "$job" 12 3
wait_for_job "$job"
for i in 0 2; do [[ -f "$work/shards/shard-000$i-of-0004/manifest.json" ]] || fail "shard $i of the stepped array is not complete: $(cat "$work"/task-"${job}"_*.log)"; done
# (Their hidden unfinished folders may already be gone: a task started after a kill on this host removes them.)
for i in 1 3; do [[ ! -e "$work/shards/shard-000$i-of-0004" ]] || fail "killed shard $i left a folder that looks complete"; done

step "merging without shards 1 and 3 must fail and name them"
if $ROUTESIM merge "$work/shards" --out "$work/incomplete" 2>"$work/merge-error.txt"; then fail "merge accepted a sweep with missing shards"; fi
grep -q "missing: work items .* (shard 1 of 4)" "$work/merge-error.txt" || fail "merge did not name missing shard 1: $(cat "$work/merge-error.txt")"
grep -q "missing: work items .* (shard 3 of 4)" "$work/merge-error.txt" || fail "merge did not name missing shard 3: $(cat "$work/merge-error.txt")"

step "rerunning the failed tasks by list without naming the first array: every task refuses"
list=$(submit 4,12)
wait_for_job "$list"
for t in 4 12; do
  [[ $(state_of "${list}_$t") == FAILED ]] || fail "task $t of a bare list rerun ended as $(state_of "${list}_$t"), not FAILED"
  grep -q "ROUTESIM_ARRAY" "$work/task-${list}_$t.log" || fail "task $t of a bare list rerun did not say how to name the shards: $(cat "$work/task-${list}_$t.log")"
done
[[ ! -e "$work/shards/shard-0000-of-0002" && ! -e "$work/shards/shard-0001-of-0002" ]] || fail "a bare list rerun computed shards of another split"

step "rerunning the failed tasks by list, naming the first array: ROUTESIM_ARRAY=0-15:4 sbatch --array=4,12"
list=$(ROUTESIM_ARRAY=0-15:4 submit 4,12)
wait_for_job "$list"
for t in 4 12; do [[ $(state_of "${list}_$t") == COMPLETED ]] || fail "task $t of the list rerun ended as $(state_of "${list}_$t"): $(cat "$work/task-${list}_$t.log")"; done
for i in 0 1 2 3; do [[ -f "$work/shards/shard-000$i-of-0004/manifest.json" ]] || fail "shard $i is not complete"; done
[[ $(find "$work/shards" -mindepth 1 -maxdepth 1 | wc -l) -eq 4 ]] || fail "the shards folder holds more than the 4 shards (leftovers of the killed tasks?): $(ls -A "$work/shards")"

step "merging and comparing with the single-process run"
$ROUTESIM merge "$work/shards" --out "$work/merged" --quiet
for f in runs.csv points.csv sweep.json; do
  cmp "$work/reference/$f" "$work/merged/$f" || fail "merged $f differs from the single-process run"
done

step "a tampered shard: an outcome changed by +1000 in shard 2 must be refused, naming the file and row"
cp -r "$work/shards" "$work/tampered"
runs="$work/tampered/shard-0002-of-0004/runs.csv"
awk -F, -v OFS=, 'NR == 4 { $NF = $NF + 1000 } { print }' "$runs" > "$runs.new" && mv "$runs.new" "$runs"
if $ROUTESIM merge "$work/tampered" --out "$work/tampered-merged" 2>"$work/tamper-error.txt"; then fail "merge accepted a tampered shard"; fi
[[ $(wc -l < "$work/tamper-error.txt") -eq 1 ]] || fail "a tampered shard gave more than one line: $(cat "$work/tamper-error.txt")"
grep -q "shard-0002-of-0004/runs.csv:4: " "$work/tamper-error.txt" || fail "the tampered row was not named: $(cat "$work/tamper-error.txt")"
[[ ! -e "$work/tampered-merged" ]] || fail "a refused merge left a folder"

step "rerunning a complete shard does nothing; forcing it rewrites the same bytes"
before=$(sha256sum "$work/shards/shard-0002-of-0004/runs.csv")
$ROUTESIM sweep "$sweep" --shard 2/4 --out "$work/shards" | grep -q "already complete" || fail "a complete shard was run again"
$ROUTESIM sweep "$sweep" --shard 2/4 --out "$work/shards" --force --quiet
[[ $(sha256sum "$work/shards/shard-0002-of-0004/runs.csv") == "$before" ]] || fail "a forced rerun of shard 2 changed its rows"

echo "slurm integration: passed ($(wc -l < "$work/merged/runs.csv") rows, $shards shards of a stepped array, two killed and rerun by list, a tampered shard refused)"
