#!/usr/bin/env bash
# Analyzer overhead: how much build time the ScalingAnalyzer analyzers add, and their per-analyzer time beside
# the NetAnalyzers' on the same project.
#
#   bash scripts/bench-analyzer-overhead.sh [runs]        (runs per variant, default 5; the median is reported)
#
# What it does:
#   1. builds src/ScalingAnalyzer.CodeFixes in Release (ScalingAnalyzer.dll + ScalingAnalyzer.CodeFixes.dll, the
#      two assemblies the package puts in analyzers/dotnet/cs);
#   2. generates two seeded projects of 300 files each into $OVERHEAD_DIR (default /tmp/scalinganalyzer-overhead):
#      ml/ (TorchSharp 0.107 + Microsoft.ML 5.0.1 training code, some of it triggering the rules) and plain/
#      (neither library referenced) - see benchmarks/ScalingAnalyzer.Benchmarks/AnalyzerOverhead/;
#   3. restores each project once, then times full recompiles (`dotnet build --no-restore --no-incremental`) without
#      and with the analyzers, alternating the order run by run. The only difference between the two variants is
#      -p:ScalingAnalyzerDirectory=..., which adds the two <Analyzer> items: same SDK, compiler and references.
#      Each build runs its own csc process (UseSharedCompilation=false) so the shared compiler server of other
#      builds on the machine cannot queue ours; set SHARED_COMPILATION=true to measure through the server instead;
#   4. one more build per project with -p:ReportAnalyzer=true -v:d for the per-analyzer times, and one on the ml
#      project with every NetAnalyzers rule on (AnalysisLevel=latest-all) to compare with theirs.
# Goals (issue 7): added build time <= 3% on ml/, <= 0.5% on plain/.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
runs=${1:-5}
work=${OVERHEAD_DIR:-/tmp/scalinganalyzer-overhead}
shared=${SHARED_COMPILATION:-false}
files=${OVERHEAD_FILES:-300}   # smaller only for a smoke test of this script
analyzers="$repo/src/ScalingAnalyzer.CodeFixes/bin/Release/netstandard2.0"
results="$work/results.md"
[ -x /usr/bin/time ] || { echo "bench-analyzer-overhead.sh: /usr/bin/time (Debian package 'time') is needed for the CPU-time column" >&2; exit 1; }

echo "== building the analyzers and the project generator (Release)"
dotnet build src/ScalingAnalyzer.CodeFixes -c Release -nologo -v q -clp:ErrorsOnly
dotnet build benchmarks/ScalingAnalyzer.Benchmarks -c Release -nologo -v q -clp:ErrorsOnly
dotnet benchmarks/ScalingAnalyzer.Benchmarks/bin/Release/net10.0/ScalingAnalyzer.Benchmarks.dll generate-overhead-projects "$work" "$files"

build_command() { # project, variant (with|without), extra msbuild arguments... -> the command in the array "command"
  local project=$1 variant=$2; shift 2
  command=(dotnet build "$work/$project" --no-restore --no-incremental -nologo -p:UseSharedCompilation="$shared")
  [ "$variant" = with ] && command+=("-p:ScalingAnalyzerDirectory=$analyzers")
  command+=("$@")
}

build() { build_command "$@"; "${command[@]}"; }

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

for project in ml plain; do
  echo "== $project: restore and one warm-up build per variant"
  dotnet restore "$work/$project" -nologo -v q
  for variant in without with; do build "$project" "$variant" -v q -clp:ErrorsOnly > /dev/null; done
  : > "$work/$project.times"
  for run in $(seq 1 "$runs"); do
    if [ $((run % 2)) -eq 1 ]; then order="without with"; else order="with without"; fi
    for variant in $order; do
      # /usr/bin/time reports the build's wall time and the CPU time of the build and its children (the csc process).
      build_command "$project" "$variant" -v q -clp:PerformanceSummary
      log=$(/usr/bin/time -f 'TIME %e %U %S' -o "$work/time.out" "${command[@]}")
      read -r _ wall user sys < "$work/time.out"
      cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
      csc=$(grep -E '^\s+[0-9]+ ms\s+Csc\s' <<<"$log" | awk '{ print $1 / 1000 }')
      echo "$variant $wall $csc $cpu" >> "$work/$project.times"
      echo "  run $run $variant: build ${wall}s, Csc task ${csc}s, CPU ${cpu}s"
    done
  done
  echo "== $project: per-analyzer times (ReportAnalyzer)"
  build "$project" with -p:ReportAnalyzer=true -v:d > "$work/$project.report.log"
  # MSBuild prints each warning twice (as it happens and in the summary): count distinct file(line,col) sites.
  grep -oE '[^ >]+\.cs\([0-9]+,[0-9]+\): warning [A-Z]+[0-9]+' "$work/$project.report.log" | sort -u | grep -oE '[A-Z]+[0-9]+$' | sort | uniq -c > "$work/$project.diagnostics" || true
