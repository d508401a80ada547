-- The latest rate recorded for a pair on or before a date (a correction of that date counts over the first entry).
-- T-SQL: TOP in place of LIMIT.
SELECT TOP (1) rate FROM exchange_rates
WHERE from_currency = @FromCurrency AND to_currency = @ToCurrency AND rate_date <= @RateDate
ORDER BY rate_date DESC, rate_id DESC;
