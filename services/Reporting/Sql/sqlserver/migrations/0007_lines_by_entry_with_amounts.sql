-- T-SQL: text is nvarchar (200 for identifiers, max for prose), timestamptz datetimeoffset, uuid uniqueidentifier,
-- boolean bit, numeric decimal with the same precision and scale, identity columns IDENTITY(1, 1).
-- Statements pick a fund's entries by posting date (journal_entries_fund_posting), then need those entries' lines. With
-- only the primary key to reach them, PostgreSQL reads the whole of journal_lines for a month as for ten years (on a
-- ledger of 1,000,000 entries a month's trial balance read 2.6 million lines; docs/benchmarks.md). Carrying the
-- summed columns in the index lets a short period read only its own lines, without touching the table.
CREATE INDEX journal_lines_entry_amounts ON journal_lines (entry_id) INCLUDE (account, currency, debit, credit);
