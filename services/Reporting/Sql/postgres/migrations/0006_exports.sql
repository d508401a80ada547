-- Exported statements: the file as it was handed out and its manifest (what it covers, the SHA-256 of its bytes, the
-- ledger chain hash it was built from). Rows are only ever inserted, so an export can be fetched again and checked.
CREATE TABLE exports (
    export_id       uuid        PRIMARY KEY,
    statement       text        NOT NULL,
    format          text        NOT NULL,
    fund_id         text        NOT NULL,
    period_from     date        NOT NULL,
    period_to       date        NOT NULL,
    file_name       text        NOT NULL,
    media_type      text        NOT NULL,
    byte_length     bigint      NOT NULL,
    sha256          char(64)    NOT NULL,
    first_entry_id  bigint      NULL,
    last_entry_id   bigint      NULL,
    entries         bigint      NOT NULL,
    chain_position  bigint      NOT NULL,
    chain_hash      char(64)    NOT NULL,
    generated_at    timestamptz NOT NULL,
    generated_by    text        NOT NULL,
    trace_id        text        NULL,
    content         bytea       NOT NULL,
    CHECK (period_to >= period_from),
    CHECK (byte_length = octet_length(content))
);
CREATE INDEX exports_fund ON exports (fund_id, generated_at);
