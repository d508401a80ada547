-- Replay: the relay tries the message again (and parks it again if it still cannot be published).
UPDATE outbox_messages SET parked_at = NULL, parked_reason = NULL
WHERE message_id = @MessageId AND parked_at IS NOT NULL AND sent_at IS NULL AND discarded_at IS NULL;
