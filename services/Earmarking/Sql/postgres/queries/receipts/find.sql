-- One receipt by contribution id, or a fund's receipts (optionally only those held in suspense, and of those only the ones
-- not re-targeted yet), in value-date order; a page when @Limit is given: the one after @AfterId (the last contribution id
-- of the page before).
SELECT r.contribution_id AS ContributionId, r.fund_id AS FundId, r.donor_id AS DonorId, r.earmark_kind AS EarmarkKind,
       r.window_id AS WindowId, r.project_id AS ProjectId, r.amount AS Amount, r.currency AS Currency, r.base_amount AS BaseAmount,
       r.base_currency AS BaseCurrency, r.fee AS Fee, r.net AS Net, r.pool_id AS PoolId, r.lot_id AS LotId,
       r.suspense_reason AS SuspenseReason, r.value_date AS ValueDate, r.received_at AS ReceivedAt, r.trace_id AS TraceId,
       t.to_pool_id AS RetargetedToPoolId, t.reference AS RetargetReference
FROM receipts r LEFT JOIN retargets t ON t.contribution_id = r.contribution_id
WHERE (@ContributionId::uuid IS NULL OR r.contribution_id = @ContributionId)
  AND (@FundId::text IS NULL OR r.fund_id = @FundId)
  AND (@SuspenseOnly = false OR r.suspense_reason IS NOT NULL)
  AND (@OpenOnly = false OR t.contribution_id IS NULL)
  AND (@AfterId::uuid IS NULL
       OR (r.value_date, r.received_at, r.contribution_id) > (SELECT value_date, received_at, contribution_id FROM receipts WHERE contribution_id = @AfterId))
ORDER BY r.value_date, r.received_at, r.contribution_id
LIMIT @Limit::integer;
