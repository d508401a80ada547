INSERT INTO known_windows (fund_id, window_id, status, version, changed_at)
VALUES (@FundId, @WindowId, @Status, @Version, @ChangedAt)
ON CONFLICT (fund_id, window_id) DO UPDATE
SET status = EXCLUDED.status, version = EXCLUDED.version, changed_at = EXCLUDED.changed_at
WHERE known_windows.version < EXCLUDED.version;
