UPDATE funds
SET name = @Name, fee_rate = @FeeRate, two_approver_threshold = @TwoApproverThreshold, interest_to_core = @InterestToCore,
    version = version + 1, updated_at = @Now, updated_by = @Actor
WHERE fund_id = @FundId AND (@ExpectedVersion IS NULL OR version = @ExpectedVersion);
