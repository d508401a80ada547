-- Declarations by status, oldest first, a page at a time: the page after @AfterId (the last refund id of the page before).
SELECT refund_id AS RefundId, request_id AS RequestId, amount AS Amount, currency AS Currency, value_date AS ValueDate, reference AS Reference,
       declared_by AS DeclaredBy, declared_at AS DeclaredAt, status AS Status, resolved_by AS ResolvedBy, resolved_at AS ResolvedAt,
       resolution_reason AS ResolutionReason
FROM refund_declarations
WHERE status = @Status
  AND (@AfterId::uuid IS NULL OR (declared_at, refund_id) > (SELECT declared_at, refund_id FROM refund_declarations WHERE refund_id = @AfterId))
ORDER BY declared_at, refund_id
LIMIT @Limit;
