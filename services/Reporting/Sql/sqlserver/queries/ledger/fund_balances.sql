SELECT l.account AS Account, l.currency AS Currency, SUM(l.debit) AS Debit, SUM(l.credit) AS Credit
FROM journal_lines l JOIN journal_entries e ON e.entry_id = l.entry_id
WHERE e.fund_id = @FundId
GROUP BY l.account, l.currency
ORDER BY l.account, l.currency;
