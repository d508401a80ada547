INSERT INTO known_projects (fund_id, project_id, window_id, name, project_lead, partner_id, status, version, changed_at)
VALUES (@FundId, @ProjectId, @WindowId, @Name, @ProjectLead, @PartnerId, @Status, @Version, @ChangedAt)
ON CONFLICT (fund_id, project_id) DO UPDATE
SET window_id = EXCLUDED.window_id, name = EXCLUDED.name, project_lead = EXCLUDED.project_lead, partner_id = EXCLUDED.partner_id,
    status = EXCLUDED.status, version = EXCLUDED.version, changed_at = EXCLUDED.changed_at
WHERE known_projects.version < EXCLUDED.version;
