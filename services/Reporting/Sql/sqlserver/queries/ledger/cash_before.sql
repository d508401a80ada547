-- A fund's cash per currency from the entries posted before a date.
SELECT l.currency AS Currency, sum(l.debit) - sum(l.credit) AS Cash
FROM journal_lines l JOIN journal_entries e ON e.entry_id = l.entry_id
WHERE e.fund_id = @FundId AND e.posting_date < @Before AND l.account = '1000-cash'
GROUP BY l.currency ORDER BY l.currency;
