-- The chain in order, from a position on, with each entry's content as stored (null when the entry is gone).
-- T-SQL: TOP in place of LIMIT.
SELECT TOP (@Limit) c.position AS Position, c.entry_id AS EntryId, c.previous_hash AS PreviousHash, c.entry_hash AS EntryHash
FROM ledger_chain c WHERE c.position > @After ORDER BY c.position;
