#!/usr/bin/env bash
# Retrieval at scale (issue 4): 100 tenants, one with 20,000 chunks, 100,000 in all. Times the real hybrid
# search against an exact-scan baseline, measures HNSW recall@5 and prints the plans and the verdict.
#
#   bench/retrieval/run.sh [--fresh] [--queries N] [--warmup N] [--database NAME] [--experiments]
#
# Uses the shared local services (scripts/services.sh up is idempotent) and a database of its own
# (default smbagent_bench), reused while the data set and the migrations are unchanged.
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd -P)
cd "$ROOT"
scripts/services.sh up >/dev/null
# shellcheck disable=SC1091
source "$(scripts/services.sh env)"

dotnet build bench/retrieval -c Release --nologo -v quiet -clp:ErrorsOnly
exec dotnet bench/retrieval/bin/Release/net10.0/SmbAgent.Bench.Retrieval.dll "$@"
