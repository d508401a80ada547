-- T-SQL: LineNo is a reserved word, hence [LineNo].
SELECT rl.line_no AS [LineNo], rl.lot_id AS LotId, rl.pool_id AS PoolId, rl.donor_id AS DonorId,
       CASE WHEN p.project_id <> '' THEN 'project' WHEN p.window_id <> 'core' THEN 'window' ELSE 'unearmarked' END AS EarmarkKind,
       p.window_id AS WindowId, NULLIF(p.project_id, '') AS ProjectId, rl.amount AS Amount, rl.refunded AS Refunded
FROM reservation_lines rl JOIN pools p ON p.pool_id = rl.pool_id
WHERE rl.request_id = @RequestId
ORDER BY rl.line_no;
