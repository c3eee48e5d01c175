#!/usr/bin/env bash
# The time our analyzers take in a real compilation, measured inside one process by the analyzer driver itself
# (benchmarks/ScalingAnalyzer.OverheadProbe), where the run-to-run variation of whole builds on a shared machine
# does not drown a few percent.
#
#   bash scripts/bench-analyzer-probe.sh [project] [runs] [first-use processes]     (defaults: ml 7 3)
#
# Needs the generated projects and compiler logs of scripts/bench-analyzer-overhead.sh (run it first). The probe
# reads the csc command line of that build (scripts/csc-command-line.sh) and runs the SDK's own compiler assemblies,
# generators and analyzers on it: each run compiles and emits a fresh compilation, then runs every analyzer of the
# command line on one thread and reads the driver's time for each analyzer's callbacks.
#   1. warm: 5 warm-up runs, then [runs] measured, in one process with tiered compilation as the compiler server
#      runs (our code and the compiler JIT-compiled and tiered up);
#   2. first use: [first-use processes] fresh processes, each warmed up 3 times without our analyzers and then run
#      once with them: our callbacks then include loading our types and JIT-compiling our methods, which a fresh csc
#      process (a build with UseSharedCompilation=false, or the first build of a compiler server) pays every time.
#   3. allocations: [runs] fresh compilations, each put through the analyzer pass with and without ours, and the
#      bytes allocated during each pass compared (AnalyzerAllocations): a measure that does not move with the load.
# Workstation, non-concurrent GC in all three, so that no background GC thread runs beside the measured thread.
set -euo pipefail
cd "$(dirname "$0")/.."
project=${1:-ml}
runs=${2:-7}
processes=${3:-3}
work=${OVERHEAD_DIR:-/tmp/scalinganalyzer-overhead}

echo "== building the analyzers and the probe (Release)"
dotnet build src/ScalingAnalyzer.CodeFixes -c Release -nologo -v q -clp:ErrorsOnly
dotnet build benchmarks/ScalingAnalyzer.OverheadProbe -c Release -nologo -v q -clp:ErrorsOnly
probe=benchmarks/ScalingAnalyzer.OverheadProbe/bin/Release/net10.0/ScalingAnalyzer.OverheadProbe.dll
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
bash scripts/csc-command-line.sh "$project" "$out"

export DOTNET_gcServer=0 DOTNET_gcConcurrent=0
echo "== $project, warm: 5 warm-up runs, then $runs measured ($(cut -d' ' -f1-3 /proc/loadavg) load average)"
dotnet "$probe" "$out/csc.rsp" "$work/$project" "$runs" 5
echo "== $project, first use: $processes fresh processes ($(cut -d' ' -f1-3 /proc/loadavg) load average)"
for process in $(seq 1 "$processes"); do
  lines='3p'; [ "$process" = 1 ] && lines='1,3p'   # the table's header once, then one row per process
  dotnet "$probe" "$out/csc.rsp" "$work/$project" 1 3 --first-use | sed -n "$lines"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== $project, allocations: $runs compilations with and without ours ($(cut -d' ' -f1-3 /proc/loadavg) load average)"
dotnet "$probe" "$out/csc.rsp" "$work/$project" "$runs" 1 --allocations
