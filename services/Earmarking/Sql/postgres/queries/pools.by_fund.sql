SELECT pool_id AS PoolId, fund_id AS FundId, earmark_kind AS EarmarkKind, window_id AS WindowId,
       NULLIF(project_id, '') AS ProjectId, donor_id AS DonorId, currency AS Currency,
       credited AS Credited, available AS Available
FROM pools
WHERE fund_id = @FundId AND (@DonorId::text IS NULL OR donor_id = @DonorId)
ORDER BY earmark_kind, window_id, project_id, donor_id, currency;
