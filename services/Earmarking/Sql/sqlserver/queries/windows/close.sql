UPDATE windows SET status = 'closed', version = version + 1, updated_at = @Now, updated_by = @Actor
WHERE fund_id = @FundId AND window_id = @WindowId AND status = 'open';
