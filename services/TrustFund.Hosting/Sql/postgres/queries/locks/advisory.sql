-- Serialises transactions that work on the same key (a contribution, a fund's interest) until they end.
SELECT pg_advisory_xact_lock(hashtextextended(@Key, 0));
