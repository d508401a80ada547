SELECT period_start AS Start, period_end AS "End", kind AS Kind, closed_by AS ClosedBy, closed_at AS ClosedAt
FROM closed_periods ORDER BY period_start, period_end;
