INSERT INTO known_projects (fund_id, project_id, window_id, status, version, changed_at)
VALUES (@FundId, @ProjectId, @WindowId, @Status, @Version, @ChangedAt)
ON CONFLICT (fund_id, project_id) DO UPDATE
SET window_id = EXCLUDED.window_id, status = EXCLUDED.status, version = EXCLUDED.version, changed_at = EXCLUDED.changed_at
WHERE known_projects.version < EXCLUDED.version;
