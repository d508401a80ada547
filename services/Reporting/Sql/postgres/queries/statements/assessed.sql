-- The assessed pledges of a fund's year, per member and assessment, with what the ledger posted against each.
SELECT pb.donor_id AS MemberId, a.sequence AS Sequence, a.due_date AS DueDate, pb.currency AS Currency,
       coalesce(sum(l.debit) FILTER (WHERE e.source_type IN ('pledge', 'pledge-amendment')), 0)
         - coalesce(sum(l.credit) FILTER (WHERE e.source_type = 'pledge-amendment'), 0) AS Assessed,
       coalesce(sum(l.credit) FILTER (WHERE e.source_type = 'contribution'), 0) AS Paid,
       coalesce(sum(l.credit) FILTER (WHERE e.source_type IN ('pledge-cancellation', 'pledge-write-off')), 0) AS Settled,
       coalesce(sum(l.debit - l.credit), 0) AS Outstanding
FROM assessments a
JOIN pledge_book pb ON pb.assessment_id = a.assessment_id
LEFT JOIN journal_entries e ON e.pledge_id = pb.pledge_id AND e.posting_date <= @AsOf
LEFT JOIN journal_lines l ON l.entry_id = e.entry_id AND l.account = '1100-contributions-receivable'
WHERE a.fund_id = @FundId AND a.year = @Year
GROUP BY pb.donor_id, a.sequence, a.due_date, pb.currency
ORDER BY pb.donor_id, a.sequence;
