-- T-SQL: OBJECT_ID in place of to_regclass, and a bit in place of a boolean.
SELECT CASE WHEN OBJECT_ID(N'schema_migrations', N'U') IS NOT NULL THEN CAST(1 AS bit) ELSE CAST(0 AS bit) END;
