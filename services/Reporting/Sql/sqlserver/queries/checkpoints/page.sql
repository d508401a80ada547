-- Newest first, a page at a time: the page after @After (the last checkpoint id of the page before).
-- T-SQL: TOP in place of LIMIT.
SELECT TOP (@Limit) checkpoint_id AS CheckpointId, position AS Position, entry_id AS EntryId, head_hash AS HeadHash, taken_at AS TakenAt,
       taken_by AS TakenBy, key_id AS KeyId, signature AS Signature
FROM ledger_checkpoints
WHERE @After IS NULL OR checkpoint_id < @After
ORDER BY checkpoint_id DESC;
