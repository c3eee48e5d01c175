#!/usr/bin/env bash
# Runs every test of the solution (the README's test command). Installs what the tests need first, idempotently.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-native-deps.sh

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

dotnet build ScalingAnalyzer.sln -c Release -nologo -v quiet -clp:ErrorsOnly

# The analyzer tests compile against NuGet packages the testing library downloads on first use; resolve every
# reference set once, serially, so the parallel run below never races on a first download (a fresh machine).
dotnet test tests/ScalingAnalyzer.Tests/ScalingAnalyzer.Tests.csproj -c Release --no-build -nologo \
  --filter "FullyQualifiedName~ScalingAnalyzer.Tests.ReferenceSetTests" --logger "console;verbosity=quiet" >/dev/null \
  || echo "warm-up of the test reference sets failed; the main run reports why" >&2

status=0
dotnet test ScalingAnalyzer.sln -c Release --no-build -nologo \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" || status=$?

# One plain closing line over all test assemblies.
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters"); e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
done
echo "Tests: $passed passed, $failed failed, $skipped skipped"
if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then
  echo "no test ran" >&2
  exit 1
fi
exit "$status"
