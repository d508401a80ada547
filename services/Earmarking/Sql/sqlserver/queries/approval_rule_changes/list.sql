-- T-SQL: TOP in place of LIMIT; the row comparison is spelt out.
SELECT TOP (@Limit) change_id AS ChangeId, fund_id AS FundId, two_approver_threshold AS TwoApproverThreshold, previous_threshold AS PreviousThreshold,
       reason AS Reason, status AS Status, proposed_by AS ProposedBy, proposed_at AS ProposedAt, decided_by AS DecidedBy,
       decided_at AS DecidedAt, decision_reason AS DecisionReason
FROM approval_rule_changes c
WHERE fund_id = @FundId
  AND (@AfterId IS NULL OR EXISTS (SELECT 1 FROM approval_rule_changes a WHERE a.change_id = @AfterId
        AND (c.proposed_at > a.proposed_at OR (c.proposed_at = a.proposed_at AND c.change_id > a.change_id))))
ORDER BY proposed_at, change_id;
