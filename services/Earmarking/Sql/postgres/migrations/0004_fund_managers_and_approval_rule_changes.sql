-- Funds defined before fund managers were assigned get the manager who defined them as their first manager.
INSERT INTO fund_managers (fund_id, manager, assigned_at, assigned_by)
SELECT fund_id, created_by, created_at, created_by FROM funds
ON CONFLICT (fund_id, manager) DO NOTHING;
INSERT INTO fund_manager_sets (fund_id, version, changed_at, changed_by)
SELECT fund_id, 1, created_at, created_by FROM funds
ON CONFLICT (fund_id) DO NOTHING;

-- A fund's approval rule (the amount above which two different fund managers must approve a disbursement) changes
-- only when one manager proposes and another confirms. At most one proposal per fund is pending at a time.
CREATE TABLE approval_rule_changes (
    change_id               uuid          PRIMARY KEY,
    fund_id                 text          NOT NULL REFERENCES funds (fund_id),
    two_approver_threshold  numeric(19,4) NOT NULL CHECK (two_approver_threshold >= 0),
    previous_threshold      numeric(19,4) NOT NULL,
    reason                  text          NOT NULL,
    status                  text          NOT NULL CHECK (status IN ('proposed', 'confirmed', 'rejected')),
    proposed_by             text          NOT NULL,
    proposed_at             timestamptz   NOT NULL,
    decided_by              text          NULL,
    decided_at              timestamptz   NULL,
    decision_reason         text          NULL,
    CHECK ((status = 'proposed') = (decided_by IS NULL))
);
CREATE UNIQUE INDEX approval_rule_changes_one_pending ON approval_rule_changes (fund_id) WHERE status = 'proposed';
CREATE INDEX approval_rule_changes_by_fund ON approval_rule_changes (fund_id, proposed_at, change_id);
