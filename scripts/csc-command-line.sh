#!/usr/bin/env bash
# Writes the exact csc arguments of a generated project's build to <output dir>/csc.rsp: the command line the Csc
# task logged in scripts/bench-analyzer-overhead.sh's ReportAnalyzer build (same sources, references, analyzers,
# options), with the outputs sent to <output dir> and our analyzers taken from this working tree's Release build.
#
#   bash scripts/csc-command-line.sh <project: ml|plain> <output dir>
# Used by scripts/bench-analyzer-cpu.sh and scripts/bench-analyzer-probe.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
project=$1
out=$2
log="${OVERHEAD_DIR:-/tmp/scalinganalyzer-overhead}/$project.report.log"
# ANALYZER_DIR=<dir with ScalingAnalyzer.dll and ScalingAnalyzer.CodeFixes.dll>: those instead (the packed ones, say).
analyzers="${ANALYZER_DIR:-$(pwd)/src/ScalingAnalyzer.CodeFixes/bin/Release/netstandard2.0}"
[ -f "$log" ] || { echo "csc-command-line.sh: $log is missing; run scripts/bench-analyzer-overhead.sh first" >&2; exit 1; }
# The Csc task logs its command line as one line: ".../csc <arguments>".
grep -m1 -E '^\s+\S+/csc /noconfig ' "$log" | sed -E 's#^\s+\S+/csc ##' \
  | sed -E "s#/out:[^ ]+#/out:$out/$project.dll#; s#/refout:[^ ]+#/refout:$out/ref.dll#" \
  | sed -E "s#/analyzer:[^ ]+/(ScalingAnalyzer(\.CodeFixes)?\.dll)#/analyzer:$analyzers/\\1#g" > "$out/csc.rsp"
[ -s "$out/csc.rsp" ] || { echo "csc-command-line.sh: no csc command line in $log" >&2; exit 1; }
