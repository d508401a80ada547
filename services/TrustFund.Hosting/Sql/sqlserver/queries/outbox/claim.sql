-- The oldest unsent message of each partition, locked so that relays in other replicas skip it.
-- A message whose partition has an older unsent one waits for it: events of one aggregate go out in order. A parked
-- message is not claimed, yet it still holds back the later messages of its partition until it is replayed or discarded.
-- T-SQL: TOP in place of LIMIT, and READPAST, UPDLOCK, ROWLOCK on the claimed rows in place of FOR UPDATE SKIP LOCKED.
-- The NOT EXISTS reads without skipping; with READ_COMMITTED_SNAPSHOT on (recommended) it does not wait for writers.
SELECT TOP (@BatchSize)
       o.[sequence] AS Sequence, o.message_id AS MessageId, o.message_type AS MessageType,
       o.body AS Body, o.trace_parent AS TraceParent
FROM outbox_messages o WITH (READPAST, UPDLOCK, ROWLOCK)
WHERE o.sent_at IS NULL AND o.parked_at IS NULL AND o.discarded_at IS NULL
  AND NOT EXISTS (SELECT 1 FROM outbox_messages p
                  WHERE p.partition_key = o.partition_key AND p.sent_at IS NULL AND p.discarded_at IS NULL
                    AND p.[sequence] < o.[sequence])
ORDER BY o.[sequence];
