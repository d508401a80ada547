SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL;
