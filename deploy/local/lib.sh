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

ENV_KEYS=(TF_PG_HOST TF_PG_PORT TF_PG_SUPERUSER TF_PG_SUPERUSER_PASSWORD TF_PG_PASSWORD_PLEDGES TF_PG_PASSWORD_EARMARKING
  TF_PG_PASSWORD_DISBURSEMENTS TF_PG_PASSWORD_REPORTING TF_RABBITMQ_HOST TF_RABBITMQ_PORT TF_RABBITMQ_USER
  TF_RABBITMQ_PASSWORD TF_RABBITMQ_VHOST TF_RABBITMQ_TEST_VHOST TF_AUTH_ISSUER TF_AUTH_AUDIENCE TF_AUTH_SIGNING_KEY)

# Generates the secrets once and keeps them: database and broker passwords, the development token signing key, the
# ledger checkpoint key.
ensure_env_file() {
  mkdir -p "$LOCAL" "$LOGS" "$PIDS"
  chmod 755 "$LOCAL"
  if [[ ! -f "$ENV_FILE" ]]; then
    log "generating secrets in $ENV_FILE"
    local old_umask; old_umask="$(umask)"
    umask 077
    cat > "$ENV_FILE.tmp" <<ENV
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
TF_LEDGER_CHECKPOINT_KEY=$(openssl rand -base64 32 2>/dev/null || head -c 32 /dev/urandom | base64)
ENV
    umask "$old_umask"
    mv "$ENV_FILE.tmp" "$ENV_FILE"  # never a half-written file if interrupted
  fi
  [[ "$(stat -c '%a' "$ENV_FILE")" == 600 ]] || chmod 600 "$ENV_FILE"
  set -a
  # shellcheck disable=SC1090
  source "$ENV_FILE"
  set +a
  local key
  for key in "${ENV_KEYS[@]}"; do
    [[ -n "${!key:-}" ]] || die "$ENV_FILE lacks $key (move the file away to generate a new one)"
  done
}

# pid_alive PIDFILE [PATTERN]: the pid file names a live process (whose command line contains PATTERN, if given, so
# that a pid reused by an unrelated process after a reboot is never taken for ours).
pid_alive() {
  local pid
  [[ -f "$1" ]] || return 1
  pid="$(cat "$1" 2>/dev/null)"
  [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
  [[ -z "${2:-}" ]] || tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$2"
}

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
  # An env file written before checkpoints existed lacks the key: Reporting then signs with its Development default.
  [[ -z "${TF_LEDGER_CHECKPOINT_KEY:-}" ]] || echo "Ledger__CheckpointKey=$TF_LEDGER_CHECKPOINT_KEY"
  echo "Reconciliation__Earmarking=http://127.0.0.1:${PORTS[Earmarking]}"
  echo "Reconciliation__Pledges=http://127.0.0.1:${PORTS[Pledges]}"
  echo "Reconciliation__Disbursements=http://127.0.0.1:${PORTS[Disbursements]}"
  # The load runner (deploy/local/bench.sh) drives the local system as one subject, far above a caller's production
  # limit; TF_RATE_LIMIT sets the burst and the requests per second of every caller here.
  echo "RateLimits__AuthenticatedTokenLimit=${TF_RATE_LIMIT:-100000}"
  echo "RateLimits__AuthenticatedTokensPerPeriod=${TF_RATE_LIMIT:-100000}"
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

# As root, Debian's rabbitmqctl wrapper re-runs itself as the rabbitmq user with su (which keeps the environment but
# sets HOME=/var/lib/rabbitmq), exactly as rabbitmq-server does: both read /var/lib/rabbitmq/.erlang.cookie, so the
# cookies always match. Any Erlang command (rabbitmqctl included) starts epmd if none runs; ERL_EPMD_ADDRESS keeps
# that epmd on loopback whichever command happens to start it first; the CLI's own short-lived distribution listener
# stays on loopback too.
RABBIT_LOOPBACK_ERL_ARGS='-kernel inet_dist_use_interface {127,0,0,1}'
rabbitctl() {
  ERL_EPMD_ADDRESS=127.0.0.1 RABBITMQ_CTL_ERL_ARGS="$RABBIT_LOOPBACK_ERL_ARGS" rabbitmqctl -n rabbit@localhost "$@"
}

# tf_test_totals FILE: "passed failed skipped assemblies" summed over the summaries dotnet test printed (see test.sh).
tf_test_totals() {
  awk '
    function num(v) { gsub(/[^0-9]/, "", v); return v + 0 }
    { gsub(/\r/, ""); gsub(/\033\[[0-9;]*[A-Za-z]/, "") }
    /^Total tests: [0-9]+/            { bn++; block = 1; next }
    block && /^ +Passed: +[0-9]+ *$/  { bp += num($2); next }
    block && /^ +Failed: +[0-9]+ *$/  { bf += num($2); next }
    block && /^ +Skipped: +[0-9]+ *$/ { bs += num($2); next }
    block                             { block = 0 }
    /(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+, +Skipped: +[0-9]+, +Total: +[0-9]+/ {
      for (i = 1; i <= NF; i++) {
        if ($i == "Failed:")  lf += num($(i+1))
        if ($i == "Passed:")  lp += num($(i+1))
        if ($i == "Skipped:") ls += num($(i+1))
      }
      ln++
    }
    END {
      if (ln > 0) printf "%d %d %d %d\n", lp, lf, ls, ln
      else        printf "%d %d %d %d\n", bp, bf, bs, bn
    }' "$1"
}
