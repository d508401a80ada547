-- T-SQL: LineNo is a reserved word, hence [LineNo].
SELECT line_no AS [LineNo], account AS Account, donor_id AS DonorId, currency AS Currency, debit AS Debit, credit AS Credit,
       base_debit AS BaseDebit, base_credit AS BaseCredit, earmark_kind AS EarmarkKind
FROM journal_lines WHERE entry_id = @EntryId ORDER BY line_no;
