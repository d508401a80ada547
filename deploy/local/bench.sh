#!/usr/bin/env bash
# The benchmark: brings the system up (up.sh), measures the machine's pgbench reference, posts contributions at
# rising concurrency, then runs reservations with 200 concurrent requesters on one pool, all in the same run.
# Arguments go to the load runner (--scenarios reservations --requesters 200 --concurrency 1,4,16 --duration 15 ...).
#
# --scenarios statements measures statement generation over a ledger of 1,000,000 entries instead: it needs only
# PostgreSQL and RabbitMQ, seeds (or re-uses) the database trustfund_bench_reporting, and starts a Reporting of its
# own on that database (port $TF_BENCH_REPORTING_PORT, 5305 unless set; vhost trustfund-bench, so it never takes
# the local system's messages), which it stops at the end.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SCENARIOS="contributions,reservations"
for ((i = 1; i < $#; i++)); do
  [[ "${!i}" != --scenarios ]] || { j=$((i + 1)); SCENARIOS="${!j}"; }
done

if [[ "$SCENARIOS" == statements ]]; then
  bash "$ROOT/deploy/local/infra.sh"
else
  bash "$ROOT/deploy/local/up.sh" >/dev/null
fi
ensure_env_file
dotnet build "$ROOT/tests/TrustFund.LoadRunner" -c "$CONFIGURATION" -v quiet -nologo >"$LOGS/build-load.log" 2>&1 \
  || die "load runner build failed (see $LOGS/build-load.log)"
TOKEN="$(run_service Reporting dev-token --subject load-runner --role finance --role auditor --role fund-manager 2>>"$LOGS/bench-token.log")"

STATEMENTS=()
if [[ ",$SCENARIOS," == *,statements,* ]]; then
  BENCH_DB=trustfund_bench_reporting
  BENCH_VHOST=trustfund-bench
  BENCH_PORT="${TF_BENCH_REPORTING_PORT:-5305}"
  BENCH_CONNECTION="Host=$TF_PG_HOST;Port=$TF_PG_PORT;Database=$BENCH_DB;Username=trustfund_reporting;Password=$TF_PG_PASSWORD_REPORTING"
  if [[ -z "$(psql_super -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$BENCH_DB'")" ]]; then
    log "creating the benchmark ledger's database $BENCH_DB"
    psql_super -d postgres -c "CREATE DATABASE $BENCH_DB OWNER trustfund_reporting"
  fi
  if ! rabbitctl list_vhosts -q | grep -qxF "$BENCH_VHOST"; then
    rabbitctl add_vhost "$BENCH_VHOST" >/dev/null
    rabbitctl set_permissions -p "$BENCH_VHOST" "$TF_RABBITMQ_USER" '.*' '.*' '.*' >/dev/null
  fi
  ! curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$BENCH_PORT/health/live" || die "port $BENCH_PORT is taken: set TF_BENCH_REPORTING_PORT"
  mapfile -t vars < <(service_env Reporting)
  vars+=("ASPNETCORE_URLS=http://127.0.0.1:$BENCH_PORT" "Database__ConnectionString=$BENCH_CONNECTION" "RabbitMq__VirtualHost=$BENCH_VHOST")
  env "${vars[@]}" dotnet "$(service_dll Reporting)" migrate >"$LOGS/bench-reporting-migrate.log" 2>&1 \
    || { tail -20 "$LOGS/bench-reporting-migrate.log" >&2; die "migrating $BENCH_DB failed"; }
  (
    cd "$(dirname "$(service_dll Reporting)")"
    env "${vars[@]}" nohup dotnet "$(service_dll Reporting)" </dev/null >"$LOGS/bench-reporting.log" 2>&1 &
    echo $! > "$PIDS/bench-reporting.pid"
  )
  BENCH_PID="$(cat "$PIDS/bench-reporting.pid")"
  stop_bench_reporting() {
    kill "$BENCH_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$BENCH_PID" 2>/dev/null || break; sleep 0.2; done
    rm -f "$PIDS/bench-reporting.pid"
  }
  trap stop_bench_reporting EXIT
  deadline=$((SECONDS + 60))
  until curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$BENCH_PORT/health/ready"; do
    kill -0 "$BENCH_PID" 2>/dev/null && ((SECONDS < deadline)) || { tail -20 "$LOGS/bench-reporting.log" >&2; die "the benchmark's Reporting did not become ready"; }
    sleep 0.5
  done
  log "benchmark Reporting (pid $BENCH_PID) on http://127.0.0.1:$BENCH_PORT over $BENCH_DB"
  STATEMENTS=(--statements-reporting "http://127.0.0.1:$BENCH_PORT" --reporting-pid "$BENCH_PID")
fi

PGHOST="$TF_PG_HOST" PGPORT="$TF_PG_PORT" PGUSER="$TF_PG_SUPERUSER" PGPASSWORD="$TF_PG_SUPERUSER_PASSWORD" \
  TF_RABBITMQ_USER="$TF_RABBITMQ_USER" TF_RABBITMQ_PASSWORD="$TF_RABBITMQ_PASSWORD" TF_LOAD_STATEMENTS_DB="${BENCH_CONNECTION:+$BENCH_CONNECTION;Command Timeout=600}" \
  dotnet "$ROOT/tests/TrustFund.LoadRunner/bin/$CONFIGURATION/net10.0/TrustFund.LoadRunner.dll" \
  --token "$TOKEN" --pledges "http://127.0.0.1:${PORTS[Pledges]}" --reporting "http://127.0.0.1:${PORTS[Reporting]}" \
  --earmarking "http://127.0.0.1:${PORTS[Earmarking]}" --rabbit "rabbitmq://$TF_RABBITMQ_HOST:$TF_RABBITMQ_PORT/$TF_RABBITMQ_VHOST" \
  "${STATEMENTS[@]}" "$@"
