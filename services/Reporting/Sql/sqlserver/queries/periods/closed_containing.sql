-- The latest end of the closed periods that contain a date (null when the date is open).
SELECT max(period_end) FROM closed_periods WHERE @Date BETWEEN period_start AND period_end;
