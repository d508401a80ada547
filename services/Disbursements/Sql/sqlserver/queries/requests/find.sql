-- One request, a requester's, a partner's, those in one status, or the stuck payments (failed, or paying since before
-- @StuckBefore), within some funds when @FundIds is given; oldest first; a page when @Limit is given: the one after
-- @AfterId (the last request id of the page before).
-- T-SQL: @FundIds is a JSON array (Database.List) read with OPENJSON; the approvers' JSON array is built with
-- STRING_AGG; the row comparison (created_at, request_id) > (...) is spelt out; TOP in place of LIMIT (a null @Limit
-- means every row).
SELECT TOP (COALESCE(@Limit, 2147483647))
       request_id AS RequestId, fund_id AS FundId, project_id AS ProjectId, window_id AS WindowId, partner_id AS PartnerId,
       requested_by AS RequestedBy, amount AS Amount, currency AS Currency, purpose AS Purpose, tranche AS Tranche, needed_by AS NeededBy,
       status AS Status, approvals_needed AS ApprovalsNeeded, available AS Available, refusal_reason AS RefusalReason,
       reservation_expires_at AS ReservationExpiresAt, payment_value_date AS PaymentValueDate, payment_reference AS PaymentReference,
       paid_by AS PaidBy, attribution AS Attribution, version AS Version, created_at AS CreatedAt, updated_at AS UpdatedAt,
       COALESCE((SELECT '[' + STRING_AGG('"' + STRING_ESCAPE(a.approver, 'json') + '"', ',') WITHIN GROUP (ORDER BY a.approved_at) + ']'
                 FROM approvals a WHERE a.request_id = r.request_id), '[]') AS ApproversJson
FROM requests r
WHERE (@RequestId IS NULL OR request_id = @RequestId)
  AND (@RequestedBy IS NULL OR requested_by = @RequestedBy)
  AND (@PartnerId IS NULL OR partner_id = @PartnerId)
  AND (@FundIds IS NULL OR fund_id IN (SELECT CAST([value] AS nvarchar(200)) FROM OPENJSON(@FundIds)))
  AND (@Status IS NULL OR status = @Status)
  AND (@StuckBefore IS NULL OR status = 'payment-failed' OR (status = 'paying' AND updated_at <= @StuckBefore))
  AND (@AfterId IS NULL OR EXISTS (SELECT 1 FROM requests a WHERE a.request_id = @AfterId
                                     AND (r.created_at > a.created_at OR (r.created_at = a.created_at AND r.request_id > a.request_id))))
ORDER BY created_at, request_id;
