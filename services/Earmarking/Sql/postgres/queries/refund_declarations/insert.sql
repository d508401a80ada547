INSERT INTO refund_declarations (refund_id, request_id, amount, currency, value_date, reference, declared_by, declared_at, trace_id)
VALUES (@RefundId, @RequestId, @Amount, @Currency, @ValueDate, @Reference, @DeclaredBy, @Now, @TraceId)
ON CONFLICT (refund_id) DO NOTHING;
