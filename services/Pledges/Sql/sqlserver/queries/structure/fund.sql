SELECT fund_id AS FundId, name AS Name, base_currency AS BaseCurrency, financing_model AS FinancingModel, version AS Version
FROM known_funds WHERE fund_id = @FundId;
