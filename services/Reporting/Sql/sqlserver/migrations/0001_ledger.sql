-- T-SQL: text is nvarchar (200 for identifiers, max for prose), timestamptz datetimeoffset, uuid uniqueidentifier,
-- boolean bit, numeric decimal with the same precision and scale, identity columns IDENTITY(1, 1);
-- a CHECK that compares two conditions is spelt out, and named as PostgreSQL names it
-- (migration 0005 drops it by that name).
-- The general ledger: entries are only ever inserted; corrections are new entries.
CREATE TABLE journal_entries (
    entry_id           bigint IDENTITY(1, 1) PRIMARY KEY,
    source_type        nvarchar(200)        NOT NULL,
    source_id          nvarchar(200)        NOT NULL,
    source_message_id  uniqueidentifier        NOT NULL,
    fund_id            nvarchar(200)        NOT NULL,
    value_date         date        NOT NULL,
    description        nvarchar(max)        NOT NULL,
    posted_at          datetimeoffset NOT NULL,
    trace_id           nvarchar(200)        NULL,
    UNIQUE (source_type, source_id)
);

CREATE TABLE journal_lines (
    entry_id   bigint        NOT NULL REFERENCES journal_entries (entry_id),
    line_no    int           NOT NULL,
    account    nvarchar(200)          NOT NULL,
    donor_id   nvarchar(200)          NULL,
    currency   char(3)       NOT NULL,
    debit      decimal(19,4) NOT NULL CHECK (debit >= 0),
    credit     decimal(19,4) NOT NULL CHECK (credit >= 0),
    CONSTRAINT journal_lines_check CHECK ((debit = 0 AND credit <> 0) OR (debit <> 0 AND credit = 0)),
    PRIMARY KEY (entry_id, line_no)
);
CREATE INDEX journal_lines_account ON journal_lines (account, currency);
