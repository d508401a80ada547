-- T-SQL: an UPDATE of an older version, then an INSERT ... WHERE NOT EXISTS, both under UPDLOCK, HOLDLOCK, in place
-- of ON CONFLICT DO UPDATE ... WHERE (not MERGE): the highest version wins, duplicates change nothing.
SET NOCOUNT ON;
UPDATE fund_copies WITH (UPDLOCK, HOLDLOCK)
SET base_currency = @BaseCurrency, two_approver_threshold = @TwoApproverThreshold, version = @Version, changed_at = @ChangedAt
WHERE fund_id = @FundId AND version < @Version;
SET NOCOUNT OFF;
INSERT INTO fund_copies (fund_id, base_currency, two_approver_threshold, version, changed_at)
SELECT @FundId, @BaseCurrency, @TwoApproverThreshold, @Version, @ChangedAt
WHERE NOT EXISTS (SELECT 1 FROM fund_copies WITH (UPDLOCK, HOLDLOCK) WHERE fund_id = @FundId);
