#!/usr/bin/env bash
# The whole system on this machine: PostgreSQL and RabbitMQ (installed if missing), the four services built,
# migrated and started, demo data seeded. Safe to run again: running services are left as they are.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

bash "$ROOT/deploy/local/infra.sh"
ensure_env_file

log "building the services ($CONFIGURATION)"
dotnet build "$ROOT/TrustFund.sln" -c "$CONFIGURATION" -v quiet -nologo >"$LOGS/build.log" 2>&1 \
  || { tail -30 "$LOGS/build.log" >&2; die "build failed (see $LOGS/build.log)"; }

ready() { curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:${PORTS[$1]}/health/ready"; }

for name in "${SERVICES[@]}"; do
  lower="$(echo "$name" | tr '[:upper:]' '[:lower:]')"
  pidfile="$PIDS/$lower.pid"
  if pid_alive "$pidfile" "TrustFund.$name.dll"; then
    if ready "$name"; then
      log "$name already running (pid $(cat "$pidfile"))"
    else
      log "$name already started (pid $(cat "$pidfile")) but not ready yet; waiting for it"
    fi
    continue
  fi
  rm -f "$pidfile"
  # Something we did not start answers on the port (another checkout's service?): ours could not bind it.
  ! ready "$name" || die "port ${PORTS[$name]} already serves a $name this checkout did not start: stop it first"
  run_service "$name" migrate >>"$LOGS/$lower-migrate.log" 2>&1 \
    || { tail -20 "$LOGS/$lower-migrate.log" >&2; die "$name migrate failed"; }
  log "starting $name on http://127.0.0.1:${PORTS[$name]}"
  mapfile -t vars < <(service_env "$name")
  # env and nohup exec into dotnet, so $! is the service's own pid; no shell stays behind holding our output.
  (
    cd "$(dirname "$(service_dll "$name")")"
    env "${vars[@]}" nohup dotnet "$(service_dll "$name")" </dev/null >>"$LOGS/$lower.log" 2>&1 &
    echo $! > "$pidfile"
  )
done

for name in "${SERVICES[@]}"; do
  lower="$(echo "$name" | tr '[:upper:]' '[:lower:]')"
  deadline=$((SECONDS + 60))
  until ready "$name"; do
    if ! pid_alive "$PIDS/$lower.pid" "TrustFund.$name.dll" || (( SECONDS > deadline )); then
      tail -20 "$LOGS/$lower.log" >&2
      die "$name did not become ready (log: $LOGS/$lower.log)"
    fi
    sleep 0.5
  done
done
log "all four services ready"

TOKEN="$(run_service Pledges dev-token --subject finance-demo --role finance --role auditor --role fund-manager)"

# Demo data: fixed ids and idempotency keys, so seeding again changes nothing: a repeat replays the first answer, or,
# once the key has expired, is refused as a duplicate (409), which here means the data is already there.
seed() {
  local service="$1" path="$2" key="$3" body="$4" status
  status=$(curl -sS -o "$LOGS/seed-$key.json" -w '%{http_code}' -X POST "http://127.0.0.1:${PORTS[$service]}$path" \
    -H "Authorization: Bearer $TOKEN" -H "Idempotency-Key: $key" -H "Content-Type: application/json" -d "$body")
  [[ "$status" == 201 || "$status" == 200 || "$status" == 409 ]] || die "seeding $key answered $status: $(cat "$LOGS/seed-$key.json")"
}
seed Earmarking /funds demo-fund '{"fundId":"fund-asm","name":"Artisanal mining support fund","baseCurrency":"USD","feeRate":0.01,"financingModel":"voluntary","twoApproverThreshold":50000.00}'
seed Earmarking /funds/fund-asm/windows demo-window-1 '{"windowId":"mercury","name":"Mercury reduction"}'
seed Earmarking /funds/fund-asm/windows demo-window-2 '{"windowId":"conflict-minerals","name":"Conflict minerals due diligence"}'
seed Earmarking /funds/fund-asm/projects demo-project-1 '{"projectId":"proj-ghana-retorts","windowId":"mercury","name":"Mercury-free retorts, Ghana","projectLead":"lead-ghana","partnerId":"partner-ghana","allocation":150000.00}'
seed Earmarking /funds/fund-asm/projects demo-project-2 '{"projectId":"proj-drc-traceability","windowId":"conflict-minerals","name":"Tin traceability, DRC","projectLead":"lead-drc","partnerId":"partner-drc","allocation":200000.00}'
# Pledges learns the structure from Earmarking's events. An install older than Pledges' copy of the structure never
# sent them to it: then Earmarking is asked to publish the whole structure again.
knows_demo_fund() {
  local tries="$1"
  for _ in $(seq 1 "$tries"); do
    curl -fs -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:${PORTS[Pledges]}/funds/fund-asm" | grep -q proj-drc-traceability && return 0
    sleep 0.2
  done
  return 1
}
if ! knows_demo_fund 25; then
  seed Earmarking /structure/republish "demo-republish-$(date +%s)" '{}'
  knows_demo_fund 100 || die "Pledges did not learn fund-asm from Earmarking (see $LOGS/pledges.log)"
fi
seed Pledges /donors demo-donor-1 '{"donorId":"donor-norway","name":"Norway","type":"government","countryCode":"NO"}'
seed Pledges /donors demo-donor-2 '{"donorId":"donor-switzerland","name":"Switzerland","type":"government","countryCode":"CH"}'
seed Pledges /donors demo-donor-3 '{"donorId":"donor-eu","name":"European Union","type":"multilateral"}'
seed Pledges /exchange-rates demo-rate-eur-usd '{"fromCurrency":"EUR","toCurrency":"USD","rateDate":"2026-11-05","rate":1.0850}'
seed Pledges /contributions demo-seed-1 '{"contributionId":"6f1c0b8e-0c55-4a7e-9d4e-000000000001","donorId":"donor-norway","fundId":"fund-asm","amount":250000.00,"currency":"USD","earmark":{"kind":"unearmarked"},"valueDate":"2026-11-01"}'
seed Pledges /contributions demo-seed-2 '{"contributionId":"6f1c0b8e-0c55-4a7e-9d4e-000000000002","donorId":"donor-switzerland","fundId":"fund-asm","amount":120000.00,"currency":"USD","earmark":{"kind":"window","windowId":"mercury"},"valueDate":"2026-11-03"}'
seed Pledges /contributions demo-seed-3 '{"contributionId":"6f1c0b8e-0c55-4a7e-9d4e-000000000003","donorId":"donor-eu","fundId":"fund-asm","amount":80000.00,"currency":"EUR","earmark":{"kind":"project","windowId":"mercury","projectId":"proj-ghana-retorts"},"valueDate":"2026-11-05"}'
seed Pledges /pledges demo-pledge-1 '{"pledgeId":"6f1c0b8e-0c55-4a7e-9d4e-100000000001","donorId":"donor-switzerland","fundId":"fund-asm","amount":240000.00,"currency":"USD","earmark":{"kind":"window","windowId":"mercury"},"pledgedOn":"2026-11-03","instalments":[{"dueDate":"2026-12-31","amount":120000.00},{"dueDate":"2027-12-31","amount":120000.00}]}'
seed Pledges /pledges demo-pledge-2 '{"pledgeId":"6f1c0b8e-0c55-4a7e-9d4e-100000000002","donorId":"donor-eu","fundId":"fund-asm","amount":150000.00,"currency":"EUR","earmark":{"kind":"project","windowId":"mercury","projectId":"proj-ghana-retorts"},"pledgedOn":"2026-11-05","instalments":[{"dueDate":"2027-03-31","amount":75000.00},{"dueDate":"2027-09-30","amount":75000.00}]}'
log "demo data seeded (fund-asm: two windows, two projects, three donors, an EUR/USD rate, three contributions, two pledges)"

cat <<TXT

TrustFund is up.
  Pledges        http://127.0.0.1:${PORTS[Pledges]}        (OpenAPI: http://127.0.0.1:${PORTS[Pledges]}/openapi/v1.json)
  Earmarking     http://127.0.0.1:${PORTS[Earmarking]}        (OpenAPI: http://127.0.0.1:${PORTS[Earmarking]}/openapi/v1.json)
  Disbursements  http://127.0.0.1:${PORTS[Disbursements]}        (OpenAPI: http://127.0.0.1:${PORTS[Disbursements]}/openapi/v1.json)
  Reporting      http://127.0.0.1:${PORTS[Reporting]}        (OpenAPI: http://127.0.0.1:${PORTS[Reporting]}/openapi/v1.json)
  Logs in $LOGS; stop with deploy/local/down.sh

A development token (finance, auditor, fund-manager; 12 h):
TOKEN=$TOKEN

Try:
  curl -s -X POST http://127.0.0.1:${PORTS[Pledges]}/contributions -H "Authorization: Bearer \$TOKEN" \\
    -H "Idempotency-Key: \$(cat /proc/sys/kernel/random/uuid)" -H "Content-Type: application/json" \\
    -d '{"donorId":"donor-norway","fundId":"fund-asm","amount":1000.00,"currency":"USD","earmark":{"kind":"window","windowId":"mercury"},"valueDate":"$(date -u +%F)"}'
  curl -s http://127.0.0.1:${PORTS[Reporting]}/funds/fund-asm/balance -H "Authorization: Bearer \$TOKEN"
  curl -s "http://127.0.0.1:${PORTS[Reporting]}/funds/fund-asm/statements/financial-position?asOf=$(date -u +%F)" -H "Authorization: Bearer \$TOKEN"
  curl -s http://127.0.0.1:${PORTS[Earmarking]}/funds/fund-asm/pools -H "Authorization: Bearer \$TOKEN"

Other tokens: deploy/local/token.sh --subject alice --role auditor   (roles: donor with --donor-id, fund-manager, project-lead with --partner-id, finance, auditor)
TXT
