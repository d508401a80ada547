-- Pledges' own sums per fund and pledge currency, for reconciliation: what is pledged now (after amendments) and
-- where it is: paid (matched to instalments), cancelled, written off, or still outstanding.
SELECT fund_id AS FundId, currency AS Currency, count(*) AS Count, sum(amount) AS Pledged, sum(paid) AS Paid,
       sum(cancelled) AS Cancelled, sum(written_off) AS WrittenOff
FROM pledges
WHERE @FundId::text IS NULL OR fund_id = @FundId
GROUP BY fund_id, currency
ORDER BY fund_id, currency;
