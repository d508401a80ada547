-- Returns the pool's id, creating the pool on first use. DO UPDATE (not DO NOTHING) so that a pool created by a
-- concurrent transaction is returned too, once that transaction commits.
INSERT INTO pools (fund_id, pool_kind, window_id, project_id, donor_id, currency, created_at)
VALUES (@FundId, @PoolKind, @WindowId, @ProjectId, @DonorId, @Currency, @Now)
ON CONFLICT (fund_id, pool_kind, window_id, project_id, donor_id, currency) DO UPDATE SET fund_id = EXCLUDED.fund_id
RETURNING pool_id;
