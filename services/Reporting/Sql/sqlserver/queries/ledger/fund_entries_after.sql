-- T-SQL: TOP in place of LIMIT.
SELECT TOP (@Limit) entry_id AS EntryId, source_type AS SourceType, source_id AS SourceId, value_date AS ValueDate, posted_at AS PostedAt
FROM journal_entries
WHERE fund_id = @FundId AND entry_id > @AfterEntryId
ORDER BY entry_id;
