-- Takes the project's row lock; read it afterwards with projects.get.
-- T-SQL: UPDLOCK, ROWLOCK, HOLDLOCK in place of FOR UPDATE; COUNT_BIG, a bigint as PostgreSQL's count.
SELECT COUNT_BIG(*) FROM projects WITH (UPDLOCK, ROWLOCK, HOLDLOCK) WHERE fund_id = @FundId AND project_id = @ProjectId;
