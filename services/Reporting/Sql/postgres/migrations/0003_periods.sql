-- Closed periods: nothing is ever posted into them again. An entry whose value date falls in a closed period is
-- posted on the first open day after it, marked as an adjustment; its value date stays what the event said.
CREATE TABLE closed_periods (
    period_start  date        NOT NULL,
    period_end    date        NOT NULL,
    kind          text        NOT NULL CHECK (kind IN ('month', 'year')),
    closed_by     text        NOT NULL,
    closed_at     timestamptz NOT NULL,
    trace_id      text        NULL,
    PRIMARY KEY (period_start, period_end),
    CHECK (period_end >= period_start)
);

ALTER TABLE journal_entries ADD COLUMN posting_date date NULL;
ALTER TABLE journal_entries ADD COLUMN adjustment boolean NOT NULL DEFAULT false;
UPDATE journal_entries SET posting_date = value_date WHERE posting_date IS NULL;
ALTER TABLE journal_entries ALTER COLUMN posting_date SET NOT NULL;
CREATE INDEX journal_entries_fund_posting ON journal_entries (fund_id, posting_date);
