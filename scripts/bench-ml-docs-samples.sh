#!/usr/bin/env bash
# ScalingAnalyzer's share of the compiler's time on real code: the ML.NET repository's docs samples project
# (docs/benchmarks.md, "dotnet/machinelearning docs/samples"). The project's .cs files are copied into a work
# directory with a project file that references the ML.NET packages this machine can restore (Microsoft.ML,
# .FastTree, .LightGbm, .ImageAnalytics 5.0.1) instead of ML.NET's sources; files that do not compile against them
# (they need TimeSeries, Vision, TensorFlow, Onnx, ...) are removed until the rest compiles, so that no
# declaration-level error makes csc skip the analyzers. Then the project is rebuilt RUNS times with a cold compiler
# (UseSharedCompilation=false) and -p:ReportAnalyzer=true, and each run prints: the Csc task's time, all analyzers'
# time, ours, each of our rules, and the slowest analyzers of the build.
# Usage: scripts/bench-ml-docs-samples.sh <path to docs/samples/Microsoft.ML.Samples of dotnet/machinelearning> [RUNS]
# ANALYZER=<path to ScalingAnalyzer.dll> measures that assembly instead of the one packed from this tree;
# ANALYZERS="<a.dll> <b.dll> ..." measures several, alternating build by build (a paired comparison: RUNS builds each).
# BENCH_WORK=<dir> keeps the work directory; ANALYSIS_LEVEL=<level> sets AnalysisLevel (default: the SDK's default).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
samples="${1:?usage: $0 <path to Microsoft.ML.Samples> [runs]}"
runs="${2:-3}"
work="${BENCH_WORK:-$(mktemp -d)}"
[ -f "$samples/Program.cs" ] || { echo "no Program.cs in $samples: give the Microsoft.ML.Samples folder" >&2; exit 2; }

# The analyzer as users get it: the packed package's ScalingAnalyzer.dll (ReadyToRun code on linux-x64), or the
# assembly given as ANALYZER=<path to ScalingAnalyzer.dll>.
if [ -n "${ANALYZERS:-}" ]; then
    ANALYZER=${ANALYZERS%% *}
elif [ -z "${ANALYZER:-}" ]; then
    dotnet pack "$repo/src/ScalingAnalyzer.Package" -c Release -nologo -v q -clp:ErrorsOnly -o "$work/feed" >/dev/null
    rm -rf "$work/package" && mkdir -p "$work/package"
    (cd "$work/package" && unzip -q -o "$work"/feed/ScalingAnalyzer.*.nupkg 'analyzers/*')
    ANALYZER="$work/package/analyzers/dotnet/cs/ScalingAnalyzer.dll"
fi
analyzer="$ANALYZER"

app="$work/app"
if [ ! -f "$app/.prepared" ]; then
    rm -rf "$app" && mkdir -p "$app"
    (cd "$samples" && find . -name '*.cs' -print0 | tar --null -T - -cf -) | (cd "$app" && tar -xf -)
    rm -f "$app/Dynamic/Transforms/CountTargetEncoding.cs" # removed by the original project file too
    cat > "$app/app.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <OutputType>Exe</OutputType>
    <RootNamespace>Samples</RootNamespace>
    <Nullable>disable</Nullable>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
    <NoWarn>\$(NoWarn);CS0618;CS8981</NoWarn>
  </PropertyGroup>
  <PropertyGroup Condition="'\$(AnalysisLevelOverride)' != ''"><AnalysisLevel>\$(AnalysisLevelOverride)</AnalysisLevel></PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Microsoft.ML" Version="5.0.1" />
    <PackageReference Include="Microsoft.ML.FastTree" Version="5.0.1" />
    <PackageReference Include="Microsoft.ML.LightGbm" Version="5.0.1" />
    <PackageReference Include="Microsoft.ML.ImageAnalytics" Version="5.0.1" />
    <Analyzer Include="\$(OursDll)" Condition="'\$(WithOurs)' != 'false'" />
  </ItemGroup>
</Project>
XML
    (cd "$app" && dotnet restore -nologo -v q >/dev/null)
    for round in 1 2 3 4 5 6; do
        (cd "$app" && dotnet build -nologo --no-incremental -p:WithOurs=false -v q -clp:ErrorsOnly > "$work/prepare.txt" 2>&1) && break
        bad=$(grep -oE '^[^(]+\.cs\(' "$work/prepare.txt" | sed 's/($//' | sort -u)
        [ -n "$bad" ] || { cat "$work/prepare.txt" >&2; exit 1; }
        echo "$bad" | while read -r f; do rm -f "$f"; done
    done
    touch "$app/.prepared"
fi
echo "files compiled: $(find "$app" -name '*.cs' -not -path '*/obj/*' -not -path '*/bin/*' | wc -l); work directory: $work"

run=0
for round in $(seq 1 "$runs"); do
  for analyzer in ${ANALYZERS:-$analyzer}; do
    run=$((run + 1))
    log="$work/build-$run.txt"
    # The first build's log also serves scripts/csc-command-line.sh (project name "app"), for bench-analyzer-cpu.sh and the probe.
    (cd "$app" && dotnet build -nologo --no-incremental -p:UseSharedCompilation=false -p:ReportAnalyzer=true -p:OursDll="$analyzer" \
        ${ANALYSIS_LEVEL:+-p:AnalysisLevelOverride=$ANALYSIS_LEVEL} -v:d -clp:PerformanceSummary > "$log" 2>&1)
    # The compiler's report: "Total analyzer execution time: N seconds." then one line per assembly
    # ("  0.123   45   Name, Version=...") followed by one line per analyzer ("  0.100   36      Type (IDS)").
    csc=$(grep -E '^\s+[0-9]+ ms\s+Csc\s' "$log" | tail -1 | awk '{print $1/1000}' || true)
    all=$(grep -m1 'Total analyzer execution time:' "$log" | grep -oE '[0-9]+\.[0-9]+' | head -1 || true)
    ours=$(grep -m1 -E 'ScalingAnalyzer, Version=' "$log" | awk '{print $1}' || true)
    share=$(awk -v o="${ours:-0}" -v c="${csc:-0}" 'BEGIN { if (c > 0) printf "%.2f%%", 100 * o / c; else print "?" }')
    warnings=$(grep -oE 'warning SCALE00[0-9]' "$log" | sort | uniq -c | awk '{printf "%s x%d ", $3, $1 / 2}' || true)
    [ "$run" = 1 ] && cp "$log" "$work/app.report.log"
    [ -n "${ANALYZERS:-}" ] && echo "run $run: $analyzer"
    echo "run $run: Csc task ${csc:-?} s, all analyzers ${all:-?} s, ScalingAnalyzer ${ours:-?} s (${share} of the Csc task); ${warnings:-no SCALE warnings}; load $(cut -d' ' -f1 /proc/loadavg)"
    echo "  slowest analyzers of the build (ours marked *):"
    grep -E '^\s+<?[0-9.]+\s+<?[0-9]+\s+\S+ \(' "$log" | grep -v ', Version=' | sort -k1 -gr | head -5 \
        | awk '{mark = ($3 ~ /^ScalingAnalyzer\./) ? "*" : " "; printf "   %s %-7s %s %s\n", mark, $1, $3, $4}' || true
    grep -E '^\s+<?[0-9.]+\s+<?[0-9]+\s+ScalingAnalyzer\.Rules\.' "$log" | awk '{printf "     %-7s %s %s\n", $1, $3, $4}' || true
  done
done
