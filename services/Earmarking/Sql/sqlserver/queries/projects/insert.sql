-- T-SQL: INSERT ... WHERE NOT EXISTS under UPDLOCK, HOLDLOCK in place of ON CONFLICT DO NOTHING.
INSERT INTO projects (fund_id, project_id, window_id, name, project_lead, partner_id, status, allocation, version,
                      created_at, created_by, updated_at, updated_by)
SELECT @FundId, @ProjectId, @WindowId, @Name, @ProjectLead, @PartnerId, 'open', @Allocation, 1, @Now, @Actor, @Now, @Actor
WHERE NOT EXISTS (SELECT 1 FROM projects WITH (UPDLOCK, HOLDLOCK) WHERE fund_id = @FundId AND project_id = @ProjectId);
