-- T-SQL: text is nvarchar (200 for identifiers, max for prose), timestamptz datetimeoffset, uuid uniqueidentifier,
-- boolean bit, numeric decimal with the same precision and scale, identity columns IDENTITY(1, 1);
-- DATALENGTH in place of octet_length.
-- Exported statements: the file as it was handed out and its manifest (what it covers, the SHA-256 of its bytes, the
-- ledger chain hash it was built from). Rows are only ever inserted, so an export can be fetched again and checked.
CREATE TABLE exports (
    export_id       uniqueidentifier        PRIMARY KEY,
    statement       nvarchar(max)        NOT NULL,
    format          nvarchar(200)        NOT NULL,
    fund_id         nvarchar(200)        NOT NULL,
    period_from     date        NOT NULL,
    period_to       date        NOT NULL,
    file_name       nvarchar(200)        NOT NULL,
    media_type      nvarchar(200)        NOT NULL,
    byte_length     bigint      NOT NULL,
    sha256          char(64)    NOT NULL,
    first_entry_id  bigint      NULL,
    last_entry_id   bigint      NULL,
    entries         bigint      NOT NULL,
    chain_position  bigint      NOT NULL,
    chain_hash      char(64)    NOT NULL,
    generated_at    datetimeoffset NOT NULL,
    generated_by    nvarchar(200)        NOT NULL,
    trace_id        nvarchar(200)        NULL,
    content         varbinary(max)       NOT NULL,
    CHECK (period_to >= period_from),
    CHECK (byte_length = DATALENGTH(content))
);
CREATE INDEX exports_fund ON exports (fund_id, generated_at);
