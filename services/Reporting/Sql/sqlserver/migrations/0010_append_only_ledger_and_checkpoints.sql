-- T-SQL: text is nvarchar (200 for identifiers, max for prose), timestamptz datetimeoffset, uuid uniqueidentifier,
-- boolean bit, numeric decimal with the same precision and scale, identity columns IDENTITY(1, 1);
-- make_append_only is a procedure here (an INSTEAD OF UPDATE, DELETE trigger per table).
-- Signed checkpoints of the chain's head (position, entry, hash), taken periodically and on demand. No foreign key ties
-- them to the chain on purpose: a checkpoint outlives the links it names, so that their removal is found.
CREATE TABLE ledger_checkpoints (
    checkpoint_id  bigint      IDENTITY(1, 1) PRIMARY KEY,
    position       bigint      NOT NULL CHECK (position > 0),
    entry_id       bigint      NOT NULL,
    head_hash      char(64)    NOT NULL,
    taken_at       datetimeoffset NOT NULL,
    taken_by       nvarchar(200)        NOT NULL,
    key_id         char(16)    NOT NULL,
    signature      char(64)    NOT NULL,
    trace_id       nvarchar(200)        NULL
);

-- The ledger, its chain, its checkpoints, its exports and its closed periods only ever grow: corrections are new
-- entries. The database refuses an update, a delete or a truncate of them (make_append_only, shared migration 0003).
EXEC make_append_only @Table = N'journal_entries';
EXEC make_append_only @Table = N'journal_lines';
EXEC make_append_only @Table = N'ledger_chain';
EXEC make_append_only @Table = N'ledger_checkpoints';
EXEC make_append_only @Table = N'exports';
EXEC make_append_only @Table = N'closed_periods';
