-- A donor's lines in a fund up to a date, summed per source type, account, currency, project, partner and earmark, split
-- into what was posted before the period and in it.
SELECT e.source_type AS SourceType, l.account AS Account, l.currency AS Currency, e.project_id AS ProjectId, e.partner_id AS PartnerId,
       l.earmark_kind AS EarmarkKind, (e.posting_date >= @From) AS InPeriod,
       sum(l.debit) AS Debit, sum(l.credit) AS Credit, sum(l.base_debit) AS BaseDebit, sum(l.base_credit) AS BaseCredit
FROM journal_lines l JOIN journal_entries e ON e.entry_id = l.entry_id
WHERE e.fund_id = @FundId AND l.donor_id = @DonorId AND e.posting_date <= @To
GROUP BY e.source_type, l.account, l.currency, e.project_id, e.partner_id, l.earmark_kind, (e.posting_date >= @From)
ORDER BY l.account, l.currency, e.project_id, e.partner_id, e.source_type;
