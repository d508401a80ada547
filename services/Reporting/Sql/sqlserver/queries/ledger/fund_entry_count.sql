-- T-SQL: COUNT_BIG, a bigint as PostgreSQL's count.
SELECT COUNT_BIG(*) FROM journal_entries WHERE fund_id = @FundId;
