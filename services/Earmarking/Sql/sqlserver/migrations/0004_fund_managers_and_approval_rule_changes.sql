-- T-SQL: text is nvarchar (200 for identifiers, max for prose), timestamptz datetimeoffset, uuid uniqueidentifier,
-- boolean bit, numeric decimal with the same precision and scale, identity columns IDENTITY(1, 1); a CHECK that
-- compares two conditions is spelt out (T-SQL has no boolean values).
-- Funds defined before fund managers were assigned get the manager who defined them as their first manager.
-- (NOT EXISTS in place of ON CONFLICT DO NOTHING; the migration runs alone, under the migration lock.)
INSERT INTO fund_managers (fund_id, manager, assigned_at, assigned_by)
SELECT f.fund_id, f.created_by, f.created_at, f.created_by FROM funds f
WHERE NOT EXISTS (SELECT 1 FROM fund_managers m WHERE m.fund_id = f.fund_id AND m.manager = f.created_by);
INSERT INTO fund_manager_sets (fund_id, version, changed_at, changed_by)
SELECT f.fund_id, 1, f.created_at, f.created_by FROM funds f
WHERE NOT EXISTS (SELECT 1 FROM fund_manager_sets s WHERE s.fund_id = f.fund_id);

-- A fund's approval rule (the amount above which two different fund managers must approve a disbursement) changes
-- only when one manager proposes and another confirms. At most one proposal per fund is pending at a time.
CREATE TABLE approval_rule_changes (
    change_id               uniqueidentifier          PRIMARY KEY,
    fund_id                 nvarchar(200)          NOT NULL REFERENCES funds (fund_id),
    two_approver_threshold  decimal(19,4) NOT NULL CHECK (two_approver_threshold >= 0),
    previous_threshold      decimal(19,4) NOT NULL,
    reason                  nvarchar(max)          NOT NULL,
    status                  nvarchar(200)          NOT NULL CHECK (status IN ('proposed', 'confirmed', 'rejected')),
    proposed_by             nvarchar(200)          NOT NULL,
    proposed_at             datetimeoffset   NOT NULL,
    decided_by              nvarchar(200)          NULL,
    decided_at              datetimeoffset   NULL,
    decision_reason         nvarchar(max)          NULL,
    CHECK ((status = 'proposed' AND decided_by IS NULL) OR (status <> 'proposed' AND decided_by IS NOT NULL))
);
CREATE UNIQUE INDEX approval_rule_changes_one_pending ON approval_rule_changes (fund_id) WHERE status = 'proposed';
CREATE INDEX approval_rule_changes_by_fund ON approval_rule_changes (fund_id, proposed_at, change_id);
