-- Resolves a held reservation once: released, expired or consumed. Zero rows means it was no longer held.
UPDATE reservations
SET status = @Status, resolved_at = @Now, resolved_by = @Actor, resolution_reason = @Reason,
    payment_value_date = @ValueDate, payment_reference = @PaymentReference
WHERE request_id = @RequestId AND status = 'reserved';
