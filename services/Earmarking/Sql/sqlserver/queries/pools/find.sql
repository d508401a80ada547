-- Pools with their sums, of one fund, one donor, or both, in key order (the pool's unique key); a page when @Limit is
-- given: the one after @AfterPoolId (the last pool id of the page before).
-- T-SQL: every selected column of the pool is in the GROUP BY; the row comparison over the pool's key is spelt out;
-- TOP in place of LIMIT (a null @Limit means every row).
SELECT TOP (COALESCE(@Limit, 2147483647)) p.pool_id AS PoolId, p.fund_id AS FundId, p.pool_kind AS PoolKind,
       CASE WHEN p.pool_kind <> 'purpose' THEN p.pool_kind
            WHEN p.project_id <> '' THEN 'project'
            WHEN p.window_id <> 'core' THEN 'window'
            ELSE 'unearmarked' END AS EarmarkKind,
       p.window_id AS WindowId, NULLIF(p.project_id, '') AS ProjectId, p.donor_id AS DonorId, p.currency AS Currency,
       COALESCE(SUM(l.credited), 0) AS Credited, COALESCE(SUM(l.available), 0) AS Available,
       COALESCE(SUM(l.reserved), 0) AS Reserved, COALESCE(SUM(l.disbursed), 0) AS Disbursed,
       COALESCE(SUM(l.transferred_out), 0) AS TransferredOut
FROM pools p LEFT JOIN lots l ON l.pool_id = p.pool_id
WHERE (@FundId IS NULL OR p.fund_id = @FundId) AND (@DonorId IS NULL OR p.donor_id = @DonorId)
  AND (@AfterPoolId IS NULL OR EXISTS (SELECT 1 FROM pools a WHERE a.pool_id = @AfterPoolId
        AND (p.fund_id > a.fund_id
             OR (p.fund_id = a.fund_id AND p.pool_kind > a.pool_kind)
             OR (p.fund_id = a.fund_id AND p.pool_kind = a.pool_kind AND p.window_id > a.window_id)
             OR (p.fund_id = a.fund_id AND p.pool_kind = a.pool_kind AND p.window_id = a.window_id AND p.project_id > a.project_id)
             OR (p.fund_id = a.fund_id AND p.pool_kind = a.pool_kind AND p.window_id = a.window_id AND p.project_id = a.project_id
                 AND p.donor_id > a.donor_id)
             OR (p.fund_id = a.fund_id AND p.pool_kind = a.pool_kind AND p.window_id = a.window_id AND p.project_id = a.project_id
                 AND p.donor_id = a.donor_id AND p.currency > a.currency))))
GROUP BY p.pool_id, p.fund_id, p.pool_kind, p.window_id, p.project_id, p.donor_id, p.currency
ORDER BY p.fund_id, p.pool_kind, p.window_id, p.project_id, p.donor_id, p.currency;
