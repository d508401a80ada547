INSERT INTO windows (fund_id, window_id, name, status, version, created_at, created_by, updated_at, updated_by)
VALUES (@FundId, @WindowId, @Name, 'open', 1, @Now, @Actor, @Now, @Actor)
ON CONFLICT (fund_id, window_id) DO NOTHING;
