-- Returns the pool's id, creating the pool on first use. DO UPDATE (not DO NOTHING) so that a pool created by a
-- concurrent transaction is returned too, once that transaction commits.
-- T-SQL: INSERT ... WHERE NOT EXISTS under UPDLOCK, HOLDLOCK in place of ON CONFLICT DO UPDATE ... RETURNING; the
-- pool's id is read back whether it was created now or existed.
SET NOCOUNT ON;
INSERT INTO pools (fund_id, pool_kind, window_id, project_id, donor_id, currency, created_at)
SELECT @FundId, @PoolKind, @WindowId, @ProjectId, @DonorId, @Currency, @Now
WHERE NOT EXISTS (SELECT 1 FROM pools WITH (UPDLOCK, HOLDLOCK)
                  WHERE fund_id = @FundId AND pool_kind = @PoolKind AND window_id = @WindowId AND project_id = @ProjectId
                    AND donor_id = @DonorId AND currency = @Currency);
SELECT pool_id FROM pools
WHERE fund_id = @FundId AND pool_kind = @PoolKind AND window_id = @WindowId AND project_id = @ProjectId
  AND donor_id = @DonorId AND currency = @Currency;
