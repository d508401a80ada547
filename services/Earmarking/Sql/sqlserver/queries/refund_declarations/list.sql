-- Declarations by status, oldest first, a page at a time: the page after @AfterId (the last refund id of the page before).
-- T-SQL: the row comparison is spelt out; TOP in place of LIMIT.
SELECT TOP (@Limit) refund_id AS RefundId, request_id AS RequestId, amount AS Amount, currency AS Currency, value_date AS ValueDate,
       reference AS Reference, declared_by AS DeclaredBy, declared_at AS DeclaredAt, status AS Status, resolved_by AS ResolvedBy,
       resolved_at AS ResolvedAt, resolution_reason AS ResolutionReason
FROM refund_declarations d
WHERE status = @Status
  AND (@AfterId IS NULL OR EXISTS (SELECT 1 FROM refund_declarations a WHERE a.refund_id = @AfterId
        AND (d.declared_at > a.declared_at OR (d.declared_at = a.declared_at AND d.refund_id > a.refund_id))))
ORDER BY declared_at, refund_id;
