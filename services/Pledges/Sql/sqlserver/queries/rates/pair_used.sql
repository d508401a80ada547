-- T-SQL: COUNT_BIG, a bigint as PostgreSQL's count.
SELECT COUNT_BIG(*) FROM known_funds WHERE base_currency = @ToCurrency;
