-- Signed checkpoints of the chain's head (position, entry, hash), taken periodically and on demand. No foreign key ties
-- them to the chain on purpose: a checkpoint outlives the links it names, so that their removal is found.
CREATE TABLE ledger_checkpoints (
    checkpoint_id  bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    position       bigint      NOT NULL CHECK (position > 0),
    entry_id       bigint      NOT NULL,
    head_hash      char(64)    NOT NULL,
    taken_at       timestamptz NOT NULL,
    taken_by       text        NOT NULL,
    key_id         char(16)    NOT NULL,
    signature      char(64)    NOT NULL,
    trace_id       text        NULL
);

-- The ledger, its chain, its checkpoints, its exports and its closed periods only ever grow: corrections are new
-- entries. The database refuses an update, a delete or a truncate of them (make_append_only, shared migration 0003).
SELECT make_append_only('journal_entries');
SELECT make_append_only('journal_lines');
SELECT make_append_only('ledger_chain');
SELECT make_append_only('ledger_checkpoints');
SELECT make_append_only('exports');
SELECT make_append_only('closed_periods');
