-- Npgsql takes the list as one array parameter (Dapper does not expand it for PostgreSQL).
UPDATE outbox_messages SET sent_at = @SentAt WHERE sequence = ANY(@Sequences);
