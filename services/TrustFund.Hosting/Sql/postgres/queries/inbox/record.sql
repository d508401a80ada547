-- Waits for a concurrent transaction holding the same message, then reports 0 rows if it committed.
INSERT INTO inbox_messages (message_id, consumer, received_at)
VALUES (@MessageId, @Consumer, @ReceivedAt)
ON CONFLICT (message_id, consumer) DO NOTHING;
