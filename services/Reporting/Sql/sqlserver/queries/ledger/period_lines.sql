-- A fund's lines posted in a date range, summed per source type, account, donor, project, partner and currency.
SELECT e.source_type AS SourceType, l.account AS Account, l.donor_id AS DonorId, e.project_id AS ProjectId, e.partner_id AS PartnerId, l.currency AS Currency,
       sum(l.debit) AS Debit, sum(l.credit) AS Credit
FROM journal_lines l JOIN journal_entries e ON e.entry_id = l.entry_id
WHERE e.fund_id = @FundId AND e.posting_date BETWEEN @From AND @To
GROUP BY e.source_type, l.account, l.donor_id, e.project_id, e.partner_id, l.currency
ORDER BY l.account, l.currency, l.donor_id, e.project_id, e.partner_id, e.source_type;
