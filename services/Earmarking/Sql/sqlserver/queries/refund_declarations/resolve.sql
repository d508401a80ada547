-- Resolves a declaration once: the status guard makes a second resolution change nothing.
UPDATE refund_declarations SET status = @Status, resolved_by = @Actor, resolved_at = @Now, resolution_reason = @Reason
WHERE refund_id = @RefundId AND status = 'declared';
