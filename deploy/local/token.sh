#!/usr/bin/env bash
# Prints a development token signed with this checkout's key, e.g.:
#   deploy/local/token.sh --subject alice --role auditor
#   deploy/local/token.sh --subject norway-user --role donor --donor-id donor-norway
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_env_file
[[ -f "$(service_dll Pledges)" ]] || die "build first: deploy/local/up.sh"
run_service Pledges dev-token "$@"
