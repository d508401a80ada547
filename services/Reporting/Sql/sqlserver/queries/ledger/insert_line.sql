-- T-SQL: the lines are JSON arrays (Database.List) of one length, paired by position with OPENJSON's key in place of
-- unnest.
INSERT INTO journal_lines (entry_id, line_no, account, donor_id, currency, debit, credit, base_debit, base_credit, earmark_kind)
SELECT @EntryId, CAST(n.[value] AS int), CAST(a.[value] AS nvarchar(200)), CAST(d.[value] AS nvarchar(200)), CAST(c.[value] AS char(3)),
       CAST(dr.[value] AS decimal(19,4)), CAST(cr.[value] AS decimal(19,4)), CAST(bd.[value] AS decimal(19,4)), CAST(bc.[value] AS decimal(19,4)),
       CAST(k.[value] AS nvarchar(200))
FROM OPENJSON(@LineNos) n
JOIN OPENJSON(@Accounts) a ON a.[key] = n.[key]
JOIN OPENJSON(@DonorIds) d ON d.[key] = n.[key]
JOIN OPENJSON(@Currencies) c ON c.[key] = n.[key]
JOIN OPENJSON(@Debits) dr ON dr.[key] = n.[key]
JOIN OPENJSON(@Credits) cr ON cr.[key] = n.[key]
JOIN OPENJSON(@BaseDebits) bd ON bd.[key] = n.[key]
JOIN OPENJSON(@BaseCredits) bc ON bc.[key] = n.[key]
JOIN OPENJSON(@EarmarkKinds) k ON k.[key] = n.[key];
