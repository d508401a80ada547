-- T-SQL: INSERT ... WHERE NOT EXISTS under UPDLOCK, HOLDLOCK in place of ON CONFLICT (request_id) DO NOTHING.
INSERT INTO requests (request_id, fund_id, project_id, window_id, partner_id, requested_by, amount, currency, purpose, tranche, needed_by,
                      status, approvals_needed, version, created_at, updated_at, trace_id)
SELECT @RequestId, @FundId, @ProjectId, @WindowId, @PartnerId, @RequestedBy, @Amount, @Currency, @Purpose, @Tranche, @NeededBy,
       'submitted', @ApprovalsNeeded, 1, @Now, @Now, @TraceId
WHERE NOT EXISTS (SELECT 1 FROM requests WITH (UPDLOCK, HOLDLOCK) WHERE request_id = @RequestId);
