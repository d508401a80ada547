-- T-SQL: INSERT ... WHERE NOT EXISTS under UPDLOCK, HOLDLOCK in place of ON CONFLICT DO NOTHING.
INSERT INTO refund_declarations (refund_id, request_id, amount, currency, value_date, reference, declared_by, declared_at, trace_id)
SELECT @RefundId, @RequestId, @Amount, @Currency, @ValueDate, @Reference, @DeclaredBy, @Now, @TraceId
WHERE NOT EXISTS (SELECT 1 FROM refund_declarations WITH (UPDLOCK, HOLDLOCK) WHERE refund_id = @RefundId);
