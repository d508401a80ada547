-- Optimistic: applies only to the version that was read. Optional facts are kept when not given.
UPDATE requests
SET status = @To, version = version + 1, updated_at = @Now,
    available = coalesce(@Available, available),
    refusal_reason = coalesce(@RefusalReason, refusal_reason),
    reservation_expires_at = coalesce(@ExpiresAt, reservation_expires_at),
    payment_value_date = coalesce(@ValueDate, payment_value_date),
    payment_reference = coalesce(@PaymentReference, payment_reference),
    paid_by = coalesce(@PaidBy, paid_by),
    attribution = coalesce(CAST(@Attribution AS jsonb), attribution)
WHERE request_id = @RequestId AND version = @Version;
