-- The rates of a pair, newest first (on one date only when @RateDate is given); a page when @Limit is given: the one
-- after @AfterRateId (the last rate id of the page before).
SELECT rate_id AS RateId, from_currency AS FromCurrency, to_currency AS ToCurrency, rate_date AS RateDate, rate AS Rate,
       correction_reason AS CorrectionReason, recorded_by AS RecordedBy, recorded_at AS RecordedAt
FROM exchange_rates
WHERE from_currency = @FromCurrency AND to_currency = @ToCurrency
  AND (@RateDate::date IS NULL OR rate_date = @RateDate)
  AND (@AfterRateId::bigint IS NULL OR (rate_date, rate_id) < (SELECT rate_date, rate_id FROM exchange_rates WHERE rate_id = @AfterRateId))
ORDER BY rate_date DESC, rate_id DESC
LIMIT @Limit::integer;
