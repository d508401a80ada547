INSERT INTO fund_copies (fund_id, base_currency, two_approver_threshold, version, changed_at)
VALUES (@FundId, @BaseCurrency, @TwoApproverThreshold, @Version, @ChangedAt)
ON CONFLICT (fund_id) DO UPDATE
SET base_currency = EXCLUDED.base_currency, two_approver_threshold = EXCLUDED.two_approver_threshold, version = EXCLUDED.version,
    changed_at = EXCLUDED.changed_at
WHERE fund_copies.version < EXCLUDED.version;
