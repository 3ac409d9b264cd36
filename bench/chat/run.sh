#!/usr/bin/env bash
# Chat turns through HTTP (issue 5): the real API host on Kestrel with the local provider and the real embedding
# model, against a bare minimal-API endpoint doing the same database writes, at 50 and 200 concurrent
# conversations; then memory per active conversation and where a turn's time goes.
#
#   bench/chat/run.sh [--experiments] [--duration S] [--warmup S] [--levels 50,200] [--paced-conversations N]
#                     [--memory-conversations M] [--memory-turns T] [--profile-turns N] [--database NAME]
#
# Uses the shared local services (scripts/services.sh up is idempotent) and a database of its own
# (default smbagent_chatbench), created afresh from template1 on every run. BENCH_EMBEDDINGS_ENDPOINT (ending in
# /v1) points the host at another embeddings service, e.g. this checkout's embeddings/server.js on a port of its own.
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd -P)
cd "$ROOT"
scripts/services.sh up >/dev/null
# shellcheck disable=SC1091
source "$(scripts/services.sh env)"
if [[ -n "${BENCH_EMBEDDINGS_ENDPOINT:-}" ]]; then
  export Embeddings__Endpoint="$BENCH_EMBEDDINGS_ENDPOINT"
fi

dotnet build bench/chat -c Release --nologo -v quiet -clp:ErrorsOnly
exec dotnet bench/chat/bin/Release/net10.0/SmbAgent.Bench.Chat.dll "$@"
