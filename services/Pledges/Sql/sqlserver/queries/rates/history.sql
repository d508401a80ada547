-- The rates of a pair, newest first (on one date only when @RateDate is given); a page when @Limit is given: the one
-- after @AfterRateId (the last rate id of the page before).
-- T-SQL: the row comparison is spelt out; TOP in place of LIMIT (a null @Limit means every row).
SELECT TOP (COALESCE(@Limit, 2147483647))
       rate_id AS RateId, from_currency AS FromCurrency, to_currency AS ToCurrency, rate_date AS RateDate, rate AS Rate,
       correction_reason AS CorrectionReason, recorded_by AS RecordedBy, recorded_at AS RecordedAt
FROM exchange_rates r
WHERE from_currency = @FromCurrency AND to_currency = @ToCurrency
  AND (@RateDate IS NULL OR rate_date = @RateDate)
  AND (@AfterRateId IS NULL OR EXISTS (SELECT 1 FROM exchange_rates a WHERE a.rate_id = @AfterRateId
        AND (r.rate_date < a.rate_date OR (r.rate_date = a.rate_date AND r.rate_id < a.rate_id))))
ORDER BY rate_date DESC, rate_id DESC;
