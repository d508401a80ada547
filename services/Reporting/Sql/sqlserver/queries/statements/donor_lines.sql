-- A donor's lines in a fund up to a date, summed per source type, account, currency, project, partner and earmark, split
-- into what was posted before the period and in it.
-- T-SQL: T-SQL has no boolean values: InPeriod is a bit computed by CASE (grouped by the same expression).
SELECT e.source_type AS SourceType, l.account AS Account, l.currency AS Currency, e.project_id AS ProjectId, e.partner_id AS PartnerId,
       l.earmark_kind AS EarmarkKind, CAST(CASE WHEN e.posting_date >= @From THEN 1 ELSE 0 END AS bit) AS InPeriod,
       SUM(l.debit) AS Debit, SUM(l.credit) AS Credit, SUM(l.base_debit) AS BaseDebit, SUM(l.base_credit) AS BaseCredit
FROM journal_lines l JOIN journal_entries e ON e.entry_id = l.entry_id
WHERE e.fund_id = @FundId AND l.donor_id = @DonorId AND e.posting_date <= @To
GROUP BY e.source_type, l.account, l.currency, e.project_id, e.partner_id, l.earmark_kind, CASE WHEN e.posting_date >= @From THEN 1 ELSE 0 END
ORDER BY l.account, l.currency, e.project_id, e.partner_id, e.source_type;
