-- T-SQL: INSERT ... WHERE NOT EXISTS under UPDLOCK, HOLDLOCK in place of ON CONFLICT (period_start, period_end) DO NOTHING.
INSERT INTO closed_periods (period_start, period_end, kind, closed_by, closed_at, trace_id)
SELECT @Start, @End, @Kind, @Actor, @Now, @TraceId
WHERE NOT EXISTS (SELECT 1 FROM closed_periods WITH (UPDLOCK, HOLDLOCK) WHERE period_start = @Start AND period_end = @End);
