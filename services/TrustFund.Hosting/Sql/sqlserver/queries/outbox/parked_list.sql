-- Parked messages, oldest first, each with how many later messages of its partition wait behind it.
SELECT o.[sequence] AS Sequence, o.message_id AS MessageId, o.message_type AS MessageType, o.partition_key AS PartitionKey,
       o.body AS Body, o.created_at AS CreatedAt, o.parked_at AS ParkedAt, o.parked_reason AS ParkedReason,
       (SELECT count(*) FROM outbox_messages p
        WHERE p.partition_key = o.partition_key AND p.sent_at IS NULL AND p.discarded_at IS NULL AND p.[sequence] > o.[sequence]) AS HeldBehind
FROM outbox_messages o
WHERE o.parked_at IS NOT NULL AND o.sent_at IS NULL AND o.discarded_at IS NULL
  AND (@MessageId IS NULL OR o.message_id = @MessageId)
ORDER BY o.[sequence];
