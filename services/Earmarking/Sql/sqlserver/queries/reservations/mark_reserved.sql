UPDATE reservations SET status = 'reserved', window_id = @WindowId, partner_id = @PartnerId, expires_at = @ExpiresAt
WHERE request_id = @RequestId;
