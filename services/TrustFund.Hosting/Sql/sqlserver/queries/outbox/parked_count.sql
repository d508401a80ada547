SELECT count(*) FROM outbox_messages WHERE parked_at IS NOT NULL AND sent_at IS NULL AND discarded_at IS NULL;
