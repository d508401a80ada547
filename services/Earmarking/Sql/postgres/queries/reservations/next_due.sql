-- One reservation past its expiry and the grace a payment accepted just before it has to arrive, on the database
-- server's clock; replicas skip each other's.
-- @GraceSeconds: the grace in whole seconds (rounded up), a number both dialects can subtract from a timestamp.
SELECT request_id FROM reservations
WHERE status = 'reserved' AND expires_at <= now() - make_interval(secs => @GraceSeconds)
ORDER BY expires_at
LIMIT 1
FOR UPDATE SKIP LOCKED;
