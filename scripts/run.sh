#!/usr/bin/env bash
# Brings SmbAgent up: services → build → migrate (schema + seed, demo tenant included) → both hosts.
# Ctrl+C stops the hosts; `scripts/services.sh down` stops PostgreSQL and Redis.
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$ROOT"
WEB_URL="${SMBAGENT_WEB_URL:-http://127.0.0.1:5010}"
API_URL="${SMBAGENT_API_URL:-http://127.0.0.1:5020}"
SECRETS="$ROOT/.local/secrets.env"

log() { printf 'run: %s\n' "$*" >&2; }

scripts/services.sh up
# shellcheck disable=SC1091
source "$ROOT/.local/services.env"

# Development credentials: generated once per checkout, kept in the git-ignored .local folder, never in code.
if [[ ! -f "$SECRETS" ]]; then
  umask 077
  cat > "$SECRETS" <<SECRETS
export Seed__HostAdmin__Email="admin@smbagent.local"
export Seed__HostAdmin__Password="Admin-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export Seed__DemoTenant__Enabled="true"
export Seed__DemoTenant__Name="Demo Plumbing"
export Seed__DemoTenant__OwnerEmail="owner@demo-plumbing.local"
export Seed__DemoTenant__OwnerPassword="Owner-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
SECRETS
fi
# shellcheck disable=SC1090
source "$SECRETS"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
# No SMTP relay in development: mails are written here and listed at /Dev/Mail.
export Email__PickupDirectory="${Email__PickupDirectory:-$ROOT/.local/mail}"
# Every mailed or texted link is built from these (the API host's jobs link to the admin too), never from a request's Host.
export PublicUrls__Admin="${PublicUrls__Admin:-$WEB_URL}"
export PublicUrls__Api="${PublicUrls__Api:-$API_URL}"

log "building…"
dotnet build "$ROOT/SmbAgent.sln" -c Release -v quiet -nologo -clp:ErrorsOnly

API_DLL="$ROOT/src/SmbAgent.HttpApi.Host/bin/Release/net10.0/SmbAgent.HttpApi.Host.dll"
WEB_DLL="$ROOT/src/SmbAgent.Web/bin/Release/net10.0/SmbAgent.Web.dll"

log "migrating and seeding…"
(cd "$ROOT/src/SmbAgent.HttpApi.Host" && dotnet "$API_DLL" migrate)

mkdir -p "$ROOT/.local/logs"
pids=()
stop() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap stop EXIT INT TERM

(cd "$ROOT/src/SmbAgent.HttpApi.Host" && exec dotnet "$API_DLL" --urls "$API_URL") > "$ROOT/.local/logs/api.log" 2>&1 &
pids+=($!)
(cd "$ROOT/src/SmbAgent.Web" && exec dotnet "$WEB_DLL" --urls "$WEB_URL") > "$ROOT/.local/logs/web.log" 2>&1 &
pids+=($!)

wait_healthy() {
  local url=$1 name=$2 log_file=$3
  for _ in $(seq 1 120); do
    if curl -fsS "$url/health" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "${pids[@]}" 2>/dev/null; then break; fi
    sleep 0.5
  done
  log "$name did not become healthy; last lines of $log_file:"
  tail -n 30 "$log_file" >&2
  exit 1
}
wait_healthy "$API_URL" "HttpApi.Host" "$ROOT/.local/logs/api.log"
wait_healthy "$WEB_URL" "Web" "$ROOT/.local/logs/web.log"

# The demo business's public widget key, for trying the chat API with curl.
conn_field() { sed -n "s/.*$1=\([^;]*\).*/\1/p" <<<"$ConnectionStrings__SmbAgentOwner"; }
demo_widget_key=$(PGPASSWORD="$(conn_field Password)" psql -X -q -At -h "$(conn_field Host)" -p "$(conn_field Port)" \
  -U "$(conn_field Username)" -d "$(conn_field Database)" -v name="$Seed__DemoTenant__Name" 2>/dev/null \
  <<<"SELECT widget_key FROM tenants WHERE normalized_name = upper(:'name')" || true)

cat <<INFO

  SmbAgent is running.
    Admin (SmbAgent.Web)            $WEB_URL
    API (SmbAgent.HttpApi.Host)     $API_URL   (OpenAPI: $API_URL/api-docs/v1.json, health: $API_URL/health)

  Platform admin:  $Seed__HostAdmin__Email / $Seed__HostAdmin__Password   (leave "Business" empty)
  Demo business:   "$Seed__DemoTenant__Name"  owner $Seed__DemoTenant__OwnerEmail / $Seed__DemoTenant__OwnerPassword
  Demo site:       $API_URL/demo   (a sample plumber's site carrying the demo business's chat widget)
  Demo chat API:   $API_URL/api/widget/${demo_widget_key:-<widget key>}/conversations   (see README, "Chat API")
  Dev mail:        $WEB_URL/Dev/Mail   (mails the app "sent"; files in $Email__PickupDirectory)
  Demo phone line: +15005550100   scripts/simulate-call.sh --to +15005550100 --from +14155550188   (see README, "Phone line")
  Dev outbox:      $WEB_URL/Dev/Outbox   (the SMS and calls the app placed with no Twilio account)
  (credentials are in .local/secrets.env; logs in .local/logs/)

  Press Ctrl+C to stop.
INFO
wait
