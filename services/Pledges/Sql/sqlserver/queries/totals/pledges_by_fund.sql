-- Pledges' own sums per fund and pledge currency, for reconciliation: what is pledged now (after amendments) and
-- where it is: paid (matched to instalments), cancelled, written off, or still outstanding.
-- T-SQL: COUNT_BIG, a bigint as PostgreSQL's count.
SELECT fund_id AS FundId, currency AS Currency, COUNT_BIG(*) AS Count, SUM(amount) AS Pledged, SUM(paid) AS Paid,
       SUM(cancelled) AS Cancelled, SUM(written_off) AS WrittenOff
FROM pledges
WHERE @FundId IS NULL OR fund_id = @FundId
GROUP BY fund_id, currency
ORDER BY fund_id, currency;
