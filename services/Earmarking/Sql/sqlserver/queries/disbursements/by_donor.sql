-- T-SQL: @FundIds is a JSON array (Database.List) read with OPENJSON; every selected column of the request is in the
-- GROUP BY (PostgreSQL infers them from the key); the row comparison is spelt out; TOP in place of LIMIT.
SELECT TOP (@Limit) r.request_id AS RequestId, r.fund_id AS FundId, r.window_id AS WindowId, r.project_id AS ProjectId, r.partner_id AS PartnerId,
       r.payment_value_date AS ValueDate, r.currency AS Currency, SUM(rl.amount) AS Amount, SUM(rl.refunded) AS Refunded
FROM reservation_lines rl JOIN reservations r ON r.request_id = rl.request_id
WHERE rl.donor_id = @DonorId AND r.status = 'consumed'
  AND (@FundIds IS NULL OR r.fund_id IN (SELECT CAST([value] AS nvarchar(200)) FROM OPENJSON(@FundIds)))
  AND (@AfterId IS NULL OR EXISTS (SELECT 1 FROM reservations a WHERE a.request_id = @AfterId
        AND (r.payment_value_date > a.payment_value_date OR (r.payment_value_date = a.payment_value_date AND r.request_id > a.request_id))))
GROUP BY r.request_id, r.fund_id, r.window_id, r.project_id, r.partner_id, r.payment_value_date, r.currency
ORDER BY r.payment_value_date, r.request_id;
