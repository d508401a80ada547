#!/usr/bin/env bash
# Shared by the local scripts: paths, logging, secrets, and the environment each service runs with.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LOCAL="$ROOT/.local"
ENV_FILE="$LOCAL/trustfund.env"
LOGS="$LOCAL/logs"
PIDS="$LOCAL/pids"
PG_BIN="/usr/lib/postgresql/15/bin"
SERVICES=(Pledges Earmarking Disbursements Reporting)
declare -A PORTS=([Pledges]=5101 [Earmarking]=5102 [Disbursements]=5103 [Reporting]=5104)
CONFIGURATION="${CONFIGURATION:-Release}"

log() { printf '[trustfund] %s\n' "$*"; }
die() { printf '[trustfund] ERROR: %s\n' "$*" >&2; exit 1; }

secret() { openssl rand -hex 24 2>/dev/null || head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n'; }

# Generates the secrets once and keeps them: database and broker passwords, the development token signing key.
ensure_env_file() {
  mkdir -p "$LOCAL" "$LOGS" "$PIDS"
  chmod 755 "$LOCAL"
  if [[ ! -f "$ENV_FILE" ]]; then
    log "generating secrets in $ENV_FILE"
    umask 077
    cat > "$ENV_FILE" <<ENV
TF_PG_HOST=127.0.0.1
TF_PG_PORT=55432
TF_PG_SUPERUSER=postgres
TF_PG_SUPERUSER_PASSWORD=$(secret)
TF_PG_PASSWORD_PLEDGES=$(secret)
TF_PG_PASSWORD_EARMARKING=$(secret)
TF_PG_PASSWORD_DISBURSEMENTS=$(secret)
TF_PG_PASSWORD_REPORTING=$(secret)
TF_RABBITMQ_HOST=127.0.0.1
TF_RABBITMQ_PORT=5672
TF_RABBITMQ_USER=trustfund
TF_RABBITMQ_PASSWORD=$(secret)
TF_RABBITMQ_VHOST=trustfund
TF_RABBITMQ_TEST_VHOST=trustfund-test
TF_AUTH_ISSUER=trustfund-local
TF_AUTH_AUDIENCE=trustfund
TF_AUTH_SIGNING_KEY=$(openssl rand -base64 32 2>/dev/null || head -c 32 /dev/urandom | base64)
ENV
    umask 022
  fi
  set -a
  # shellcheck disable=SC1090
  source "$ENV_FILE"
  set +a
}

pid_alive() { [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

# The environment of one service (name as in SERVICES), for the local system or (vhost/db prefix) for tests.
service_env() {
  local name="$1" lower upper
  lower="$(echo "$name" | tr '[:upper:]' '[:lower:]')"
  upper="$(echo "$name" | tr '[:lower:]' '[:upper:]')"
  local password_var="TF_PG_PASSWORD_${upper}"
  echo "ASPNETCORE_URLS=http://127.0.0.1:${PORTS[$name]}"
  echo "ASPNETCORE_ENVIRONMENT=Development"
  echo "Database__Provider=postgres"
  echo "Database__ConnectionString=Host=$TF_PG_HOST;Port=$TF_PG_PORT;Database=trustfund_${lower};Username=trustfund_${lower};Password=${!password_var}"
  echo "RabbitMq__Host=$TF_RABBITMQ_HOST"
  echo "RabbitMq__Port=$TF_RABBITMQ_PORT"
  echo "RabbitMq__VirtualHost=$TF_RABBITMQ_VHOST"
  echo "RabbitMq__Username=$TF_RABBITMQ_USER"
  echo "RabbitMq__Password=$TF_RABBITMQ_PASSWORD"
  echo "Auth__Issuer=$TF_AUTH_ISSUER"
  echo "Auth__Audience=$TF_AUTH_AUDIENCE"
  echo "Auth__SigningKey=$TF_AUTH_SIGNING_KEY"
}

service_dll() { echo "$ROOT/services/$1/bin/$CONFIGURATION/net10.0/TrustFund.$1.dll"; }

# Runs the service binary with its environment: run_service NAME [command args...]
run_service() {
  local name="$1"; shift
  local -a vars
  mapfile -t vars < <(service_env "$name")
  env "${vars[@]}" dotnet "$(service_dll "$name")" "$@"
}

psql_super() {
  PGPASSWORD="$TF_PG_SUPERUSER_PASSWORD" "$PG_BIN/psql" -h "$TF_PG_HOST" -p "$TF_PG_PORT" -U "$TF_PG_SUPERUSER" -v ON_ERROR_STOP=1 -qtA "$@"
}

rabbitctl() { rabbitmqctl -n rabbit@localhost "$@"; }
