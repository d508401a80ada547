-- Resolves a reservation once from the status it was read in: a held one released, expired or consumed; a released or
-- expired one consumed when its payment is booked late. Zero rows means it changed meanwhile.
UPDATE reservations
SET status = @Status, resolved_at = @Now, resolved_by = @Actor, resolution_reason = @Reason,
    payment_value_date = @ValueDate, payment_reference = @PaymentReference
WHERE request_id = @RequestId AND status = @From;
