-- T-SQL: UPDLOCK, ROWLOCK, HOLDLOCK in place of FOR UPDATE.
SELECT refund_id AS RefundId, request_id AS RequestId, amount AS Amount, currency AS Currency, value_date AS ValueDate, reference AS Reference,
       declared_by AS DeclaredBy, declared_at AS DeclaredAt, status AS Status, resolved_by AS ResolvedBy, resolved_at AS ResolvedAt,
       resolution_reason AS ResolutionReason
FROM refund_declarations WITH (UPDLOCK, ROWLOCK, HOLDLOCK) WHERE refund_id = @RefundId AND request_id = @RequestId;
