SELECT rate_id AS RateId, from_currency AS FromCurrency, to_currency AS ToCurrency, rate_date AS RateDate, rate AS Rate,
       correction_reason AS CorrectionReason, recorded_by AS RecordedBy, recorded_at AS RecordedAt
FROM exchange_rates
WHERE from_currency = @FromCurrency AND to_currency = @ToCurrency
  AND (@RateDate::date IS NULL OR rate_date = @RateDate)
ORDER BY rate_date DESC, rate_id DESC;
