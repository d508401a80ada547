-- T-SQL: TOP (1) in place of LIMIT 1.
SELECT TOP (1) position AS Position, entry_id AS EntryId, previous_hash AS PreviousHash, entry_hash AS EntryHash FROM ledger_chain ORDER BY position DESC;
