-- T-SQL: TOP in place of LIMIT (a null @Limit means every row).
SELECT TOP (COALESCE(@Limit, 2147483647)) fund_id AS FundId, name AS Name, base_currency AS BaseCurrency, fee_rate AS FeeRate,
       financing_model AS FinancingModel, two_approver_threshold AS TwoApproverThreshold, interest_to_core AS InterestToCore,
       version AS Version, updated_at AS UpdatedAt, updated_by AS UpdatedBy
FROM funds
WHERE (@AfterId IS NULL OR fund_id > @AfterId)
ORDER BY fund_id;
