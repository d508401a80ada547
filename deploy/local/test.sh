#!/usr/bin/env bash
# All the tests: starts PostgreSQL and RabbitMQ if needed (never the local services: the integration tests start
# their own on test databases and a test vhost), runs dotnet test, and prints the totals as its last line.
# Extra arguments go to dotnet test, e.g. --filter FullyQualifiedName~Idempotency
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

bash "$ROOT/deploy/local/infra.sh"
ensure_env_file

output="$LOGS/test-output.log"
log "dotnet test ($CONFIGURATION); full output in $output"
set +e
dotnet test "$ROOT/TrustFund.sln" -c "$CONFIGURATION" --logger "console;verbosity=normal" "$@" 2>&1 | tee "$output"
status=${PIPESTATUS[0]}
set -e

# Each test assembly ends with a summary: "Total tests: 42" then "Passed: 41", "Failed: 1", "Skipped: 0" lines
# (normal verbosity), or the one-line "Passed!  - Failed: 0, Passed: 42, Skipped: 0, Total: 42" (minimal).
read -r passed failed skipped runs < <(awk '
  /^Total tests: [0-9]+/         { n++; block = 1; next }
  block && /^ +Passed: [0-9]+$/  { p += $2; next }
  block && /^ +Failed: [0-9]+$/  { f += $2; next }
  block && /^ +Skipped: [0-9]+$/ { s += $2; next }
  block && !/^ +[A-Za-z ]+: /    { block = 0 }
  /(Passed|Failed)! +- Failed: / {
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:")  { gsub(",", "", $(i+1)); f += $(i+1) }
      if ($i == "Passed:")  { gsub(",", "", $(i+1)); p += $(i+1) }
      if ($i == "Skipped:") { gsub(",", "", $(i+1)); s += $(i+1) }
    }
    n++
  }
  END { printf "%d %d %d %d\n", p, f, s, n }' "$output")

if (( runs == 0 )); then
  echo "no test assembly reported results (build failure?)" >&2
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi
if (( status != 0 && failed == 0 )); then
  failed=1  # dotnet test failed without a failing test (e.g. a crashed test host): never report green
fi
echo "$passed passed, $failed failed, $skipped skipped"
(( failed == 0 && status == 0 ))
