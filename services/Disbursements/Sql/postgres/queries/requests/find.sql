-- One request, a requester's, a partner's, those in one status, or the stuck payments (failed, or paying since before
-- @StuckBefore), within some funds when @FundIds is given; oldest first; a page when @Limit is given: the one after
-- @AfterId (the last request id of the page before).
SELECT request_id AS RequestId, fund_id AS FundId, project_id AS ProjectId, window_id AS WindowId, partner_id AS PartnerId,
       requested_by AS RequestedBy, amount AS Amount, currency AS Currency, purpose AS Purpose, tranche AS Tranche, needed_by AS NeededBy,
       status AS Status, approvals_needed AS ApprovalsNeeded, available AS Available, refusal_reason AS RefusalReason,
       reservation_expires_at AS ReservationExpiresAt, payment_value_date AS PaymentValueDate, payment_reference AS PaymentReference,
       paid_by AS PaidBy, attribution::text AS Attribution, version AS Version, created_at AS CreatedAt, updated_at AS UpdatedAt,
       (SELECT coalesce(json_agg(a.approver ORDER BY a.approved_at), '[]')::text FROM approvals a WHERE a.request_id = r.request_id) AS ApproversJson
FROM requests r
WHERE (@RequestId::uuid IS NULL OR request_id = @RequestId)
  AND (@RequestedBy::text IS NULL OR requested_by = @RequestedBy)
  AND (@PartnerId::text IS NULL OR partner_id = @PartnerId)
  AND (@FundIds::text[] IS NULL OR fund_id = ANY (@FundIds::text[]))
  AND (@Status::text IS NULL OR status = @Status)
  AND (@StuckBefore::timestamptz IS NULL OR status = 'payment-failed' OR (status = 'paying' AND updated_at <= @StuckBefore))
  AND (@AfterId::uuid IS NULL OR (created_at, request_id) > (SELECT created_at, request_id FROM requests WHERE request_id = @AfterId))
ORDER BY created_at, request_id
LIMIT @Limit::integer;
