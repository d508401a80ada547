SELECT position AS Position, entry_id AS EntryId, previous_hash AS PreviousHash, entry_hash AS EntryHash FROM ledger_chain WHERE position = @Position;
