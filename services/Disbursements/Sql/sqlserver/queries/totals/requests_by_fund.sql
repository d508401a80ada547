-- Disbursement requests per fund, currency and status, for reconciliation: how many and how much.
-- T-SQL: COUNT_BIG, a bigint as PostgreSQL's count.
SELECT fund_id AS FundId, currency AS Currency, status AS Status, COUNT_BIG(*) AS Count, SUM(amount) AS Amount
FROM requests
WHERE @FundId IS NULL OR fund_id = @FundId
GROUP BY fund_id, currency, status
ORDER BY fund_id, currency, status;
