SELECT checkpoint_id AS CheckpointId, position AS Position, entry_id AS EntryId, head_hash AS HeadHash, taken_at AS TakenAt, taken_by AS TakenBy,
       key_id AS KeyId, signature AS Signature
FROM ledger_checkpoints ORDER BY position, checkpoint_id;
