-- The funds by id, a page at a time: the @Limit after @AfterId (the last fund id of the page before).
-- T-SQL: TOP in place of LIMIT.
SELECT TOP (@Limit) fund_id AS FundId, base_currency AS BaseCurrency, two_approver_threshold AS TwoApproverThreshold,
       version AS Version, changed_at AS ChangedAt
FROM fund_copies
WHERE (@AfterId IS NULL OR fund_id > @AfterId)
ORDER BY fund_id;
