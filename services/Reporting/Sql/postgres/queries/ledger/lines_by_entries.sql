SELECT entry_id AS EntryId, line_no AS LineNo, account AS Account, donor_id AS DonorId, currency AS Currency, debit AS Debit, credit AS Credit,
       base_debit AS BaseDebit, base_credit AS BaseCredit, earmark_kind AS EarmarkKind
FROM journal_lines WHERE entry_id = ANY(@EntryIds) ORDER BY entry_id, line_no;
