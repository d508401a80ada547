-- T-SQL: the manager is added when not there yet (NOT EXISTS under UPDLOCK, HOLDLOCK); only then is the fund's set
-- version bumped, or the set created at version 1 (UPDATE then INSERT ... WHERE NOT EXISTS, not MERGE).
SET NOCOUNT ON;
DECLARE @added TABLE (fund_id nvarchar(200) NOT NULL);
INSERT INTO fund_managers (fund_id, manager, assigned_at, assigned_by)
OUTPUT inserted.fund_id INTO @added (fund_id)
SELECT @FundId, @Manager, @Now, @Actor
WHERE NOT EXISTS (SELECT 1 FROM fund_managers WITH (UPDLOCK, HOLDLOCK) WHERE fund_id = @FundId AND manager = @Manager);

UPDATE s SET version = s.version + 1, changed_at = @Now, changed_by = @Actor
FROM fund_manager_sets s WITH (UPDLOCK, HOLDLOCK) JOIN @added a ON a.fund_id = s.fund_id;

SET NOCOUNT OFF;
INSERT INTO fund_manager_sets (fund_id, version, changed_at, changed_by)
SELECT a.fund_id, 1, @Now, @Actor FROM @added a
WHERE NOT EXISTS (SELECT 1 FROM fund_manager_sets s WITH (UPDLOCK, HOLDLOCK) WHERE s.fund_id = a.fund_id);
