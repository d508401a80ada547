-- One reservation past its expiry and the grace a payment accepted just before it has to arrive, on the database
-- server's clock; replicas skip each other's.
SELECT request_id FROM reservations
WHERE status = 'reserved' AND expires_at <= now() - @Grace
ORDER BY expires_at
LIMIT 1
FOR UPDATE SKIP LOCKED;
