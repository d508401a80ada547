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
  # The tests read exported PDFs back as text and check their structure (pdftotext, pdfinfo).
  command -v pdftotext >/dev/null || apt_install poppler-utils
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

# Settings live in a file included from postgresql.conf, so any start or restart of this data folder (the tests
# restart it with pg_ctl) listens on loopback only with the project's port and socket folder.
write_postgres_conf() {
  local data="$1" sock="$2" conf="$1/trustfund.conf"
  cat > "$conf.new" <<CONF
# Written by deploy/local/infra.sh: loopback only, the project's port, a socket folder inside .local/.
listen_addresses = '127.0.0.1'
port = $TF_PG_PORT
unix_socket_directories = '$sock'
max_connections = 300
shared_buffers = 256MB
CONF
  if ! cmp -s "$conf.new" "$conf"; then
    mv "$conf.new" "$conf"; chown postgres: "$conf"
    log "wrote $conf"
    PG_CONF_CHANGED=1
  else
    rm -f "$conf.new"
  fi
  grep -qx "include_if_exists = 'trustfund.conf'" "$data/postgresql.conf" \
    || echo "include_if_exists = 'trustfund.conf'" >> "$data/postgresql.conf"
}

ensure_postgres() {
  local data="$LOCAL/postgres/data" sock="$LOCAL/postgres/run"
  id postgres >/dev/null 2>&1 || useradd --system --home-dir "$LOCAL/postgres" --shell /usr/sbin/nologin postgres
  mkdir -p "$LOCAL/postgres" "$sock"
  chown postgres: "$LOCAL/postgres" "$sock"
  if [[ ! -f "$data/PG_VERSION" ]]; then
    log "initialising PostgreSQL in $data"
    local pwfile="$LOCAL/postgres/.pwfile"
    (umask 077; printf '%s\n' "$TF_PG_SUPERUSER_PASSWORD" > "$pwfile")
    chown postgres: "$pwfile"
    runuser -u postgres -- "$PG_BIN/initdb" -D "$data" -U "$TF_PG_SUPERUSER" --pwfile="$pwfile" \
      --auth-local=scram-sha-256 --auth-host=scram-sha-256 -E UTF8 --locale=C >"$LOGS/initdb.log" 2>&1 \
      || { rm -f "$pwfile"; die "initdb failed (see $LOGS/initdb.log)"; }
    rm -f "$pwfile"
  fi
  PG_CONF_CHANGED=0
  write_postgres_conf "$data" "$sock"
  if runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    log "PostgreSQL already running on 127.0.0.1:$TF_PG_PORT"
    (( PG_CONF_CHANGED == 0 )) || log "WARNING: settings changed while PostgreSQL runs; restart it (down.sh, then infra.sh) to apply them"
  else
    # Another server on the port (another checkout's, say) would make our start fail with a puzzling log.
    if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$TF_PG_PORT" -t 2 || [[ $? == 1 ]]; then
      die "port $TF_PG_PORT already has a PostgreSQL that is not $data's (another checkout's?): stop it first"
    fi
    log "starting PostgreSQL on 127.0.0.1:$TF_PG_PORT"
    touch "$LOGS/postgres.log"; chown postgres: "$LOGS/postgres.log"
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$data" -l "$LOGS/postgres.log" -w -t 60 start >/dev/null \
      || { tail -20 "$LOGS/postgres.log" >&2; die "PostgreSQL did not start (see $LOGS/postgres.log)"; }
  fi
  head -1 "$data/postmaster.pid" > "$PIDS/postgres.pid"
}

# psql_as LOGIN PASSWORD DATABASE: a query as a service login (stderr kept for the isolation check).
psql_as() {
  PGPASSWORD="$2" "$PG_BIN/psql" -h "$TF_PG_HOST" -p "$TF_PG_PORT" -U "$1" -d "$3" -v ON_ERROR_STOP=1 -qtA -c 'SELECT 1' 2>&1
}

