INSERT INTO ledger_checkpoints (position, entry_id, head_hash, taken_at, taken_by, key_id, signature, trace_id)
VALUES (@Position, @EntryId, @HeadHash, @TakenAt, @TakenBy, @KeyId, @Signature, @TraceId)
RETURNING checkpoint_id;
