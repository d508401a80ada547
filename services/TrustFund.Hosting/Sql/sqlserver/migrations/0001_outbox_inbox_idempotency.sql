-- Events waiting to be published, written in the same transaction as the state change that implies them.
-- T-SQL: text becomes nvarchar, bounded where a key or an index needs it (nvarchar(max) cannot be indexed);
-- timestamptz becomes datetimeoffset, uuid uniqueidentifier, partial indexes filtered indexes.
CREATE TABLE outbox_messages (
    [sequence]     bigint           IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    message_id     uniqueidentifier NOT NULL UNIQUE,
    message_type   nvarchar(400)    NOT NULL,
    partition_key  nvarchar(400)    NOT NULL,
    body           nvarchar(max)    NOT NULL,
    trace_parent   nvarchar(200)    NULL,
    created_at     datetimeoffset   NOT NULL,
    sent_at        datetimeoffset   NULL
);
CREATE INDEX outbox_messages_unsent ON outbox_messages ([sequence]) WHERE sent_at IS NULL;
CREATE INDEX outbox_messages_unsent_partition ON outbox_messages (partition_key, [sequence]) WHERE sent_at IS NULL;

-- Messages already handled, per consumer: a redelivery finds its row and changes nothing.
CREATE TABLE inbox_messages (
    message_id   uniqueidentifier NOT NULL,
    consumer     nvarchar(200)    NOT NULL,
    received_at  datetimeoffset   NOT NULL,
    PRIMARY KEY (message_id, consumer)
);

-- First answer to each idempotent request, replayed to retries with the same key (a key is at most 255 characters).
CREATE TABLE idempotency_keys (
    caller           nvarchar(190)  NOT NULL,
    idempotency_key  nvarchar(255)  NOT NULL,
    request_hash     nvarchar(128)  NOT NULL,
    status_code      int            NULL,
    content_type     nvarchar(200)  NULL,
    location         nvarchar(2000) NULL,
    body             nvarchar(max)  NULL,
    created_at       datetimeoffset NOT NULL,
    expires_at       datetimeoffset NOT NULL,
    PRIMARY KEY (caller, idempotency_key)
);
CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at);
