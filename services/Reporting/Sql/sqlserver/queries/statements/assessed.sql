-- The assessed pledges of a fund's year, per member and assessment, with what the ledger posted against each.
-- T-SQL: SUM(CASE WHEN ... END) in place of sum(...) FILTER (WHERE ...).
SELECT pb.donor_id AS MemberId, a.sequence AS Sequence, a.due_date AS DueDate, pb.currency AS Currency,
       COALESCE(SUM(CASE WHEN e.source_type IN ('pledge', 'pledge-amendment') THEN l.debit END), 0)
         - COALESCE(SUM(CASE WHEN e.source_type = 'pledge-amendment' THEN l.credit END), 0) AS Assessed,
       COALESCE(SUM(CASE WHEN e.source_type = 'contribution' THEN l.credit END), 0) AS Paid,
       COALESCE(SUM(CASE WHEN e.source_type IN ('pledge-cancellation', 'pledge-write-off') THEN l.credit END), 0) AS Settled,
       COALESCE(SUM(l.debit - l.credit), 0) AS Outstanding
FROM assessments a
JOIN pledge_book pb ON pb.assessment_id = a.assessment_id
LEFT JOIN journal_entries e ON e.pledge_id = pb.pledge_id AND e.posting_date <= @AsOf
LEFT JOIN journal_lines l ON l.entry_id = e.entry_id AND l.account = '1100-contributions-receivable'
WHERE a.fund_id = @FundId AND a.year = @Year
GROUP BY pb.donor_id, a.sequence, a.due_date, pb.currency
ORDER BY pb.donor_id, a.sequence;
