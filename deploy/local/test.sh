#!/usr/bin/env bash
# All the tests: starts PostgreSQL and RabbitMQ if needed (never the local services: the integration tests start
# their own on test databases and a test vhost), runs dotnet test, and prints the totals as its last line.
# Extra arguments go to dotnet test, e.g. --filter FullyQualifiedName~Idempotency
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

bash "$ROOT/deploy/local/infra.sh"
ensure_env_file

output="$LOGS/test-output${TF_TEST_SLOT:+-slot$TF_TEST_SLOT}.log"  # side-by-side checkouts keep their own
log "dotnet test ($CONFIGURATION); full output in $output"
set +e
dotnet test "$ROOT/TrustFund.sln" -c "$CONFIGURATION" --logger "console;verbosity=normal" "$@" 2>&1 | tee "$output"
status=${PIPESTATUS[0]}
set -e

# Each test assembly ends with a summary, either the one line of minimal verbosity
#   "Passed!  - Failed:     0, Passed:    42, Skipped:     0, Total:    42, Duration: 3 s - X.dll (net10.0)"
#   "Failed!  - Failed:     1, Passed:    41, ..."
# or, at normal verbosity, a block: "Total tests: 42" then "     Passed: 41", "     Failed: 1", "    Skipped: 0".
# When both forms are printed for the same assembly, the one-line form alone is counted (never twice).
read -r passed failed skipped runs < <(tf_test_totals "$output")

if (( runs == 0 )); then
  log "no test assembly reported results (build failure? see $output)" >&2
  echo "0 passed, 0 failed, 0 skipped"
  exit 1
fi
if (( status != 0 )); then
  log "dotnet test exited with $status (failing tests, a build error or a crashed test host; see $output)" >&2
fi
echo "$passed passed, $failed failed, $skipped skipped"
(( failed == 0 && status == 0 ))
