-- Creates the pool on its first credit, adds to it afterwards; returns the pool id.
INSERT INTO pools (fund_id, earmark_kind, window_id, project_id, donor_id, currency, credited, available, first_credit, updated_at)
VALUES (@FundId, @EarmarkKind, @WindowId, @ProjectId, @DonorId, @Currency, @Amount, @Amount, @Now, @Now)
ON CONFLICT (fund_id, earmark_kind, window_id, project_id, donor_id, currency)
DO UPDATE SET credited = pools.credited + EXCLUDED.credited,
              available = pools.available + EXCLUDED.available,
              updated_at = EXCLUDED.updated_at
RETURNING pool_id;
