-- One reservation past its expiry and the grace a payment accepted just before it has to arrive, on the database
-- server's clock; replicas skip each other's.
-- @GraceSeconds: the grace in whole seconds (rounded up), a number both dialects can subtract from a timestamp.
-- T-SQL: TOP (1) with READPAST, UPDLOCK, ROWLOCK in place of LIMIT 1 FOR UPDATE SKIP LOCKED; SYSDATETIMEOFFSET() is
-- the database server's clock, as now() is.
SELECT TOP (1) request_id FROM reservations WITH (READPAST, UPDLOCK, ROWLOCK)
WHERE status = 'reserved' AND expires_at <= DATEADD(second, -@GraceSeconds, SYSDATETIMEOFFSET())
ORDER BY expires_at;
