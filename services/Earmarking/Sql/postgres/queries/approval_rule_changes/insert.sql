INSERT INTO approval_rule_changes (change_id, fund_id, two_approver_threshold, previous_threshold, reason, status, proposed_by, proposed_at)
VALUES (@ChangeId, @FundId, @TwoApproverThreshold, @PreviousThreshold, @Reason, 'proposed', @Actor, @Now)
ON CONFLICT DO NOTHING;
