-- Each pledge's receivable at a date (posting date), in its currency and in the base currency.
SELECT e.pledge_id AS PledgeId, l.donor_id AS DonorId, l.currency AS Currency, e.base_currency AS BaseCurrency,
       sum(l.debit - l.credit) AS Outstanding, sum(l.base_debit - l.base_credit) AS BaseValue
FROM journal_lines l JOIN journal_entries e ON e.entry_id = l.entry_id
WHERE e.fund_id = @FundId AND e.posting_date <= @AsOf AND l.account = '1100-contributions-receivable' AND e.pledge_id IS NOT NULL
GROUP BY e.pledge_id, l.donor_id, l.currency, e.base_currency
HAVING sum(l.debit - l.credit) <> 0
ORDER BY l.donor_id, e.pledge_id;
