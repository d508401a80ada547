UPDATE reservations SET status = 'rejected', window_id = @WindowId, partner_id = @PartnerId, reject_reason = @Reason,
       available = @Available, detail = @Detail, resolved_at = @Now, resolved_by = 'system'
WHERE request_id = @RequestId;
