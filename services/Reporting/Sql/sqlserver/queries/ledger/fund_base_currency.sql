-- The fund's base currency as its entries have it; null when the ledger has no entry of the fund.
SELECT min(base_currency) FROM journal_entries WHERE fund_id = @FundId;
