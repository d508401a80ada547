-- T-SQL: INSERT ... WHERE NOT EXISTS under UPDLOCK, HOLDLOCK in place of ON CONFLICT (interest_id) DO NOTHING.
INSERT INTO interest_postings (interest_id, fund_id, period_start, period_end, amount, currency, method, recorded_by, recorded_at, trace_id)
SELECT @InterestId, @FundId, @PeriodStart, @PeriodEnd, @Amount, @Currency, @Method, @RecordedBy, @Now, @TraceId
WHERE NOT EXISTS (SELECT 1 FROM interest_postings WITH (UPDLOCK, HOLDLOCK) WHERE interest_id = @InterestId);
