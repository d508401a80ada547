-- A concurrent request with the same key waits here until the first commits (then finds its answer)
-- or rolls back (then runs itself).
INSERT INTO idempotency_keys (caller, idempotency_key, request_hash, created_at, expires_at)
VALUES (@Caller, @Key, @RequestHash, @CreatedAt, @ExpiresAt)
ON CONFLICT (caller, idempotency_key) DO NOTHING;
