UPDATE outbox_messages SET sent_at = @SentAt WHERE sequence IN @Sequences;
