-- Cash received per fund in its base currency, as Earmarking pools it and the ledger books it: the base amount, or
-- the amount itself for a contribution recorded before conversion existed (then it was in its own currency).
-- T-SQL: COUNT_BIG, a bigint as PostgreSQL's count.
SELECT fund_id AS FundId, COALESCE(base_currency, currency) AS Currency, COUNT_BIG(*) AS Count,
       SUM(COALESCE(base_amount, amount)) AS Received
FROM contributions
WHERE @FundId IS NULL OR fund_id = @FundId
GROUP BY fund_id, COALESCE(base_currency, currency)
ORDER BY fund_id, COALESCE(base_currency, currency);
