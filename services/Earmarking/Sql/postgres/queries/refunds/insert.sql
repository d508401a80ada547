INSERT INTO refunds (refund_id, request_id, amount, currency, value_date, reference, recorded_by, recorded_at, trace_id)
VALUES (@RefundId, @RequestId, @Amount, @Currency, @ValueDate, @Reference, @RecordedBy, @Now, @TraceId)
ON CONFLICT (refund_id) DO NOTHING;
