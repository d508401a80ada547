SELECT fund_id AS FundId, base_currency AS BaseCurrency, two_approver_threshold AS TwoApproverThreshold, version AS Version, changed_at AS ChangedAt
FROM fund_copies ORDER BY fund_id;
