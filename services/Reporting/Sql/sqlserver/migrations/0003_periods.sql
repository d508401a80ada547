-- T-SQL: text is nvarchar (200 for identifiers, max for prose), timestamptz datetimeoffset, uuid uniqueidentifier,
-- boolean bit, numeric decimal with the same precision and scale, identity columns IDENTITY(1, 1);
-- a column added is used by the next batch (GO): T-SQL compiles a batch before it runs it;
-- ALTER COLUMN restates the type.
-- Closed periods: nothing is ever posted into them again. An entry whose value date falls in a closed period is
-- posted on the first open day after it, marked as an adjustment; its value date stays what the event said.
CREATE TABLE closed_periods (
    period_start  date        NOT NULL,
    period_end    date        NOT NULL,
    kind          nvarchar(200)        NOT NULL CHECK (kind IN ('month', 'year')),
    closed_by     nvarchar(200)        NOT NULL,
    closed_at     datetimeoffset NOT NULL,
    trace_id      nvarchar(200)        NULL,
    PRIMARY KEY (period_start, period_end),
    CHECK (period_end >= period_start)
);

ALTER TABLE journal_entries ADD posting_date date NULL;
ALTER TABLE journal_entries ADD adjustment bit NOT NULL DEFAULT 0;
GO
UPDATE journal_entries SET posting_date = value_date WHERE posting_date IS NULL;
ALTER TABLE journal_entries ALTER COLUMN posting_date date NOT NULL;
CREATE INDEX journal_entries_fund_posting ON journal_entries (fund_id, posting_date);
