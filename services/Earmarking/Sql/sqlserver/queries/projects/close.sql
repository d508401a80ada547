UPDATE projects SET status = 'closed', version = version + 1, updated_at = @Now, updated_by = @Actor
WHERE fund_id = @FundId AND project_id = @ProjectId AND status = 'open';
