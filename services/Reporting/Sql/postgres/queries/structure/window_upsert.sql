INSERT INTO known_windows (fund_id, window_id, name, status, version, changed_at)
VALUES (@FundId, @WindowId, @Name, @Status, @Version, @ChangedAt)
ON CONFLICT (fund_id, window_id) DO UPDATE
SET name = EXCLUDED.name, status = EXCLUDED.status, version = EXCLUDED.version, changed_at = EXCLUDED.changed_at
WHERE known_windows.version < EXCLUDED.version;
