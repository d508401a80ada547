-- T-SQL: OUTPUT in place of RETURNING.
INSERT INTO exchange_rates (from_currency, to_currency, rate_date, rate, correction_reason, recorded_by, recorded_at, trace_id)
OUTPUT inserted.rate_id
VALUES (@FromCurrency, @ToCurrency, @RateDate, @Rate, @CorrectionReason, @RecordedBy, @Now, @TraceId);
