INSERT INTO known_funds (fund_id, name, base_currency, version, changed_at)
VALUES (@FundId, @Name, @BaseCurrency, @Version, @ChangedAt)
ON CONFLICT (fund_id) DO UPDATE
SET name = EXCLUDED.name, base_currency = EXCLUDED.base_currency, version = EXCLUDED.version, changed_at = EXCLUDED.changed_at
WHERE known_funds.version < EXCLUDED.version;
