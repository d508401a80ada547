#!/usr/bin/env bash
# Makes sure PostgreSQL 15 and RabbitMQ are installed, running on loopback with their data under .local/,
# and that each service has its own login, databases (local and test) and the broker its user and vhosts.
# Safe to run again: it changes only what is missing.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

APT_UPDATED=0
apt_install() {
  if [[ $APT_UPDATED == 0 ]]; then
    log "apt-get update"
    apt-get update -qq >"$LOGS/apt.log" 2>&1 || die "apt-get update failed (see $LOGS/apt.log)"
    APT_UPDATED=1
  fi
  log "installing $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >>"$LOGS/apt.log" 2>&1 \
    || die "apt-get install $* failed (see $LOGS/apt.log)"
}

ensure_packages() {
  [[ -x "$PG_BIN/initdb" ]] || apt_install postgresql-15 postgresql-client-15
  command -v rabbitmq-server >/dev/null || apt_install rabbitmq-server
  command -v openssl >/dev/null || apt_install openssl
  command -v curl >/dev/null || apt_install curl
}

# PostgreSQL and RabbitMQ run as their own users and must reach their folders under .local/: a checkout inside a
# private folder (mode 700, as mktemp makes) would lock them out, so every folder above gets the traverse bit.
ensure_traversable() {
  local dir="$LOCAL"
  while [[ "$dir" != "/" ]]; do
    if [[ -d "$dir" ]] && ! [[ $(( 0$(stat -c '%a' "$dir") & 01 )) -ne 0 ]]; then
      log "allowing the database and broker users to traverse $dir"
      chmod o+x "$dir"
    fi
    dir="$(dirname "$dir")"
  done
}

ensure_postgres() {
  local data="$LOCAL/postgres/data" sock="$LOCAL/postgres/run"
  id postgres >/dev/null 2>&1 || useradd --system --home-dir "$LOCAL/postgres" --shell /usr/sbin/nologin postgres
  mkdir -p "$LOCAL/postgres" "$sock"
  chown postgres: "$LOCAL/postgres" "$sock"
  if [[ ! -f "$data/PG_VERSION" ]]; then
    log "initialising PostgreSQL in $data"
    local pwfile="$LOCAL/postgres/.pwfile"
    printf '%s\n' "$TF_PG_SUPERUSER_PASSWORD" > "$pwfile"
    chown postgres: "$pwfile"; chmod 600 "$pwfile"
    runuser -u postgres -- "$PG_BIN/initdb" -D "$data" -U "$TF_PG_SUPERUSER" --pwfile="$pwfile" \
      --auth-local=scram-sha-256 --auth-host=scram-sha-256 -E UTF8 --locale=C >"$LOGS/initdb.log" 2>&1 \
      || die "initdb failed (see $LOGS/initdb.log)"
    rm -f "$pwfile"
  fi
  if runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    log "PostgreSQL already running on 127.0.0.1:$TF_PG_PORT"
  else
    log "starting PostgreSQL on 127.0.0.1:$TF_PG_PORT"
    touch "$LOGS/postgres.log"; chown postgres: "$LOGS/postgres.log"
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$data" -l "$LOGS/postgres.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $TF_PG_PORT -k $sock -c max_connections=300 -c shared_buffers=256MB -c fsync=on" start >/dev/null \
      || { tail -20 "$LOGS/postgres.log" >&2; die "PostgreSQL did not start"; }
  fi
  head -1 "$data/postmaster.pid" > "$PIDS/postgres.pid"
}

ensure_databases() {
  local s role db pw_var
  for s in pledges earmarking disbursements reporting; do
    role="trustfund_$s"
    pw_var="TF_PG_PASSWORD_$(echo "$s" | tr '[:lower:]' '[:upper:]')"
    psql_super -d postgres -v role="$role" -v pw="${!pw_var}" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE', :'role')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('ALTER ROLE %I WITH LOGIN PASSWORD %L', :'role', :'pw') \gexec
SQL
    for db in "trustfund_$s" "trustfund_test_$s"; do
      psql_super -d postgres -v db="$db" -v role="$role" <<'SQL'
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'role')
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'db') \gexec
SQL
      psql_super -d "$db" -v role="$role" <<'SQL'
SELECT format('ALTER SCHEMA public OWNER TO %I', :'role') \gexec
REVOKE ALL ON SCHEMA public FROM PUBLIC;
SQL
    done
  done
  psql_super -d postgres -c "SELECT 1 FROM pg_database WHERE datname = 'trustfund_bench'" | grep -q 1 \
    || psql_super -d postgres -c "CREATE DATABASE trustfund_bench"
  # Each login reaches its own databases only.
  if PGPASSWORD="$TF_PG_PASSWORD_PLEDGES" "$PG_BIN/psql" -h "$TF_PG_HOST" -p "$TF_PG_PORT" -U trustfund_pledges \
       -d trustfund_earmarking -c 'SELECT 1' >/dev/null 2>&1; then
    die "isolation check failed: trustfund_pledges can connect to trustfund_earmarking"
  fi
  log "databases ready; isolation check passed (pledges login cannot reach the earmarking database)"
}

ensure_rabbitmq() {
  local base="$LOCAL/rabbitmq"
  mkdir -p "$base/mnesia" "$base/log"
  chown -R rabbitmq: "$base"
  if rabbitctl status >/dev/null 2>&1; then
    log "RabbitMQ already running on 127.0.0.1:$TF_RABBITMQ_PORT"
  else
    log "starting RabbitMQ on 127.0.0.1:$TF_RABBITMQ_PORT"
    RABBITMQ_NODENAME=rabbit@localhost RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT="$TF_RABBITMQ_PORT" \
    RABBITMQ_DIST_PORT=25672 ERL_EPMD_ADDRESS=127.0.0.1 \
    RABBITMQ_MNESIA_BASE="$base/mnesia" RABBITMQ_LOG_BASE="$base/log" \
      nohup rabbitmq-server >"$LOGS/rabbitmq.out" 2>&1 &
    # await_startup gives up at once while the node is not reachable yet: retry until it answers.
    local deadline=$((SECONDS + 120))
    until rabbitctl await_startup --timeout 10 >/dev/null 2>&1; do
      if (( SECONDS > deadline )); then
        tail -30 "$LOGS/rabbitmq.out" >&2
        die "RabbitMQ did not start within 120 s"
      fi
      sleep 1
    done
  fi
  rabbitctl eval 'os:getpid().' 2>/dev/null | tr -d '"' > "$PIDS/rabbitmq.pid" || true
  if rabbitctl list_users -q 2>/dev/null | awk '{print $1}' | grep -qx "$TF_RABBITMQ_USER"; then
    rabbitctl change_password "$TF_RABBITMQ_USER" "$TF_RABBITMQ_PASSWORD" >/dev/null
  else
    rabbitctl add_user "$TF_RABBITMQ_USER" "$TF_RABBITMQ_PASSWORD" >/dev/null
  fi
  local vhost
  for vhost in "$TF_RABBITMQ_VHOST" "$TF_RABBITMQ_TEST_VHOST"; do
    rabbitctl list_vhosts -q | grep -qx "$vhost" || rabbitctl add_vhost "$vhost" >/dev/null
    rabbitctl set_permissions -p "$vhost" "$TF_RABBITMQ_USER" '.*' '.*' '.*' >/dev/null
  done
  log "RabbitMQ ready: user $TF_RABBITMQ_USER, vhosts $TF_RABBITMQ_VHOST and $TF_RABBITMQ_TEST_VHOST"
}

ensure_env_file
ensure_packages
ensure_traversable
ensure_postgres
ensure_databases
ensure_rabbitmq
