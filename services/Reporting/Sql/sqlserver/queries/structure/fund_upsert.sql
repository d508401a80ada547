-- T-SQL: an UPDATE of an older version, then an INSERT ... WHERE NOT EXISTS, both under UPDLOCK, HOLDLOCK, in place
-- of ON CONFLICT DO UPDATE ... WHERE (not MERGE): the highest version wins, duplicates change nothing.
SET NOCOUNT ON;
UPDATE known_funds WITH (UPDLOCK, HOLDLOCK)
SET name = @Name, base_currency = @BaseCurrency, version = @Version, changed_at = @ChangedAt
WHERE fund_id = @FundId AND version < @Version;
SET NOCOUNT OFF;
INSERT INTO known_funds (fund_id, name, base_currency, version, changed_at)
SELECT @FundId, @Name, @BaseCurrency, @Version, @ChangedAt
WHERE NOT EXISTS (SELECT 1 FROM known_funds WITH (UPDLOCK, HOLDLOCK) WHERE fund_id = @FundId);
