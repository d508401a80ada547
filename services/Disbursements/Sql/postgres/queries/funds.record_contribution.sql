INSERT INTO known_funds (fund_id, currency, contributions, first_seen_at, last_seen_at)
VALUES (@FundId, @Currency, 1, @Now, @Now)
ON CONFLICT (fund_id, currency)
DO UPDATE SET contributions = known_funds.contributions + 1, last_seen_at = EXCLUDED.last_seen_at;
