#!/usr/bin/env bash
# The whole test suite, as a newcomer and CI run it: installs what the tests need, builds, runs every
# test project, and prints one closing line "Total: N passed, N failed".
# The corpus is read from IMAGEVAULT_CORPUS (default: ../shared/corpus beside the repository).
set -euo pipefail
cd "$(dirname "$0")/../.."

bash deploy/ci/install-deps.sh
export IMAGEVAULT_CORPUS="${IMAGEVAULT_CORPUS:-$(cd .. && pwd)/shared/corpus}"
[ -d "$IMAGEVAULT_CORPUS" ] || { echo "The test corpus is missing at $IMAGEVAULT_CORPUS (set IMAGEVAULT_CORPUS)." >&2; exit 1; }

# Real servers the integration tests use; each test fails loudly if its server is missing.
# A server that fails to start stops the run here, loudly, instead of leaving its tests an empty address.
start() { bash "deploy/ci/$1.sh" start || { echo "deploy/ci/$1.sh failed to start its server" >&2; exit 1; }; }
trap 'bash deploy/ci/ceph-rgw.sh stop; bash deploy/ci/opensearch.sh stop; bash deploy/ci/postgres.sh stop' EXIT
postgres=$(start postgres) || exit 1
s3=$(start ceph-rgw) || exit 1
opensearch=$(start opensearch) || exit 1
export IMAGEVAULT_TEST_POSTGRES="$(tail -n 1 <<<"$postgres")"
export IMAGEVAULT_TEST_S3="$(tail -n 3 <<<"$s3" | tr '\n' ' ')"
export IMAGEVAULT_TEST_OPENSEARCH="$(tail -n 1 <<<"$opensearch")"

dotnet build ImageVault.sln -c Release -nologo -v minimal
log=$(mktemp)
set +e
# One test assembly at a time: the cluster tests run real silo processes and measure recovery times
# on 2 cores; other suites running beside them would only add noise.
dotnet test ImageVault.sln -c Release --no-build -nologo -m:1 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# dotnet prints one summary per test project; add them up into the plain closing line.
awk '/^(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { if ($i == "Passed:") p += $(i+1); if ($i == "Failed:") f += $(i+1) } }
     END { printf "Total: %d passed, %d failed\n", p, f }' "$log"
rm -f "$log"
exit "$status"
