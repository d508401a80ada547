UPDATE approval_rule_changes
SET status = @Status, decided_by = @Actor, decided_at = @Now, decision_reason = @Reason
WHERE fund_id = @FundId AND change_id = @ChangeId AND status = 'proposed';
