SELECT request_id AS RequestId, fund_id AS FundId, project_id AS ProjectId, window_id AS WindowId, partner_id AS PartnerId,
       amount AS Amount, currency AS Currency, status AS Status, reject_reason AS RejectReason, available AS Available, detail AS Detail,
       requested_by AS RequestedBy, requested_at AS RequestedAt, expires_at AS ExpiresAt, resolved_at AS ResolvedAt,
       resolved_by AS ResolvedBy, resolution_reason AS ResolutionReason, payment_value_date AS PaymentValueDate,
       payment_reference AS PaymentReference, refunded AS Refunded
FROM reservations WHERE request_id = @RequestId;
