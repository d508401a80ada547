-- T-SQL: text is nvarchar (200 for identifiers, max for prose), timestamptz datetimeoffset, uuid uniqueidentifier,
-- boolean bit, numeric decimal with the same precision and scale, identity columns IDENTITY(1, 1).
-- The ledger's hash chain: one row per entry, in the order entries were chained, each hash taken over the previous
-- hash and the entry's canonical form. Rows are only ever inserted; an entry that is changed, removed or slipped in
-- afterwards breaks the chain at that point.
CREATE TABLE ledger_chain (
    position       bigint      PRIMARY KEY,
    entry_id       bigint      NOT NULL UNIQUE REFERENCES journal_entries (entry_id),
    previous_hash  char(64)    NOT NULL,
    entry_hash     char(64)    NOT NULL,
    chained_at     datetimeoffset NOT NULL
);
