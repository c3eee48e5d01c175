#!/usr/bin/env bash
# Every benchmark of docs/benchmarks.md, in the order the document lists them:
#   1. NIST StRD accuracy table (a computation: LRE per dataset, ours beside MathNet, torch and the exact solution);
#   2. BenchmarkDotNet: scaler throughput (tensors, arrays) and least-squares speed, ratios measured in one run;
#   3. analyzer overhead (scripts/bench-analyzer-overhead.sh, whole builds timed, median of 5), then where the
#      analyzers' CPU time goes in those builds, in a fresh csc process and in the warm compiler server
#      (scripts/bench-analyzer-cpu.sh, sampled by perf; skipped without perf), paired builds through the
#      compiler server (scripts/bench-analyzer-server.sh), and the analyzer driver's own account of our callbacks,
#      warm and at first use, in process (scripts/bench-analyzer-probe.sh);
#   4. BenchmarkDotNet: the analyzers on pathological input (issue 6), against the compiler alone.
#
#   bash scripts/bench.sh                   everything (20 minutes and more on 2 quiet cores)
#   bash scripts/bench.sh '*LeastSquares*'  only the BenchmarkDotNet classes matching the filter
#
# BenchmarkDotNet writes its tables to BenchmarkDotNet.Artifacts/results/; the overhead script to
# $OVERHEAD_DIR/results.md. The load average is printed before and after each part: record it beside the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
load() { echo "load average ($1): $(cut -d' ' -f1-3 /proc/loadavg)"; }

dotnet build benchmarks/ScalingAnalyzer.Benchmarks -c Release -nologo -v q -clp:ErrorsOnly
bench=benchmarks/ScalingAnalyzer.Benchmarks/bin/Release/net10.0/ScalingAnalyzer.Benchmarks.dll
benchmarkdotnet() { # filters...
  load "before BenchmarkDotNet $*"
  dotnet "$bench" --filter "$@" || { echo "BenchmarkDotNet: a benchmark failed"; status=1; }
  load "after BenchmarkDotNet $*"
}

if [ $# -gt 0 ]; then
  benchmarkdotnet "$@"
  exit "$status"
fi
load "before NIST"
dotnet "$bench" nist || { echo "NIST: a dataset misses its goal"; status=1; }
benchmarkdotnet '*TensorScaler*' '*ArrayScaler*' '*LeastSquares*'
bash scripts/bench-analyzer-overhead.sh 5
load "after analyzer overhead"
if command -v perf > /dev/null && command -v python3 > /dev/null; then
  for project in ml plain; do
    for mode in cold warm; do bash scripts/bench-analyzer-cpu.sh "$project" "$mode" || status=1; done
    bash scripts/bench-analyzer-server.sh "$project" 8 || status=1
  done
else
  echo "perf or python3 missing: the analyzers' CPU breakdown (scripts/bench-analyzer-cpu.sh) is skipped"
fi
bash scripts/bench-analyzer-probe.sh ml 7 3 || status=1
benchmarkdotnet '*PathologicalInput*'
exit "$status"
