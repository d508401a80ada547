-- T-SQL: COUNT_BIG, a bigint as PostgreSQL's count.
SELECT COUNT_BIG(*) FROM interest_postings
WHERE fund_id = @FundId AND period_start <= @PeriodEnd AND period_end >= @PeriodStart;
