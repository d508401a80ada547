-- T-SQL: INSERT ... WHERE NOT EXISTS under UPDLOCK, HOLDLOCK in place of ON CONFLICT DO NOTHING.
INSERT INTO windows (fund_id, window_id, name, status, version, created_at, created_by, updated_at, updated_by)
SELECT @FundId, @WindowId, @Name, 'open', 1, @Now, @Actor, @Now, @Actor
WHERE NOT EXISTS (SELECT 1 FROM windows WITH (UPDLOCK, HOLDLOCK) WHERE fund_id = @FundId AND window_id = @WindowId);
