-- A fund's approval rule changes, oldest first, a page at a time: the page after @AfterId (the last change id of the page before).
SELECT change_id AS ChangeId, fund_id AS FundId, two_approver_threshold AS TwoApproverThreshold, previous_threshold AS PreviousThreshold,
       reason AS Reason, status AS Status, proposed_by AS ProposedBy, proposed_at AS ProposedAt, decided_by AS DecidedBy,
       decided_at AS DecidedAt, decision_reason AS DecisionReason
FROM approval_rule_changes
WHERE fund_id = @FundId
  AND (@AfterId::uuid IS NULL OR (proposed_at, change_id) > (SELECT proposed_at, change_id FROM approval_rule_changes WHERE change_id = @AfterId))
ORDER BY proposed_at, change_id
LIMIT @Limit;
