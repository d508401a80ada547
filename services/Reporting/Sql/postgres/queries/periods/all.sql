-- The closed periods in date order, a page at a time: the @Limit after the period @AfterStart..@AfterEnd (the last of the
-- page before).
SELECT period_start AS Start, period_end AS "End", kind AS Kind, closed_by AS ClosedBy, closed_at AS ClosedAt
FROM closed_periods
WHERE (@AfterStart::date IS NULL OR (period_start, period_end) > (@AfterStart, @AfterEnd::date))
ORDER BY period_start, period_end
LIMIT @Limit;
