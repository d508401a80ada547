-- A fund's pools summed per currency (of one donor's pools only when @DonorId is given).
SELECT p.currency AS Currency, COALESCE(SUM(l.credited), 0) AS Credited, COALESCE(SUM(l.available), 0) AS Available,
       COALESCE(SUM(l.reserved), 0) AS Reserved, COALESCE(SUM(l.disbursed), 0) AS Disbursed
FROM pools p LEFT JOIN lots l ON l.pool_id = p.pool_id
WHERE p.fund_id = @FundId AND (@DonorId IS NULL OR p.donor_id = @DonorId)
GROUP BY p.currency
ORDER BY p.currency;
