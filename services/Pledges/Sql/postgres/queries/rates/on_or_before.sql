-- The latest rate recorded for a pair on or before a date (a correction of that date counts over the first entry).
SELECT rate FROM exchange_rates
WHERE from_currency = @FromCurrency AND to_currency = @ToCurrency AND rate_date <= @RateDate
ORDER BY rate_date DESC, rate_id DESC
LIMIT 1;
