INSERT INTO projects (fund_id, project_id, window_id, name, project_lead, partner_id, status, allocation, version,
                      created_at, created_by, updated_at, updated_by)
VALUES (@FundId, @ProjectId, @WindowId, @Name, @ProjectLead, @PartnerId, 'open', @Allocation, 1, @Now, @Actor, @Now, @Actor)
ON CONFLICT (fund_id, project_id) DO NOTHING;
