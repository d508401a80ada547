DELETE FROM outbox_messages
WHERE (sent_at IS NOT NULL AND sent_at < @Before) OR (discarded_at IS NOT NULL AND discarded_at < @Before);
