-- Guarded in the statement itself: never below what is already reserved or disbursed.
UPDATE projects SET allocation = @Allocation, version = version + 1, updated_at = @Now, updated_by = @Actor
WHERE fund_id = @FundId AND project_id = @ProjectId AND status = 'open' AND reserved + disbursed <= @Allocation;
