#!/usr/bin/env bash
# Plays a phone call against the running API the way Twilio does (the API host's simulate-call verb), with the same
# environment scripts/run.sh gave the hosts. Arguments go to the verb, e.g.:
#   scripts/simulate-call.sh --to +15005550100 --from +14155550188 --say "When are you open?" --say "My basement is flooding"
#   scripts/simulate-call.sh --owner-alert CA… --press 1
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
API_URL="${SMBAGENT_API_URL:-http://127.0.0.1:5020}"
API_DLL="$ROOT/src/SmbAgent.HttpApi.Host/bin/Release/net10.0/SmbAgent.HttpApi.Host.dll"
if [[ ! -f "$ROOT/.local/secrets.env" || ! -f "$API_DLL" ]]; then
  echo "simulate-call: start the app first with scripts/run.sh" >&2
  exit 2
fi

# shellcheck disable=SC1091
source "$ROOT/.local/services.env"
# shellcheck disable=SC1091
source "$ROOT/.local/secrets.env"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
export PublicUrls__Api="${PublicUrls__Api:-$API_URL}"
cd "$ROOT/src/SmbAgent.HttpApi.Host"
exec dotnet "$API_DLL" simulate-call "$@"
