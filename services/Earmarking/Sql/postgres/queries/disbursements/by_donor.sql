-- Where a donor's money went: its share of each paid disbursement, and what came back of it; only in the funds @FundIds
-- names when given; by value date, a page at a time: the @Limit after @AfterId (the last request id of the page before).
SELECT r.request_id AS RequestId, r.fund_id AS FundId, r.window_id AS WindowId, r.project_id AS ProjectId, r.partner_id AS PartnerId,
       r.payment_value_date AS ValueDate, r.currency AS Currency, sum(rl.amount) AS Amount, sum(rl.refunded) AS Refunded
FROM reservation_lines rl JOIN reservations r ON r.request_id = rl.request_id
WHERE rl.donor_id = @DonorId AND r.status = 'consumed'
  AND (@FundIds::text[] IS NULL OR r.fund_id = ANY (@FundIds::text[]))
  AND (@AfterId::uuid IS NULL
       OR (r.payment_value_date, r.request_id) > (SELECT payment_value_date, request_id FROM reservations WHERE request_id = @AfterId))
GROUP BY r.request_id
ORDER BY r.payment_value_date, r.request_id
LIMIT @Limit;
