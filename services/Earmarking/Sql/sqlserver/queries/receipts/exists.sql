-- T-SQL: COUNT_BIG, a bigint as PostgreSQL's count.
SELECT COUNT_BIG(*) FROM receipts WHERE contribution_id = @ContributionId;