ensure_databases() {
  local s role db pw_var
  for s in pledges earmarking disbursements reporting; do
    role="trustfund_$s"
    pw_var="TF_PG_PASSWORD_$(echo "$s" | tr '[:lower:]' '[:upper:]')"
    psql_super -d postgres -v role="$role" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE', :'role')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('ALTER ROLE %I WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE', :'role')
FROM pg_roles WHERE rolname = :'role' AND (NOT rolcanlogin OR rolsuper OR rolcreatedb OR rolcreaterole) \gexec
SQL
    for db in "trustfund_$s" "trustfund_test_$s${TF_TEST_SLOT:-}"; do
      psql_super -d postgres -v db="$db" -v role="$role" <<'SQL'
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'role')
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SELECT format('ALTER DATABASE %I OWNER TO %I', :'db', :'role')
FROM pg_database WHERE datname = :'db' AND pg_get_userbyid(datdba) <> :'role' \gexec
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'db') \gexec
SQL
      psql_super -d "$db" -v role="$role" <<'SQL'
SELECT format('ALTER SCHEMA public OWNER TO %I', :'role')
FROM pg_namespace WHERE nspname = 'public' AND pg_get_userbyid(nspowner) <> :'role' \gexec
REVOKE ALL ON SCHEMA public FROM PUBLIC;
SQL
    done
    # The password in the env file is the truth: set it only when it no longer opens the login's own database.
    if ! psql_as "$role" "${!pw_var}" "trustfund_$s" >/dev/null; then
      log "setting the password of $role"
      psql_super -d postgres -v role="$role" -v pw="${!pw_var}" <<'SQL'
SELECT format('ALTER ROLE %I WITH PASSWORD %L', :'role', :'pw') \gexec
SQL
      psql_as "$role" "${!pw_var}" "trustfund_$s" >/dev/null || die "$role cannot connect to trustfund_$s"
    fi
  done
  psql_super -d postgres -c "SELECT 1 FROM pg_database WHERE datname = 'trustfund_bench'" | grep -q 1 \
    || psql_super -d postgres -c "CREATE DATABASE trustfund_bench"
  # Each login reaches its own databases only: pledges' login (whose password works, checked above) is refused
  # by the earmarking database for want of the CONNECT privilege, not for any other reason.
  local out
  if out="$(psql_as trustfund_pledges "$TF_PG_PASSWORD_PLEDGES" trustfund_earmarking)"; then
    die "isolation check failed: trustfund_pledges can connect to trustfund_earmarking"
  fi
  [[ "$out" == *"permission denied for database"* ]] \
    || die "isolation check inconclusive: connecting trustfund_pledges to trustfund_earmarking failed otherwise: $out"
  log "databases ready; isolation check passed (trustfund_pledges is refused by trustfund_earmarking: permission denied)"
}

# epmd (Erlang's port mapper, 4369) is started by the first Erlang program that needs it and outlives it; an epmd
# started without ERL_EPMD_ADDRESS (by an older version of these scripts, say) listens on every interface.
check_epmd() {
  command -v ss >/dev/null || return 0
  local wide
  wide="$(ss -ltnH 'sport = :4369' 2>/dev/null | awk '{print $4}' | grep -v -E '^(127\.[0-9.]+|\[::1\]):4369$' || true)"
  if [[ -n "$wide" ]]; then
    log "WARNING: epmd listens on $(echo "$wide" | tr '\n' ' ')(not loopback only); it was started by something else."
    log "WARNING: to rebind it: deploy/local/down.sh, then 'epmd -kill', then this script again"
  fi
}

