#!/usr/bin/env bash
# Stops exactly what up.sh and infra.sh started, by their pid files (never by process name): the four services
# (SIGTERM, then SIGKILL after 10 s), then RabbitMQ, then PostgreSQL. --services-only keeps PostgreSQL and RabbitMQ.
# Safe to run again: stale pid files are removed, nothing else is touched.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_env_file

services_only=0
case "${1:-}" in
  "") ;;
  --services-only) services_only=1 ;;
  *) die "usage: $0 [--services-only]" ;;
esac

# stop_pid NAME PIDFILE PATTERN: PATTERN must appear in the process's command line, so a pid reused since is left alone.
stop_pid() {
  local name="$1" pidfile="$2" pattern="$3" pid
  if ! pid_alive "$pidfile" "$pattern"; then
    [[ -f "$pidfile" ]] && log "$name not running (or its pid is now another program's); removing stale $pidfile"
    rm -f "$pidfile"
    return 0
  fi
  pid="$(cat "$pidfile")"
  log "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then
    log "$name did not stop in 10 s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

for name in "${SERVICES[@]}"; do
  stop_pid "$name" "$PIDS/$(echo "$name" | tr '[:upper:]' '[:lower:]').pid" "TrustFund.$name.dll"
done
if (( services_only )); then
  log "services stopped; PostgreSQL and RabbitMQ left running"
  exit 0
fi

if pid_alive "$PIDS/rabbitmq.pid" beam; then
  pid="$(cat "$PIDS/rabbitmq.pid")"
  log "stopping RabbitMQ (pid $pid)"
  if rabbitctl stop >/dev/null 2>&1; then
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  fi
  # rabbitmqctl failed or the node lingers: signal the pid we recorded.
  if kill -0 "$pid" 2>/dev/null; then stop_pid RabbitMQ "$PIDS/rabbitmq.pid" beam; fi
fi
rm -f "$PIDS/rabbitmq.pid"

# Asked of the data folder, not of the pid file: a restart (the tests do one) gives the server a new pid.
if [[ -f "$LOCAL/postgres/data/PG_VERSION" ]] && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$LOCAL/postgres/data" status >/dev/null 2>&1; then
  log "stopping PostgreSQL"
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$LOCAL/postgres/data" -m fast -w -t 60 stop >/dev/null
fi
rm -f "$PIDS/postgres.pid"
log "stopped"
