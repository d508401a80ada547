-- A concurrent request with the same key waits here until the first commits (then finds its answer)
-- or rolls back (then runs itself).
-- T-SQL: INSERT ... WHERE NOT EXISTS with UPDLOCK, HOLDLOCK in place of ON CONFLICT DO NOTHING: the key-range lock
-- is held to the end of the transaction, so the second request waits on the first, then inserts nothing (0 rows)
-- if it committed, or the row if it rolled back. No unique violation (2627/2601) is raised or caught.
INSERT INTO idempotency_keys (caller, idempotency_key, request_hash, created_at, expires_at)
SELECT @Caller, @Key, @RequestHash, @CreatedAt, @ExpiresAt
WHERE NOT EXISTS (SELECT 1 FROM idempotency_keys WITH (UPDLOCK, HOLDLOCK)
                  WHERE caller = @Caller AND idempotency_key = @Key);
