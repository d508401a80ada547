-- Events waiting to be published, written in the same transaction as the state change that implies them.
CREATE TABLE outbox_messages (
    sequence       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id     uuid        NOT NULL UNIQUE,
    message_type   text        NOT NULL,
    partition_key  text        NOT NULL,
    body           text        NOT NULL,
    trace_parent   text        NULL,
    created_at     timestamptz NOT NULL,
    sent_at        timestamptz NULL
);
CREATE INDEX outbox_messages_unsent ON outbox_messages (sequence) WHERE sent_at IS NULL;
CREATE INDEX outbox_messages_unsent_partition ON outbox_messages (partition_key, sequence) WHERE sent_at IS NULL;

-- Messages already handled, per consumer: a redelivery finds its row and changes nothing.
CREATE TABLE inbox_messages (
    message_id   uuid        NOT NULL,
    consumer     text        NOT NULL,
    received_at  timestamptz NOT NULL,
    PRIMARY KEY (message_id, consumer)
);

-- First answer to each idempotent request, replayed to retries with the same key.
CREATE TABLE idempotency_keys (
    caller           text        NOT NULL,
    idempotency_key  text        NOT NULL,
    request_hash     text        NOT NULL,
    status_code      int         NULL,
    content_type     text        NULL,
    location         text        NULL,
    body             text        NULL,
    created_at       timestamptz NOT NULL,
    expires_at       timestamptz NOT NULL,
    PRIMARY KEY (caller, idempotency_key)
);
CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at);
