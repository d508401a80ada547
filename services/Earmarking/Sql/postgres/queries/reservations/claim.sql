-- Claims the request id; a repeat of the same request waits here for the first, then finds it.
INSERT INTO reservations (request_id, fund_id, project_id, amount, currency, status, requested_by, requested_at, trace_id)
VALUES (@RequestId, @FundId, @ProjectId, @Amount, @Currency, 'rejected', @RequestedBy, @Now, @TraceId)
ON CONFLICT (request_id) DO NOTHING;
