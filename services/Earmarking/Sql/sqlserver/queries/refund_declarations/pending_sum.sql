-- What leads have declared for a disbursement and finance has not resolved yet.
SELECT coalesce(sum(amount), 0) FROM refund_declarations WHERE request_id = @RequestId AND status = 'declared';
