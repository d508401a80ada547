-- T-SQL: an UPDATE of an older version, then an INSERT ... WHERE NOT EXISTS, both under UPDLOCK, HOLDLOCK, in place
-- of ON CONFLICT DO UPDATE ... WHERE (not MERGE): the highest version wins, duplicates change nothing.
SET NOCOUNT ON;
UPDATE known_windows WITH (UPDLOCK, HOLDLOCK)
SET name = @Name, status = @Status, version = @Version, changed_at = @ChangedAt
WHERE fund_id = @FundId AND window_id = @WindowId AND version < @Version;
SET NOCOUNT OFF;
INSERT INTO known_windows (fund_id, window_id, name, status, version, changed_at)
SELECT @FundId, @WindowId, @Name, @Status, @Version, @ChangedAt
WHERE NOT EXISTS (SELECT 1 FROM known_windows WITH (UPDLOCK, HOLDLOCK) WHERE fund_id = @FundId AND window_id = @WindowId);
