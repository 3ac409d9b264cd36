#!/usr/bin/env bash
# The phone line (issue 13): signed Twilio webhooks against the real API host with the local provider, against a
# bare endpoint in the same host returning static TwiML; then the time from a lead turning URGENT to the owner's
# call reaching the Twilio stub's Calls API.
#
#   bench/voice/run.sh [--calls N] [--warmup N] [--alerts M]
#
# Uses the shared local services (scripts/services.sh up is idempotent) and a database of its own, created afresh
# from template1 by the test kit and dropped at the end.
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd -P)
cd "$ROOT"
scripts/services.sh up >/dev/null
# shellcheck disable=SC1091
source "$(scripts/services.sh env)"

# The host's content root (its appsettings.json) for WebApplicationFactory, which would look beside the solution.
export ASPNETCORE_TEST_CONTENTROOT_SMBAGENT_HTTPAPI_HOST="$ROOT/src/SmbAgent.HttpApi.Host"

dotnet build bench/voice -c Release --nologo -v quiet -clp:ErrorsOnly
exec dotnet bench/voice/bin/Release/net10.0/SmbAgent.Bench.Voice.dll "$@"
