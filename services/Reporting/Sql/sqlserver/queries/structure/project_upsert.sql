-- T-SQL: an UPDATE of an older version, then an INSERT ... WHERE NOT EXISTS, both under UPDLOCK, HOLDLOCK, in place
-- of ON CONFLICT DO UPDATE ... WHERE (not MERGE): the highest version wins, duplicates change nothing.
SET NOCOUNT ON;
UPDATE known_projects WITH (UPDLOCK, HOLDLOCK)
SET window_id = @WindowId, name = @Name, project_lead = @ProjectLead, partner_id = @PartnerId, status = @Status, version = @Version, changed_at = @ChangedAt
WHERE fund_id = @FundId AND project_id = @ProjectId AND version < @Version;
SET NOCOUNT OFF;
INSERT INTO known_projects (fund_id, project_id, window_id, name, project_lead, partner_id, status, version, changed_at)
SELECT @FundId, @ProjectId, @WindowId, @Name, @ProjectLead, @PartnerId, @Status, @Version, @ChangedAt
WHERE NOT EXISTS (SELECT 1 FROM known_projects WITH (UPDLOCK, HOLDLOCK) WHERE fund_id = @FundId AND project_id = @ProjectId);
