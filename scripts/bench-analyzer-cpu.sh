#!/usr/bin/env bash
# Where the analyzers' CPU time goes in a real build, measured by the kernel's sampler rather than by clocks: the
# figure stays meaningful on a loaded machine, where wall-clock build times swing by more than what they measure.
#
#   bash scripts/bench-analyzer-cpu.sh [project] [cold|warm] [builds]
#        project: ml or plain (default ml)
#        cold (default): one fresh csc process, as a build with UseSharedCompilation=false or a first build runs it:
#             every analyzer method is JIT-compiled and every type loaded in this one compilation;
#        warm: the compiler server (VBCSCompiler), which `dotnet build` and the IDE use by default: a fresh server
#             started for this script, two builds to warm it up, then [builds] (default 3) full rebuilds sampled;
#             nothing else should build on the machine meanwhile (other builds would use the same server).
#
# ANALYZER_DIR=<dir with ScalingAnalyzer.dll and ScalingAnalyzer.CodeFixes.dll>: measure those (the packed ones,
# with their ReadyToRun code, as a package consumer gets them) instead of the Release build's IL, cold or warm.
#
# Needs: `perf` (Debian package linux-perf) and python3, and the generated projects and compiler logs of
# scripts/bench-analyzer-overhead.sh in $OVERHEAD_DIR (default /tmp/scalinganalyzer-overhead): run that first.
# What it does: cold takes the exact csc command line of that script's ReportAnalyzer build (the same sources,
# references, analyzers and options) and runs csc once under `perf record`; warm samples the compiler server during
# `dotnet build` runs with the same analyzers. 499 samples per second of CPU, call stacks; the runtime writes a perf
# map so JIT-compiled frames have names. It counts the samples whose call stack passes through a ScalingAnalyzer
# method, split by what was running at the top of the stack: our code, Roslyn, the JIT compiling our methods, or the
# runtime (allocation, type loading); Roslyn binding a method body that our code asked for before the analyzer driver
# did (each body is bound once per build, for whichever analyzer asks first: work the build does anyway when the SDK's
# operation analyzers run) is counted apart where its frames have names (warm). Samples are CPU time: a thread
# waiting for a core is not sampled.
set -euo pipefail
cd "$(dirname "$0")/.."
project=${1:-ml}
mode=${2:-cold}
builds=${3:-3}
case "$mode" in cold|warm) ;; *) echo "bench-analyzer-cpu.sh: mode '$mode' is neither cold nor warm" >&2; exit 1;; esac
work=${OVERHEAD_DIR:-/tmp/scalinganalyzer-overhead}
log="$work/$project.report.log"
for tool in perf python3; do
  command -v "$tool" > /dev/null || { echo "bench-analyzer-cpu.sh: '$tool' is needed" >&2; exit 1; }
done
[ -f "$log" ] || { echo "bench-analyzer-cpu.sh: $log is missing; run scripts/bench-analyzer-overhead.sh first" >&2; exit 1; }

echo "== building the analyzers (Release)"
dotnet build src/ScalingAnalyzer.CodeFixes -c Release -nologo -v q -clp:ErrorsOnly
analyzers="${ANALYZER_DIR:-$(pwd)/src/ScalingAnalyzer.CodeFixes/bin/Release/netstandard2.0}"

out=$(mktemp -d)
trap '[ -n "${KEEP_PERF:-}" ] || rm -rf "$out"' EXIT
export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0