ensure_rabbitmq() {
  local base="$LOCAL/rabbitmq" cookie=/var/lib/rabbitmq/.erlang.cookie
  mkdir -p "$base/mnesia" "$base/log"
  [[ "$(stat -c '%U' "$base" "$base/mnesia" "$base/log" | sort -u)" == rabbitmq ]] || chown -R rabbitmq: "$base"
  # The server and rabbitmqctl both run as rabbitmq (see rabbitctl in lib.sh) and share this cookie; one left
  # owned by root (an Erlang tool run as root with HOME=/var/lib/rabbitmq) would lock them both out.
  if [[ -f "$cookie" && "$(stat -c '%U' "$cookie")" != rabbitmq ]]; then
    log "giving $cookie back to rabbitmq"
    chown rabbitmq: "$cookie"; chmod 400 "$cookie"
  fi
  if rabbitctl status >/dev/null 2>&1; then
    log "RabbitMQ already running on 127.0.0.1:$TF_RABBITMQ_PORT"
  else
    log "starting RabbitMQ on 127.0.0.1:$TF_RABBITMQ_PORT"
    local started=$SECONDS launcher
    # RABBITMQ_NODE_IP_ADDRESS binds AMQP only: inet_dist_use_interface keeps the distribution port (25672) on
    # loopback too, and ERL_EPMD_ADDRESS the epmd the server starts if none runs.
    RABBITMQ_NODENAME=rabbit@localhost RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT="$TF_RABBITMQ_PORT" \
    RABBITMQ_DIST_PORT=25672 ERL_EPMD_ADDRESS=127.0.0.1 RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="$RABBIT_LOOPBACK_ERL_ARGS" \
    RABBITMQ_MNESIA_BASE="$base/mnesia" RABBITMQ_LOG_BASE="$base/log" \
      nohup rabbitmq-server </dev/null >"$LOGS/rabbitmq.out" 2>&1 &
    launcher=$!
    # await_startup gives up at once while the node is not registered yet: retry until it answers.
    local deadline=$((SECONDS + 90))
    until rabbitctl await_startup --timeout 10 >/dev/null 2>&1; do
      if (( SECONDS > deadline )) || ! kill -0 "$launcher" 2>/dev/null; then
        log "--- $LOGS/rabbitmq.out"; tail -30 "$LOGS/rabbitmq.out" >&2 || true
        log "--- $base/log/rabbit@localhost.log"; tail -30 "$base/log/rabbit@localhost.log" >&2 || true
        kill -0 "$launcher" 2>/dev/null && die "RabbitMQ did not start within 90 s" || die "RabbitMQ exited while starting"
      fi
      sleep 1
    done
    log "RabbitMQ started in $((SECONDS - started)) s"
  fi
  local pid
  pid="$(rabbitctl eval 'os:getpid().' 2>/dev/null | tr -d '"' || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || die "could not read the RabbitMQ node's pid (got: $pid)"
  echo "$pid" > "$PIDS/rabbitmq.pid"
  if ! rabbitctl authenticate_user "$TF_RABBITMQ_USER" "$TF_RABBITMQ_PASSWORD" >/dev/null 2>&1; then
    if rabbitctl list_users -q 2>/dev/null | awk '{print $1}' | grep -qxF "$TF_RABBITMQ_USER"; then
      log "setting the password of RabbitMQ user $TF_RABBITMQ_USER"
      rabbitctl change_password "$TF_RABBITMQ_USER" "$TF_RABBITMQ_PASSWORD" >/dev/null
    else
      log "adding RabbitMQ user $TF_RABBITMQ_USER"
      rabbitctl add_user "$TF_RABBITMQ_USER" "$TF_RABBITMQ_PASSWORD" >/dev/null
    fi
  fi
  local vhost vhosts perms
  vhosts="$(rabbitctl list_vhosts -q)"
  perms="$(rabbitctl list_user_permissions -q "$TF_RABBITMQ_USER")"
  for vhost in "$TF_RABBITMQ_VHOST" "$TF_RABBITMQ_TEST_VHOST${TF_TEST_SLOT:-}"; do
    if ! grep -qxF "$vhost" <<<"$vhosts"; then
      log "adding RabbitMQ vhost $vhost"
      rabbitctl add_vhost "$vhost" >/dev/null
    fi
    if ! grep -qxF "$(printf '%s\t.*\t.*\t.*' "$vhost")" <<<"$perms"; then
      log "granting $TF_RABBITMQ_USER full permissions on $vhost"
      rabbitctl set_permissions -p "$vhost" "$TF_RABBITMQ_USER" '.*' '.*' '.*' >/dev/null
    fi
  done
  log "RabbitMQ ready (pid $pid): user $TF_RABBITMQ_USER, vhosts $TF_RABBITMQ_VHOST and $TF_RABBITMQ_TEST_VHOST${TF_TEST_SLOT:-}"
}

began=$SECONDS
ensure_env_file
ensure_packages
ensure_traversable
ensure_postgres
ensure_databases
ensure_rabbitmq
check_epmd
log "infrastructure ready in $((SECONDS - began)) s (secrets: $ENV_FILE)"
