-- Pools with their sums, of one fund, one donor, or both, in key order (the pool's unique key); a page when @Limit is
-- given: the one after @AfterPoolId (the last pool id of the page before).
SELECT p.pool_id AS PoolId, p.fund_id AS FundId, p.pool_kind AS PoolKind,
       CASE WHEN p.pool_kind <> 'purpose' THEN p.pool_kind
            WHEN p.project_id <> '' THEN 'project'
            WHEN p.window_id <> 'core' THEN 'window'
            ELSE 'unearmarked' END AS EarmarkKind,
       p.window_id AS WindowId, NULLIF(p.project_id, '') AS ProjectId, p.donor_id AS DonorId, p.currency AS Currency,
       coalesce(sum(l.credited), 0) AS Credited, coalesce(sum(l.available), 0) AS Available,
       coalesce(sum(l.reserved), 0) AS Reserved, coalesce(sum(l.disbursed), 0) AS Disbursed,
       coalesce(sum(l.transferred_out), 0) AS TransferredOut
FROM pools p LEFT JOIN lots l ON l.pool_id = p.pool_id
WHERE (@FundId::text IS NULL OR p.fund_id = @FundId) AND (@DonorId::text IS NULL OR p.donor_id = @DonorId)
  AND (@AfterPoolId::bigint IS NULL
       OR (p.fund_id, p.pool_kind, p.window_id, p.project_id, p.donor_id, p.currency)
          > (SELECT fund_id, pool_kind, window_id, project_id, donor_id, currency FROM pools WHERE pool_id = @AfterPoolId))
GROUP BY p.pool_id
ORDER BY p.fund_id, p.pool_kind, p.window_id, p.project_id, p.donor_id, p.currency
LIMIT @Limit::integer;
