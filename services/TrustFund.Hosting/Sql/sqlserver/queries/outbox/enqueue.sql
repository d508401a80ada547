INSERT INTO outbox_messages (message_id, message_type, partition_key, body, trace_parent, created_at)
VALUES (@MessageId, @MessageType, @PartitionKey, @Body, @TraceParent, @CreatedAt);
