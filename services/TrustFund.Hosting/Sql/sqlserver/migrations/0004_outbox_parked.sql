-- A message the relay can never publish (its type is unknown to this build, its body unreadable) is parked: kept
-- with the reason and the time, never retried by itself, and later messages of its partition wait behind it until
-- an operator replays it (after a fix) or discards it (audited). A discarded message is done, like a sent one.
ALTER TABLE outbox_messages ADD
    parked_at     datetimeoffset NULL,
    parked_reason nvarchar(max)  NULL,
    discarded_at  datetimeoffset NULL;
GO
-- T-SQL: a filtered index cannot name columns added in the same batch, hence the GO above.
CREATE INDEX outbox_messages_parked ON outbox_messages ([sequence]) WHERE parked_at IS NOT NULL AND sent_at IS NULL AND discarded_at IS NULL;
