UPDATE outbox_messages SET parked_at = @ParkedAt, parked_reason = @Reason WHERE [sequence] = @Sequence AND sent_at IS NULL;
