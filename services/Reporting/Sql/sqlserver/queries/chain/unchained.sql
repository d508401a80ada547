SELECT e.entry_id FROM journal_entries e LEFT JOIN ledger_chain c ON c.entry_id = e.entry_id
WHERE c.entry_id IS NULL ORDER BY e.entry_id;
