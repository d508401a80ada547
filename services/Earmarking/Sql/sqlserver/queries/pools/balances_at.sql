-- What each purpose pool of a fund held (available + reserved) at the end of a day, from the dated movements.
-- T-SQL: every selected column of the pool is in the GROUP BY (PostgreSQL infers them from the key).
SELECT p.pool_id AS PoolId, p.donor_id AS DonorId, p.window_id AS WindowId, p.project_id AS ProjectId, sum(m.held_delta) AS Balance
FROM pools p
JOIN lots l ON l.pool_id = p.pool_id
JOIN lot_movements m ON m.lot_id = l.lot_id
WHERE p.fund_id = @FundId AND p.pool_kind = 'purpose' AND p.currency = @Currency AND m.effective_on <= @AsOf
GROUP BY p.pool_id, p.donor_id, p.window_id, p.project_id
HAVING sum(m.held_delta) > 0
ORDER BY p.pool_id;
