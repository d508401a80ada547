SELECT c.contribution_id AS ContributionId, c.pool_id AS PoolId, c.amount AS Amount, p.currency AS Currency,
       c.credited_at AS CreditedAt, c.trace_id AS TraceId
FROM pool_credits c JOIN pools p ON p.pool_id = c.pool_id
WHERE c.contribution_id = @ContributionId;
