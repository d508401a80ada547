-- The closed periods in date order, a page at a time: the @Limit after the period @AfterStart..@AfterEnd (the last of the
-- page before).
-- T-SQL: the row comparison is spelt out; TOP in place of LIMIT.
SELECT TOP (@Limit) period_start AS Start, period_end AS "End", kind AS Kind, closed_by AS ClosedBy, closed_at AS ClosedAt
FROM closed_periods
WHERE (@AfterStart IS NULL OR period_start > @AfterStart OR (period_start = @AfterStart AND period_end > @AfterEnd))
ORDER BY period_start, period_end;
