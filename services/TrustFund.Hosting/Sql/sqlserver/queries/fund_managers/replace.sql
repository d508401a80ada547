-- A copy of a fund's whole set of managers, from an event: applied only when its version is newer than the one kept,
-- so duplicates and late arrivals change nothing.
-- T-SQL: @Managers is a JSON array of subjects (Database.List); the upsert is an UPDATE and an INSERT ... WHERE NOT
-- EXISTS under UPDLOCK, HOLDLOCK (not MERGE), so two copies of the same fund's event serialise on its row or key range.
SET NOCOUNT ON;
DECLARE @newer TABLE (fund_id nvarchar(64) NOT NULL);

UPDATE s SET version = @Version, changed_at = @ChangedAt, changed_by = @ChangedBy
OUTPUT inserted.fund_id INTO @newer (fund_id)
FROM fund_manager_sets s WITH (UPDLOCK, HOLDLOCK)
WHERE s.fund_id = @FundId AND s.version < @Version;

INSERT INTO fund_manager_sets (fund_id, version, changed_at, changed_by)
OUTPUT inserted.fund_id INTO @newer (fund_id)
SELECT @FundId, @Version, @ChangedAt, @ChangedBy
WHERE NOT EXISTS (SELECT 1 FROM fund_manager_sets WITH (UPDLOCK, HOLDLOCK) WHERE fund_id = @FundId);

DELETE m FROM fund_managers m
JOIN @newer n ON m.fund_id = n.fund_id
WHERE m.manager NOT IN (SELECT CAST([value] AS nvarchar(190)) FROM OPENJSON(@Managers));

SET NOCOUNT OFF;
INSERT INTO fund_managers (fund_id, manager, assigned_at, assigned_by)
SELECT n.fund_id, j.manager, @ChangedAt, @ChangedBy
FROM @newer n
CROSS JOIN (SELECT DISTINCT CAST([value] AS nvarchar(190)) AS manager FROM OPENJSON(@Managers)) j
WHERE NOT EXISTS (SELECT 1 FROM fund_managers m WHERE m.fund_id = n.fund_id AND m.manager = j.manager);
