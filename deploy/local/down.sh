#!/usr/bin/env bash
# Stops exactly what up.sh and infra.sh started, by their pid files. --services-only keeps PostgreSQL and RabbitMQ.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_env_file

stop_pid() {
  local name="$1" pidfile="$2" pid
  if ! pid_alive "$pidfile"; then
    rm -f "$pidfile"
    return
  fi
  pid="$(cat "$pidfile")"
  log "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -0 "$pid" 2>/dev/null && { log "$name did not stop in 10 s; killing it"; kill -KILL "$pid" 2>/dev/null || true; }
  rm -f "$pidfile"
}

for name in "${SERVICES[@]}"; do
  stop_pid "$name" "$PIDS/$(echo "$name" | tr '[:upper:]' '[:lower:]').pid"
done
[[ "${1:-}" == "--services-only" ]] && exit 0

if pid_alive "$PIDS/rabbitmq.pid"; then
  log "stopping RabbitMQ"
  rabbitctl stop >/dev/null 2>&1 || stop_pid RabbitMQ "$PIDS/rabbitmq.pid"
  rm -f "$PIDS/rabbitmq.pid"
fi
# Asked of the data folder, not of the pid file: a restart (the tests do one) gives the server a new pid.
if [[ -f "$LOCAL/postgres/data/PG_VERSION" ]] && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$LOCAL/postgres/data" status >/dev/null 2>&1; then
  log "stopping PostgreSQL"
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$LOCAL/postgres/data" -m fast -w stop >/dev/null
fi
rm -f "$PIDS/postgres.pid"
log "stopped"
