-- A fund's trial balance over the entries posted in a date range, valued in its base currency.
SELECT l.account AS Account, e.base_currency AS Currency, sum(l.base_debit) AS Debit, sum(l.base_credit) AS Credit
FROM journal_lines l JOIN journal_entries e ON e.entry_id = l.entry_id
WHERE e.fund_id = @FundId AND e.posting_date BETWEEN @From AND @To
GROUP BY l.account, e.base_currency
ORDER BY e.base_currency, l.account;
