-- One receipt by contribution id, or a fund's receipts (optionally only those held in suspense, and of those only the ones
-- not re-targeted yet), in value-date order; a page when @Limit is given: the one after @AfterId (the last contribution id
-- of the page before).
-- T-SQL: the flags are bits (1/0); the row comparison is spelt out; TOP in place of LIMIT (a null @Limit means every row).
SELECT TOP (COALESCE(@Limit, 2147483647))
       r.contribution_id AS ContributionId, r.fund_id AS FundId, r.donor_id AS DonorId, r.earmark_kind AS EarmarkKind,
       r.window_id AS WindowId, r.project_id AS ProjectId, r.amount AS Amount, r.currency AS Currency, r.base_amount AS BaseAmount,
       r.base_currency AS BaseCurrency, r.fee AS Fee, r.net AS Net, r.pool_id AS PoolId, r.lot_id AS LotId,
       r.suspense_reason AS SuspenseReason, r.value_date AS ValueDate, r.received_at AS ReceivedAt, r.trace_id AS TraceId,
       t.to_pool_id AS RetargetedToPoolId, t.reference AS RetargetReference
FROM receipts r LEFT JOIN retargets t ON t.contribution_id = r.contribution_id
WHERE (@ContributionId IS NULL OR r.contribution_id = @ContributionId)
  AND (@FundId IS NULL OR r.fund_id = @FundId)
  AND (@SuspenseOnly = 0 OR r.suspense_reason IS NOT NULL)
  AND (@OpenOnly = 0 OR t.contribution_id IS NULL)
  AND (@AfterId IS NULL OR EXISTS (SELECT 1 FROM receipts a WHERE a.contribution_id = @AfterId
        AND (r.value_date > a.value_date
             OR (r.value_date = a.value_date AND r.received_at > a.received_at)
             OR (r.value_date = a.value_date AND r.received_at = a.received_at AND r.contribution_id > a.contribution_id))))
ORDER BY r.value_date, r.received_at, r.contribution_id;
