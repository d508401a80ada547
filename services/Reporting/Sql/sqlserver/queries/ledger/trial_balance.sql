-- A fund's trial balance over the entries posted in a date range (posting date), per account and currency.
SELECT l.account AS Account, l.currency AS Currency, sum(l.debit) AS Debit, sum(l.credit) AS Credit
FROM journal_lines l JOIN journal_entries e ON e.entry_id = l.entry_id
WHERE e.fund_id = @FundId AND e.posting_date BETWEEN @From AND @To
GROUP BY l.account, l.currency
ORDER BY l.account, l.currency;
