INSERT INTO journal_lines (entry_id, line_no, account, donor_id, currency, debit, credit)
VALUES (@EntryId, @LineNo, @Account, @DonorId, @Currency, @Debit, @Credit);
