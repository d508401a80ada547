-- One reservation past its expiry on the database server's clock; replicas skip each other's.
SELECT request_id FROM reservations
WHERE status = 'reserved' AND expires_at <= now()
ORDER BY expires_at
LIMIT 1
FOR UPDATE SKIP LOCKED;
