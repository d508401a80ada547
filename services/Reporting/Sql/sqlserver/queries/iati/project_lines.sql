-- The lines of a fund's entries that concern a project, posted in a date range, on the accounts the IATI export reads.
-- T-SQL: @Accounts is a JSON array (Database.List) read with OPENJSON in place of ANY.
SELECT e.entry_id AS EntryId, e.source_type AS SourceType, e.source_id AS SourceId, e.value_date AS ValueDate, e.posting_date AS PostingDate,
       e.posted_at AS PostedAt, e.description AS Description, e.project_id AS ProjectId, e.partner_id AS PartnerId, e.base_currency AS BaseCurrency,
       l.account AS Account, l.donor_id AS DonorId, l.currency AS Currency, l.debit AS Debit, l.credit AS Credit, l.earmark_kind AS EarmarkKind
FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.entry_id
WHERE e.fund_id = @FundId AND e.project_id IS NOT NULL AND e.posting_date BETWEEN @From AND @To
  AND l.account IN (SELECT CAST([value] AS nvarchar(200)) FROM OPENJSON(@Accounts))
ORDER BY e.posting_date, e.entry_id, l.line_no;
