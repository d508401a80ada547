-- T-SQL: INSERT ... WHERE NOT EXISTS under UPDLOCK, HOLDLOCK in place of ON CONFLICT DO NOTHING.
INSERT INTO refunds (refund_id, request_id, amount, currency, value_date, reference, recorded_by, recorded_at, trace_id)
SELECT @RefundId, @RequestId, @Amount, @Currency, @ValueDate, @Reference, @RecordedBy, @Now, @TraceId
WHERE NOT EXISTS (SELECT 1 FROM refunds WITH (UPDLOCK, HOLDLOCK) WHERE refund_id = @RefundId);
