INSERT INTO ledger_chain (position, entry_id, previous_hash, entry_hash, chained_at)
VALUES (@Position, @EntryId, @PreviousHash, @EntryHash, @Now);
