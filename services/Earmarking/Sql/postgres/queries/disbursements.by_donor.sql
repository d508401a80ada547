-- Where a donor's money went: its share of each paid disbursement, and what came back of it.
SELECT r.request_id AS RequestId, r.fund_id AS FundId, r.window_id AS WindowId, r.project_id AS ProjectId, r.partner_id AS PartnerId,
       r.payment_value_date AS ValueDate, r.currency AS Currency, sum(rl.amount) AS Amount, sum(rl.refunded) AS Refunded
FROM reservation_lines rl JOIN reservations r ON r.request_id = rl.request_id
WHERE rl.donor_id = @DonorId AND r.status = 'consumed'
GROUP BY r.request_id
ORDER BY r.payment_value_date, r.request_id;
