-- T-SQL: @Sequences is a JSON array of sequences (Database.List), read with OPENJSON.
UPDATE outbox_messages SET sent_at = @SentAt
WHERE [sequence] IN (SELECT CAST([value] AS bigint) FROM OPENJSON(@Sequences));
