SELECT count(*) FROM interest_postings
WHERE fund_id = @FundId AND period_start <= @PeriodEnd AND period_end >= @PeriodStart;
