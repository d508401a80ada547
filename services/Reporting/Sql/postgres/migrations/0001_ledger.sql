-- The general ledger: entries are only ever inserted; corrections are new entries.
CREATE TABLE journal_entries (
    entry_id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_type        text        NOT NULL,
    source_id          text        NOT NULL,
    source_message_id  uuid        NOT NULL,
    fund_id            text        NOT NULL,
    value_date         date        NOT NULL,
    description        text        NOT NULL,
    posted_at          timestamptz NOT NULL,
    trace_id           text        NULL,
    UNIQUE (source_type, source_id)
);

CREATE TABLE journal_lines (
    entry_id   bigint        NOT NULL REFERENCES journal_entries (entry_id),
    line_no    int           NOT NULL,
    account    text          NOT NULL,
    donor_id   text          NULL,
    currency   char(3)       NOT NULL,
    debit      numeric(19,4) NOT NULL CHECK (debit >= 0),
    credit     numeric(19,4) NOT NULL CHECK (credit >= 0),
    CHECK ((debit = 0) <> (credit = 0)),
    PRIMARY KEY (entry_id, line_no)
);
CREATE INDEX journal_lines_account ON journal_lines (account, currency);
