-- The value date of each project's first entry in a fund's ledger, posted up to a date: when the project actually started.
SELECT project_id AS ProjectId, min(value_date) AS FirstDate
FROM journal_entries
WHERE fund_id = @FundId AND project_id IS NOT NULL AND posting_date <= @To
GROUP BY project_id;