if [ "$mode" = cold ]; then
  bash scripts/csc-command-line.sh "$project" "$out"
  csc=$(dirname "$(command -v dotnet)")/sdk/$(dotnet --version)/Roslyn/bincore/csc.dll
  [ -f "$csc" ] || csc=$(ls /usr/share/dotnet/sdk/*/Roslyn/bincore/csc.dll | tail -n 1)

  echo "== $project, cold: csc under perf record ($(cut -d' ' -f1-3 /proc/loadavg) load average)"
  (cd "$work/$project" && perf record -q -F 499 -g -o "$out/perf.data" -- dotnet "$csc" @"$out/csc.rsp" > "$out/csc.log" 2>&1) || true
  grep -qE 'error CS' "$out/csc.log" && { echo "bench-analyzer-cpu.sh: csc reported errors:" >&2; grep -m5 'error CS' "$out/csc.log" >&2; exit 1; }
else
  build() { dotnet build "$work/$project" --no-restore --no-incremental -nologo -v q -clp:ErrorsOnly \
    -p:UseSharedCompilation=true -p:ScalingAnalyzerDirectory="$analyzers" > "$out/build.log" 2>&1 \
    || { echo "bench-analyzer-cpu.sh: the build failed:" >&2; tail -5 "$out/build.log" >&2; exit 1; }; }
  # The server inherits the environment of the build that starts it: shut down any running one so that ours has the perf map.
  dotnet build-server shutdown --vbcscompiler > /dev/null 2>&1 || true
  echo "== $project, warm: two builds to start and warm the compiler server"
  build; build
  server=$(pgrep -f 'VBCSCompiler' | head -n 1) || { echo "bench-analyzer-cpu.sh: no compiler server is running" >&2; exit 1; }
  echo "== $project, warm: $builds builds with the server (pid $server) under perf record ($(cut -d' ' -f1-3 /proc/loadavg) load average)"
  perf record -q -F 499 -g -p "$server" -o "$out/perf.data" 2> /dev/null &
  recorder=$!
  sleep 1
  for _ in $(seq 1 "$builds"); do build; done
  kill -INT "$recorder"; wait "$recorder" || true
  dotnet build-server shutdown --vbcscompiler > /dev/null 2>&1 || true
fi
perf script -i "$out/perf.data" 2> /dev/null > "$out/perf.txt"

if [ -n "${KEEP_PERF:-}" ]; then echo "perf samples kept in $out/perf.txt"; fi
python3 - "$out/perf.txt" <<'EOF'
import collections, sys
total = ours = 0
kinds = collections.Counter()
methods = collections.Counter()
for sample in open(sys.argv[1]).read().split('\n\n'):
    lines = sample.strip().split('\n')
    if len(lines) < 2:
        continue
    total += 1
    frames = [line.strip().split(' ', 1)[-1] for line in lines[1:]]
    # JIT-compiled code is named by the runtime's perf map; ReadyToRun code (the packed assembly) only by the file.
    mine = [i for i, frame in enumerate(frames) if '[ScalingAnalyzer]' in frame or 'ScalingAnalyzer.dll)' in frame]
    if not mine:
        continue
    ours += 1
    if any('libclrjit' in frame for frame in frames):
        kinds['JIT compiling our methods and their generic instantiations'] += 1
    elif '[ScalingAnalyzer]' in frames[0] or 'ScalingAnalyzer.dll)' in frames[0]:
        kinds['our code'] += 1
    elif any('GetOperationWorker' in frame for frame in frames[:mine[0]]):
        # The compiler binds each method body once, for whichever analyzer asks first; the SDK's operation analyzers
        # ask for every body. Named only where Roslyn runs JIT-compiled code (warm); ReadyToRun frames have no names.
        kinds['Roslyn binding a body our code asked for first (bound once per build, shared)'] += 1
    elif any('libcoreclr' in frame for frame in frames[:mine[0]]):
        kinds['runtime (allocation, GC, type loading, stubs)'] += 1
    else:
        kinds['Roslyn and the base library, called by our code'] += 1
    methods[frames[mine[0]].split('(')[0].split(' ')[-1]] += 1
print(f'CPU samples: {total} in the compiler, {ours} with a ScalingAnalyzer method on the stack ({100 * ours / max(total, 1):.1f}% of the compiler\'s CPU time)')
for kind, count in kinds.most_common():
    print(f'  {count:6d}  {100 * count / max(ours, 1):5.1f}%  {kind}')
print('Innermost ScalingAnalyzer method of those samples (top 12):')
for method, count in methods.most_common(12):
    print(f'  {count:6d}  {100 * count / max(ours, 1):5.1f}%  {method}')
EOF
