-- T-SQL: INSERT ... WHERE NOT EXISTS under UPDLOCK, HOLDLOCK in place of ON CONFLICT DO NOTHING; the conflicts it
-- guards are the key (change_id) and the one pending proposal per fund (a filtered unique index).
INSERT INTO approval_rule_changes (change_id, fund_id, two_approver_threshold, previous_threshold, reason, status, proposed_by, proposed_at)
SELECT @ChangeId, @FundId, @TwoApproverThreshold, @PreviousThreshold, @Reason, 'proposed', @Actor, @Now
WHERE NOT EXISTS (SELECT 1 FROM approval_rule_changes WITH (UPDLOCK, HOLDLOCK)
                  WHERE change_id = @ChangeId OR (fund_id = @FundId AND status = 'proposed'));
