SELECT line_no AS LineNo, account AS Account, donor_id AS DonorId, currency AS Currency, debit AS Debit, credit AS Credit
FROM journal_lines WHERE entry_id = @EntryId ORDER BY line_no;
