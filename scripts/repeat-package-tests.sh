#!/usr/bin/env bash
# Stability of the package tests on fresh clones, on a machine whose NuGet cache holds an older build of the package
# (what docs/reliability.md records):
#
#   bash scripts/repeat-package-tests.sh [runs] [old-package.nupkg]
#        runs: how many consecutive runs (default 5);
#        old-package.nupkg: an older build of ScalingAnalyzer 0.1.0 to put in the cache the runs see (for example one
#             packed from an earlier commit); without it, the current commit is packed as 0.1.0 for the purpose.
#
# Each run clones the current commit (HEAD) into a fresh folder with nothing beside it, builds
# tests/ScalingAnalyzer.Package.Tests in Release and runs it. Every run uses one NuGet cache of its own, under the
# work folder, that holds the older ScalingAnalyzer 0.1.0 (extracted by a real restore) and sees the machine's
# packages through links, so nothing is downloaded again and the machine's own cache is never touched (other builds
# on this machine keep seeing what they saw). The consumer tests put that cache in their restores as a fallback
# folder; PackageFreshnessTests fail if any consumer takes a package from anywhere but this run's pack.
# Prints one line per run and a summary; exits non-zero if any run failed.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
runs=${1:-5}
old_package=${2:-}
work=${REPEAT_DIR:-/tmp/scalinganalyzer-repeat}
machine_packages=$(dotnet nuget locals global-packages --list | sed -n 's/^global-packages: *//p')
commit=$(git rev-parse HEAD)

rm -rf "$work"
mkdir -p "$work/cache" "$work/old-feed" "$work/seed"
# The machine's packages, linked one by one (our own ids excepted): this cache is the run's, the packages are shared.
for package in "$machine_packages"/*; do
  case "$(basename "$package")" in scalinganalyzer|scalinganalyzer.runtime) continue;; esac
  ln -s "$package" "$work/cache/$(basename "$package")"
done

if [ -n "$old_package" ]; then
  cp "$old_package" "$work/old-feed/"
else
  dotnet pack ScalingAnalyzer.Packages.slnf -c Release -o "$work/old-feed" -p:PackageVersion=0.1.0 \
    "-p:NuspecOutputPath=$work/old-nuspec/" -nologo -v:q -clp:ErrorsOnly
fi
# A real restore extracts the older build into the cache, as a user's first `dotnet add package` would.
cat > "$work/seed/seed.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
  <ItemGroup><PackageReference Include="ScalingAnalyzer" Version="[0.1.0]" /></ItemGroup>
</Project>
EOF
NUGET_PACKAGES="$work/cache" dotnet restore "$work/seed/seed.csproj" --source "$work/old-feed" -nologo -v:q
old_hash=$(sha256sum "$work/cache/scalinganalyzer/0.1.0/analyzers/dotnet/cs/ScalingAnalyzer.dll" | cut -c1-16)
echo "cache $work/cache holds ScalingAnalyzer 0.1.0 (analyzer sha256 $old_hash...); commit $commit"

failures=0
for run in $(seq 1 "$runs"); do
  clone="$work/run$run/ScalingAnalyzer"
  git clone -q "$repo" "$clone"
  git -C "$clone" checkout -q "$commit"
  start=$(date +%s)
  status=0
  (cd "$clone" && NUGET_PACKAGES="$work/cache" dotnet build tests/ScalingAnalyzer.Package.Tests -c Release -nologo -v:q -clp:ErrorsOnly > "$work/run$run.build.log" 2>&1) || status=$?
  built=$(date +%s)
  if [ "$status" -eq 0 ]; then
    (cd "$clone" && NUGET_PACKAGES="$work/cache" dotnet test tests/ScalingAnalyzer.Package.Tests -c Release --no-build -nologo \
      --logger "trx;LogFileName=run$run.trx" --results-directory "$work" > "$work/run$run.test.log" 2>&1) || status=$?
  fi
  done_at=$(date +%s)
  counters=$(grep -o '<Counters [^>]*>' "$work/run$run.trx" 2>/dev/null | head -n 1 || true)
  passed=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); failed=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  # The version the run packed and its consumers restored (the fixture deletes its folder; the trx keeps the names).
  [ "$status" -eq 0 ] || failures=$((failures + 1))
  echo "run $run: exit $status, passed ${passed:-?}, failed ${failed:-?}, build $((built - start)) s, tests $((done_at - built)) s, load $(cut -d' ' -f1-3 /proc/loadavg)"
  rm -rf "$work/run$run"
done
# The older build is still in the cache, untouched, and no build of this commit landed there.
ls "$work/cache/scalinganalyzer"
echo "$runs runs, $failures failed"
[ "$failures" -eq 0 ]
