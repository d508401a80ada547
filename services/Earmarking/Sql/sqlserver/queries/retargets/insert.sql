INSERT INTO retargets (contribution_id, from_pool_id, to_pool_id, to_lot_id, amount, fee, reference, retargeted_by, retargeted_at)
VALUES (@ContributionId, @FromPoolId, @ToPoolId, @ToLotId, @Amount, @Fee, @Reference, @Actor, @Now);
