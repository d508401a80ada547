UPDATE reservations SET refunded = refunded + @Amount
WHERE request_id = @RequestId AND status = 'consumed' AND refunded + @Amount <= amount;
