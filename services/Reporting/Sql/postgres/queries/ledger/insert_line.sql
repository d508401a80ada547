INSERT INTO journal_lines (entry_id, line_no, account, donor_id, currency, debit, credit, base_debit, base_credit, earmark_kind)
SELECT @EntryId, t.line_no, t.account, t.donor_id, t.currency, t.debit, t.credit, t.base_debit, t.base_credit, t.earmark_kind
FROM unnest(@LineNos::integer[], @Accounts::text[], @DonorIds::text[], @Currencies::text[], @Debits::numeric[], @Credits::numeric[],
            @BaseDebits::numeric[], @BaseCredits::numeric[], @EarmarkKinds::text[])
    AS t(line_no, account, donor_id, currency, debit, credit, base_debit, base_credit, earmark_kind);
