-- The journal entries of a fund posted in a date range (posting date): the first and last entry id and how many.
-- T-SQL: COUNT_BIG, a bigint as PostgreSQL's count.
SELECT MIN(entry_id) AS FirstEntryId, MAX(entry_id) AS LastEntryId, COUNT_BIG(*) AS Entries
FROM journal_entries WHERE fund_id = @FundId AND posting_date BETWEEN @From AND @To;
