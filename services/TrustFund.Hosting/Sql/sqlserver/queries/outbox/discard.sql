-- Only a parked message can be discarded; the later messages of its partition then go out.
UPDATE outbox_messages SET discarded_at = @DiscardedAt
WHERE message_id = @MessageId AND parked_at IS NOT NULL AND sent_at IS NULL AND discarded_at IS NULL;
