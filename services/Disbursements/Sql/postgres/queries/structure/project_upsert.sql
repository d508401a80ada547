INSERT INTO project_copies (fund_id, project_id, window_id, project_lead, partner_id, status, version, changed_at)
VALUES (@FundId, @ProjectId, @WindowId, @ProjectLead, @PartnerId, @Status, @Version, @ChangedAt)
ON CONFLICT (fund_id, project_id) DO UPDATE
SET window_id = EXCLUDED.window_id, project_lead = EXCLUDED.project_lead, partner_id = EXCLUDED.partner_id, status = EXCLUDED.status,
    version = EXCLUDED.version, changed_at = EXCLUDED.changed_at
WHERE project_copies.version < EXCLUDED.version;
