SELECT fund_id AS FundId, currency AS Currency, contributions AS Contributions, first_seen_at AS FirstSeenAt, last_seen_at AS LastSeenAt
FROM known_funds ORDER BY fund_id, currency;
