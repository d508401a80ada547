-- Cash received per fund in its base currency, as Earmarking pools it and the ledger books it: the base amount, or
-- the amount itself for a contribution recorded before conversion existed (then it was in its own currency).
SELECT fund_id AS FundId, coalesce(base_currency, currency) AS Currency, count(*) AS Count,
       sum(coalesce(base_amount, amount)) AS Received
FROM contributions
WHERE @FundId::text IS NULL OR fund_id = @FundId
GROUP BY fund_id, coalesce(base_currency, currency)
ORDER BY fund_id, coalesce(base_currency, currency);
