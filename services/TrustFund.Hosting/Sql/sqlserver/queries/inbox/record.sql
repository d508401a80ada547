-- Waits for a concurrent transaction holding the same message, then reports 0 rows if it committed.
-- T-SQL: INSERT ... WHERE NOT EXISTS with UPDLOCK, HOLDLOCK in place of ON CONFLICT DO NOTHING (see idempotency/claim).
INSERT INTO inbox_messages (message_id, consumer, received_at)
SELECT @MessageId, @Consumer, @ReceivedAt
WHERE NOT EXISTS (SELECT 1 FROM inbox_messages WITH (UPDLOCK, HOLDLOCK)
                  WHERE message_id = @MessageId AND consumer = @Consumer);
