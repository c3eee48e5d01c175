#!/usr/bin/env bash
# What the analyzers add to the CPU time of builds through the compiler server (VBCSCompiler), which `dotnet build`
# and the IDE use by default: full rebuilds of a generated project with and without the analyzers, in pairs of
# alternating order, each measured as the CPU time the server process spent on that build (user + system, from
# /proc/<pid>/stat). The server stays warm across all builds, so every figure is steady-state compile time, and the
# CPU time of MSBuild and of the dotnet client is left out. Everything the analyzers cause counts, including the
# work the analyzer driver does on their behalf (operation trees, semantic models, [SuppressMessage] checks of the
# diagnostics they report), which never has one of our methods on its stack.
#
#   bash scripts/bench-analyzer-server.sh [project] [pairs]      (ml or plain, default ml; default 8 pairs)
#
# Needs the generated projects of scripts/bench-analyzer-overhead.sh in $OVERHEAD_DIR (default
# /tmp/scalinganalyzer-overhead); nothing else may build on the machine meanwhile (it would use the same server).
set -euo pipefail
cd "$(dirname "$0")/.."
project=${1:-ml}
pairs=${2:-8}
work=${OVERHEAD_DIR:-/tmp/scalinganalyzer-overhead}
[ -f "$work/$project/$project.csproj" ] || { echo "bench-analyzer-server.sh: $work/$project is missing; run scripts/bench-analyzer-overhead.sh first" >&2; exit 1; }
dotnet build src/ScalingAnalyzer.CodeFixes -c Release -nologo -v q -clp:ErrorsOnly > /dev/null
analyzers="$(pwd)/src/ScalingAnalyzer.CodeFixes/bin/Release/netstandard2.0"
ticks=$(getconf CLK_TCK)

build() { # variant
  local extra=()
  [ "$1" = with ] && extra=("-p:ScalingAnalyzerDirectory=$analyzers")
  dotnet build "$work/$project" --no-restore --no-incremental -nologo -v q -clp:ErrorsOnly -p:UseSharedCompilation=true "${extra[@]}" > /dev/null
}
server_ticks() { awk '{ print $14 + $15 }' "/proc/$server/stat"; }

dotnet build-server shutdown --vbcscompiler > /dev/null 2>&1 || true
build without; build with; build without; build with
server=$(pgrep -f VBCSCompiler | head -n 1)
echo "== $project: $pairs pairs through the compiler server (pid $server), load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u '+%H:%M UTC')"
: > "$work/$project.server"
for pair in $(seq 1 "$pairs"); do
  if [ $((pair % 2)) -eq 1 ]; then order="without with"; else order="with without"; fi
  for variant in $order; do
    before=$(server_ticks); build "$variant"; after=$(server_ticks)
    cpu=$(awk -v a="$before" -v b="$after" -v t="$ticks" 'BEGIN { printf "%.2f", (b - a) / t }')
    echo "$pair $variant $cpu" >> "$work/$project.server"
    echo "  pair $pair $variant: server CPU ${cpu}s"
  done
done
dotnet build-server shutdown --vbcscompiler > /dev/null 2>&1 || true
python3 - "$work/$project.server" "$project" <<'PY'
import sys, statistics, math
rows = [line.split() for line in open(sys.argv[1])]
by = {}
for pair, variant, cpu in rows:
    by.setdefault(int(pair), {})[variant] = float(cpu)
without = [v['without'] for v in by.values()]
with_ = [v['with'] for v in by.values()]
diffs = [v['with'] / v['without'] - 1 for v in by.values()]
mean = statistics.mean(diffs)
t975 = {1: 12.71, 2: 4.30, 3: 3.18, 4: 2.78, 5: 2.57, 6: 2.45, 7: 2.36, 8: 2.31, 9: 2.26, 10: 2.23, 11: 2.20, 12: 2.18,
        13: 2.16, 14: 2.14, 15: 2.13}.get(len(diffs) - 1, 2.0)  # Student's t, two-sided 95%
half = t975 * statistics.stdev(diffs) / math.sqrt(len(diffs)) if len(diffs) > 1 else float('nan')
print(f"{sys.argv[2]}: server CPU per build, median without {statistics.median(without):.2f} s, with {statistics.median(with_):.2f} s; "
      f"added per pair: mean {100*mean:+.1f}% (95% interval {100*(mean-half):+.1f}% to {100*(mean+half):+.1f}%), "
      f"median {100*statistics.median(diffs):+.1f}%, pairs {', '.join(f'{100*d:+.1f}%' for d in diffs)}")
PY
