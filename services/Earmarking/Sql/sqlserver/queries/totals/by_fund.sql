-- The service's own sums per fund and currency, for reconciliation: what came in (contributions at their pooled
-- amount, interest) against where it is (fees, available, reserved, disbursed net of refunds, suspense).
-- T-SQL: SUM(CASE WHEN ... END) in place of sum(...) FILTER (WHERE ...).
WITH received AS (
    SELECT fund_id, base_currency AS currency, sum(base_amount) AS contributions FROM receipts GROUP BY fund_id, base_currency
), interest AS (
    SELECT fund_id, currency, sum(amount) AS interest FROM interest_postings GROUP BY fund_id, currency
), held AS (
    SELECT p.fund_id, p.currency,
           COALESCE(SUM(CASE WHEN p.pool_kind = 'purpose' THEN l.available END), 0) AS available,
           coalesce(sum(l.reserved), 0) AS reserved,
           coalesce(sum(l.disbursed), 0) AS disbursed,
           COALESCE(SUM(CASE WHEN p.pool_kind = 'fee' THEN l.available END), 0) AS fees,
           COALESCE(SUM(CASE WHEN p.pool_kind = 'suspense' THEN l.available END), 0) AS suspense
    FROM pools p JOIN lots l ON l.pool_id = p.pool_id
    GROUP BY p.fund_id, p.currency
), refunded AS (
    SELECT r.fund_id, f.currency, sum(f.amount) AS refunds FROM refunds f JOIN reservations r ON r.request_id = f.request_id GROUP BY r.fund_id, f.currency
), funds_and_currencies AS (
    SELECT fund_id, currency FROM received UNION SELECT fund_id, currency FROM interest UNION SELECT fund_id, currency FROM held
)
SELECT k.fund_id AS FundId, k.currency AS Currency,
       coalesce(rc.contributions, 0) AS Contributions, coalesce(i.interest, 0) AS Interest,
       coalesce(h.fees, 0) AS Fees, coalesce(h.available, 0) AS Available, coalesce(h.reserved, 0) AS Reserved,
       coalesce(h.disbursed, 0) AS Disbursed, coalesce(rf.refunds, 0) AS Refunded, coalesce(h.suspense, 0) AS Suspense
FROM funds_and_currencies k
LEFT JOIN received rc ON rc.fund_id = k.fund_id AND rc.currency = k.currency
LEFT JOIN interest i ON i.fund_id = k.fund_id AND i.currency = k.currency
LEFT JOIN held h ON h.fund_id = k.fund_id AND h.currency = k.currency
LEFT JOIN refunded rf ON rf.fund_id = k.fund_id AND rf.currency = k.currency
WHERE @FundId IS NULL OR k.fund_id = @FundId
ORDER BY k.fund_id, k.currency;
