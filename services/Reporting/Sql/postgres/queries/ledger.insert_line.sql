INSERT INTO journal_lines (entry_id, line_no, account, donor_id, currency, debit, credit)
SELECT @EntryId, t.line_no, t.account, t.donor_id, t.currency, t.debit, t.credit
FROM unnest(@LineNos::integer[], @Accounts::text[], @DonorIds::text[], @Currencies::text[], @Debits::numeric[], @Credits::numeric[])
    AS t(line_no, account, donor_id, currency, debit, credit);
