-- A fund's balances per account at a date (posting date), valued in the base currency.
SELECT l.account AS Account, e.base_currency AS Currency, sum(l.base_debit) AS Debit, sum(l.base_credit) AS Credit
FROM journal_lines l JOIN journal_entries e ON e.entry_id = l.entry_id
WHERE e.fund_id = @FundId AND e.posting_date <= @AsOf
GROUP BY l.account, e.base_currency
ORDER BY e.base_currency, l.account;