done
echo "== ml: per-analyzer times with every NetAnalyzers rule on (AnalysisLevel=latest-all)"
build ml with -p:ReportAnalyzer=true -p:EnableNETAnalyzers=true -p:AnalysisLevel=latest-all -v:d > "$work/ml.netanalyzers.log"

# The compiler's analyzer report (-p:ReportAnalyzer=true -v:d): the block after "Total analyzer execution time".
# Assembly rows have 3 spaces after the % column, analyzer rows 6.
analyzer_block() { awk 'on && !/^[[:space:]]*(Time \(s\)|[0-9<]|$)/ { exit } /Total analyzer execution time/ { on = 1 } on' "$1"; }

analyzer_report() { # log, how many of the slowest analyzers to list
  local block; block=$(analyzer_block "$1")
  grep -m1 'Total analyzer execution time' <<<"$block" | sed -E 's/^[[:space:]]+//'
  echo "Assemblies (time in s, share):"
  grep -E '^[[:space:]]+[0-9.<]+[[:space:]]+[0-9<]+ {3}[^ ]' <<<"$block" | sed -E 's/^[[:space:]]+/  /; s/, Culture=neutral, PublicKeyToken=[0-9a-z]+//; s/, Version=[0-9.]+//'
  echo "Slowest analyzers, and every ScalingAnalyzer rule:"
  grep -E '^[[:space:]]+[0-9.]+[[:space:]]+[0-9<]+ {6}[^ ]' <<<"$block" | sort -rn | awk -v top="$2" 'NR <= top || /ScalingAnalyzer/' \
    | sed -E 's/^[[:space:]]+/  /; s/ {6}/   /'
}

{
  echo "## Analyzer overhead ($(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg))"
  echo
  echo "Command: \`bash scripts/bench-analyzer-overhead.sh $runs\` (median of $runs full recompiles per variant, UseSharedCompilation=$shared)."
  echo
  echo "Every run (variant, build wall s, Csc task s, CPU s):"
  echo
  echo '```'
  for project in ml plain; do awk -v p="$project" '{ print p, $0 }' "$work/$project.times"; done
  echo '```'
  echo
  echo "| Project | files | diagnostics with the analyzers | build without (s) | build with (s) | added | Csc without (s) | Csc with (s) | added to Csc | CPU without (s) | CPU with (s) | added CPU | goal | met (wall) |"
  echo "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
  for project in ml plain; do
    without=$(awk '$1 == "without" { print $2 }' "$work/$project.times" | median)
    with=$(awk '$1 == "with" { print $2 }' "$work/$project.times" | median)
    cscWithout=$(awk '$1 == "without" { print $3 }' "$work/$project.times" | median)
    cscWith=$(awk '$1 == "with" { print $3 }' "$work/$project.times" | median)
    cpuWithout=$(awk '$1 == "without" { print $4 }' "$work/$project.times" | median)
    cpuWith=$(awk '$1 == "with" { print $4 }' "$work/$project.times" | median)
    addedCpu=$(awk -v a="$cpuWithout" -v b="$cpuWith" 'BEGIN { printf "%.1f", (b - a) / a * 100 }')
    goal=$([ "$project" = ml ] && echo 3 || echo 0.5)
    added=$(awk -v a="$without" -v b="$with" 'BEGIN { printf "%.1f", (b - a) / a * 100 }')
    addedCsc=$(awk -v a="$cscWithout" -v b="$cscWith" 'BEGIN { printf "%.1f", (b - a) / a * 100 }')
    met=$(awk -v x="$added" -v g="$goal" 'BEGIN { print (x <= g) ? "yes" : "no" }')
    diagnostics=$({ grep -E 'SCALE' "$work/$project.diagnostics" || true; } | awk '{ printf "%s%s x%s", sep, $2, $1; sep = ", " }')
    echo "| $project | $files | ${diagnostics:-none} | $without | $with | $added% | $cscWithout | $cscWith | $addedCsc% | $cpuWithout | $cpuWith | $addedCpu% | <= $goal% | $met |"
  done
  echo
  echo "Per-analyzer time reported by the compiler (-p:ReportAnalyzer=true), ml project, default NetAnalyzers rules:"
  echo
  echo '```'
  analyzer_report "$work/ml.report.log" 8
  echo '```'
  echo
  echo "ml project with every NetAnalyzers rule on (AnalysisLevel=latest-all):"
  echo
  echo '```'
  analyzer_report "$work/ml.netanalyzers.log" 12
  echo '```'
  echo
  echo "plain project:"
  echo
  echo '```'
  analyzer_report "$work/plain.report.log" 6
  echo '```'
} > "$results"
echo
cat "$results"
