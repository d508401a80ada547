-- The free money that may pay for a project, locked in the policy's order: earmarked to the project, then to its
-- window, then core; oldest receipt first. Rows changed meanwhile are re-read once their lock is ours.
-- T-SQL: UPDLOCK, ROWLOCK, HOLDLOCK on the lots in place of FOR UPDATE OF l (the pools are only read).
SELECT l.lot_id AS LotId, l.pool_id AS PoolId, p.donor_id AS DonorId, p.window_id AS WindowId, p.project_id AS ProjectId,
       l.value_date AS ValueDate, l.available AS Available
FROM lots l WITH (UPDLOCK, ROWLOCK, HOLDLOCK) JOIN pools p ON p.pool_id = l.pool_id
WHERE p.fund_id = @FundId AND p.pool_kind = 'purpose' AND p.currency = @Currency AND l.available > 0
  AND ((p.project_id = @ProjectId AND p.window_id = @WindowId) OR (p.project_id = '' AND p.window_id IN (@WindowId, 'core')))
ORDER BY CASE WHEN p.project_id <> '' THEN 0 WHEN p.window_id <> 'core' THEN 1 ELSE 2 END, l.value_date, l.lot_id;
