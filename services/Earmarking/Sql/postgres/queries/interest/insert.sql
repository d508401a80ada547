INSERT INTO interest_postings (interest_id, fund_id, period_start, period_end, amount, currency, method, recorded_by, recorded_at, trace_id)
VALUES (@InterestId, @FundId, @PeriodStart, @PeriodEnd, @Amount, @Currency, @Method, @RecordedBy, @Now, @TraceId)
ON CONFLICT (interest_id) DO NOTHING;
