-- T-SQL: @EntryIds is a JSON array (Database.List) read with OPENJSON in place of ANY; LineNo is a reserved word.
SELECT entry_id AS EntryId, line_no AS [LineNo], account AS Account, donor_id AS DonorId, currency AS Currency, debit AS Debit, credit AS Credit,
       base_debit AS BaseDebit, base_credit AS BaseCredit, earmark_kind AS EarmarkKind
FROM journal_lines WHERE entry_id IN (SELECT CAST([value] AS bigint) FROM OPENJSON(@EntryIds)) ORDER BY entry_id, line_no;
