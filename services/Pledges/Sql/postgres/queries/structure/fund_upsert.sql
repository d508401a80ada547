INSERT INTO known_funds (fund_id, name, base_currency, financing_model, version, changed_at)
VALUES (@FundId, @Name, @BaseCurrency, @FinancingModel, @Version, @ChangedAt)
ON CONFLICT (fund_id) DO UPDATE
SET name = EXCLUDED.name, base_currency = EXCLUDED.base_currency, financing_model = EXCLUDED.financing_model,
    version = EXCLUDED.version, changed_at = EXCLUDED.changed_at
WHERE known_funds.version < EXCLUDED.version;
