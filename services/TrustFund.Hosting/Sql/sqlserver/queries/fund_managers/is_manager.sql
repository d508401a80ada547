-- T-SQL: EXISTS is not a value, so it is turned into a bit.
SELECT CASE WHEN EXISTS (SELECT 1 FROM fund_managers WHERE fund_id = @FundId AND manager = @Manager)
            THEN CAST(1 AS bit) ELSE CAST(0 AS bit) END;
