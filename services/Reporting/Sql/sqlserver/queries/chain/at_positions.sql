-- T-SQL: @Positions is a JSON array (Database.List) read with OPENJSON in place of ANY.
SELECT position AS Position, entry_id AS EntryId, previous_hash AS PreviousHash, entry_hash AS EntryHash FROM ledger_chain
WHERE position IN (SELECT CAST([value] AS bigint) FROM OPENJSON(@Positions));
