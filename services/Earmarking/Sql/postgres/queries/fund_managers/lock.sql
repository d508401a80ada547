-- Serialises changes to one fund's managers (and the checks that depend on them).
SELECT pg_advisory_xact_lock(hashtextextended('fund-managers:' || @FundId, 0));
