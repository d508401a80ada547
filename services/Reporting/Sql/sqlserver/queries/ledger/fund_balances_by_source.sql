-- A fund's debits and credits per source type, account and currency (each line in its own currency), for
-- reconciliation: some figures count only the entries of one kind of source document.
SELECT e.source_type AS SourceType, l.account AS Account, l.currency AS Currency, SUM(l.debit) AS Debit, SUM(l.credit) AS Credit
FROM journal_lines l JOIN journal_entries e ON e.entry_id = l.entry_id
WHERE e.fund_id = @FundId
GROUP BY e.source_type, l.account, l.currency
ORDER BY e.source_type, l.account, l.currency;
