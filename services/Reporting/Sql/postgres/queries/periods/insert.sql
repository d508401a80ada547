INSERT INTO closed_periods (period_start, period_end, kind, closed_by, closed_at, trace_id)
VALUES (@Start, @End, @Kind, @Actor, @Now, @TraceId)
ON CONFLICT (period_start, period_end) DO NOTHING;
