-- The journal entries of a fund posted in a date range (posting date): the first and last entry id and how many.
SELECT min(entry_id) AS FirstEntryId, max(entry_id) AS LastEntryId, count(*) AS Entries
FROM journal_entries WHERE fund_id = @FundId AND posting_date BETWEEN @From AND @To;
