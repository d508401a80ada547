-- T-SQL: OUTPUT ... INTO a table variable in place of RETURNING (the table has a trigger, which forbids a bare OUTPUT).
SET NOCOUNT ON;
DECLARE @new TABLE (checkpoint_id bigint NOT NULL);
INSERT INTO ledger_checkpoints (position, entry_id, head_hash, taken_at, taken_by, key_id, signature, trace_id)
OUTPUT inserted.checkpoint_id INTO @new (checkpoint_id)
VALUES (@Position, @EntryId, @HeadHash, @TakenAt, @TakenBy, @KeyId, @Signature, @TraceId);
SELECT checkpoint_id FROM @new;
