-- T-SQL: @Nos and @Amounts are JSON arrays (Database.List) of the same length, paired by position with OPENJSON's key
-- in place of unnest over two arrays.
INSERT INTO contribution_matches (contribution_id, pledge_id, instalment_no, amount)
SELECT @ContributionId, @PledgeId, CAST(n.[value] AS int), CAST(a.[value] AS decimal(19,4))
FROM OPENJSON(@Nos) n
JOIN OPENJSON(@Amounts) a ON a.[key] = n.[key];
