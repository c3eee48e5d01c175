#!/usr/bin/env bash
# Build time added by data files (docs/benchmarks.md, "Data files"): one ML.NET program that trains on
# Data/data.csv through LoadFromTextFile, built with the analyzer against files of 1 KB to 1 GB given as
# AdditionalFiles, and once with no AdditionalFiles. Reports the compiler's analyzer time for SCALE002
# (-p:ReportAnalyzer=true) and the wall time of the build; cold compiler (UseSharedCompilation=false).
# Each size is built twice: the file given to the analyzer as it is (raw), and through the package's targets, which
# hand over a prefix copy of files larger than ScalingAnalyzerDataFilePrefixKB (package).
# Usage: scripts/bench-data-files.sh [sizes in KB...]   (default: 1 1024 65536 1048576)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="${BENCH_WORK:-$(mktemp -d)}"
sizes=("${@:-1 1024 65536 1048576}")
[ $# -eq 0 ] && sizes=(1 1024 65536 1048576)

dotnet build "$repo/src/ScalingAnalyzer" -c Release -nologo -v q -clp:ErrorsOnly >/dev/null
dotnet build "$repo/src/ScalingAnalyzer.Build" -c Release -nologo -v q -clp:ErrorsOnly >/dev/null
analyzer="$repo/src/ScalingAnalyzer/bin/Release/netstandard2.0/ScalingAnalyzer.dll"
# The package's buildTransitive folder as a consumer gets it: the targets with the task assembly beside them.
mkdir -p "$work/package"
cp "$repo/src/ScalingAnalyzer.Package/buildTransitive/ScalingAnalyzer.targets" "$work/package/"
cp "$repo/src/ScalingAnalyzer.Build/bin/Release/netstandard2.0/ScalingAnalyzer.Build.dll" "$work/package/"

mkdir -p "$work/app/Data"
cat > "$work/app/app.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <OutputType>Exe</OutputType>
    <EnableNETAnalyzers>false</EnableNETAnalyzers>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Microsoft.ML" Version="5.0.1" />
    <Analyzer Include="$analyzer" />
    <None Remove="Data/**" />
    <AdditionalFiles Include="Data/data.csv" Condition="'\$(WithDataFile)' == 'true'" />
    <None Include="Data/data.csv" Condition="'\$(WithDataFile)' == 'package'" />
  </ItemGroup>
  <PropertyGroup><ScalingAnalysisMode>Default</ScalingAnalysisMode></PropertyGroup>
  <Import Project="$work/package/ScalingAnalyzer.targets" Condition="'\$(WithDataFile)' == 'package'" />
</Project>
XML
cat > "$work/app/Program.cs" <<'CS'
using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

public class Reading
{
    [LoadColumn(0)] public float Pressure { get; set; }
    [LoadColumn(1)] public float Temperature { get; set; }
    [LoadColumn(2)] public float Label { get; set; }
}

internal static class Program
{
    private static void Main()
    {
        var ml = new MLContext(seed: 0);
        var data = ml.Data.LoadFromTextFile<Reading>(Path.Combine(AppContext.BaseDirectory, "Data", "data.csv"), hasHeader: true, separatorChar: ',');
        var pipeline = ml.Transforms.Concatenate("Features", "Pressure", "Temperature")
            .Append(ml.Regression.Trainers.Sdca());
        Console.WriteLine(pipeline.Fit(data));
    }
}
CS

make_file() { # size in KB
    python3 - "$work/app/Data/data.csv" "$1" <<'PY'
import sys
path, kb = sys.argv[1], int(sys.argv[2])
target = kb * 1024
line = "1013.25,21.5,3.75\n"
with open(path, "w") as f:
    f.write("Pressure,Temperature,Label\n")
    block = line * 65536
    written = 27
    while written + len(block) <= target:
        f.write(block); written += len(block)
    f.write(line * max(0, (target - written) // len(line)))
PY
}

build() { # label, WithDataFile
    (cd "$work/app" && dotnet build -nologo --no-incremental -p:UseSharedCompilation=false -p:ReportAnalyzer=true -v:d \
        -p:WithDataFile="$2" > "$work/build-$1.txt" 2>&1)
    local scale002 wall
    scale002=$(grep -m1 "MLNetNormalizationAnalyzer" "$work/build-$1.txt" | awk '{print $1}')
    wall=$(grep -m1 "Time Elapsed" "$work/build-$1.txt" | awk '{print $3}')
    local message
    message=$(grep -m1 -o "warning SCALE002: [^[]*" "$work/build-$1.txt" | cut -c1-200 || true)
    printf "%-12s SCALE002 %8s s   build %s   %s\n" "$1" "${scale002:-?}" "$wall" "$message"
}

make_file 1
(cd "$work/app" && dotnet restore -nologo -v q >/dev/null)
build "no-file" false
for kb in "${sizes[@]}"; do
    make_file "$kb"
    build "${kb}KB-raw" true
    build "${kb}KB-package" package
done
rm -f "$work/app/Data/data.csv"
echo "work directory: $work"
