#!/usr/bin/env bash
# The benchmark: brings the system up (up.sh), measures the machine's pgbench reference, posts contributions at
# rising concurrency, then runs reservations with 200 concurrent requesters on one pool, all in the same run.
# Arguments go to the load runner (--scenarios reservations --requesters 200 --concurrency 1,4,16 --duration 15 ...).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

bash "$ROOT/deploy/local/up.sh" >/dev/null
ensure_env_file
TOKEN="$(run_service Pledges dev-token --subject load-runner --role finance --role auditor --role fund-manager)"
dotnet build "$ROOT/tests/TrustFund.LoadRunner" -c "$CONFIGURATION" -v quiet -nologo >"$LOGS/build-load.log" 2>&1 \
  || die "load runner build failed (see $LOGS/build-load.log)"
PGHOST="$TF_PG_HOST" PGPORT="$TF_PG_PORT" PGUSER="$TF_PG_SUPERUSER" PGPASSWORD="$TF_PG_SUPERUSER_PASSWORD" \
  TF_RABBITMQ_USER="$TF_RABBITMQ_USER" TF_RABBITMQ_PASSWORD="$TF_RABBITMQ_PASSWORD" \
  dotnet "$ROOT/tests/TrustFund.LoadRunner/bin/$CONFIGURATION/net10.0/TrustFund.LoadRunner.dll" \
  --token "$TOKEN" --pledges "http://127.0.0.1:${PORTS[Pledges]}" --reporting "http://127.0.0.1:${PORTS[Reporting]}" \
  --earmarking "http://127.0.0.1:${PORTS[Earmarking]}" --rabbit "rabbitmq://$TF_RABBITMQ_HOST:$TF_RABBITMQ_PORT/$TF_RABBITMQ_VHOST" "$@"
