-- Disbursement requests per fund, currency and status, for reconciliation: how many and how much.
SELECT fund_id AS FundId, currency AS Currency, status AS Status, count(*) AS Count, sum(amount) AS Amount
FROM requests
WHERE @FundId::text IS NULL OR fund_id = @FundId
GROUP BY fund_id, currency, status
ORDER BY fund_id, currency, status;
