UPDATE funds
SET two_approver_threshold = @TwoApproverThreshold, version = version + 1, updated_at = @Now, updated_by = @Actor
WHERE fund_id = @FundId;
