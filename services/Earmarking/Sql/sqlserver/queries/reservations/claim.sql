-- Claims the request id; a repeat of the same request waits here for the first, then finds it.
-- T-SQL: INSERT ... WHERE NOT EXISTS under UPDLOCK, HOLDLOCK in place of ON CONFLICT DO NOTHING.
INSERT INTO reservations (request_id, fund_id, project_id, amount, currency, status, requested_by, requested_at, trace_id)
SELECT @RequestId, @FundId, @ProjectId, @Amount, @Currency, 'rejected', @RequestedBy, @Now, @TraceId
WHERE NOT EXISTS (SELECT 1 FROM reservations WITH (UPDLOCK, HOLDLOCK) WHERE request_id = @RequestId);
