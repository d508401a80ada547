-- Optimistic: applies only to the version that was read. Optional facts are kept when not given.
-- T-SQL: the attribution is JSON text (checked by the table's ISJSON constraint).
UPDATE requests
SET status = @To, version = version + 1, updated_at = @Now,
    available = COALESCE(@Available, available),
    refusal_reason = COALESCE(@RefusalReason, refusal_reason),
    reservation_expires_at = COALESCE(@ExpiresAt, reservation_expires_at),
    payment_value_date = COALESCE(@ValueDate, payment_value_date),
    payment_reference = COALESCE(@PaymentReference, payment_reference),
    paid_by = COALESCE(@PaidBy, paid_by),
    attribution = COALESCE(@Attribution, attribution)
WHERE request_id = @RequestId AND version = @Version;
