-- A pledge's schedule as its latest event gives it (each carries the whole schedule).
-- T-SQL: the schedule's columns are JSON arrays (Database.List) paired by position with OPENJSON's key in place of unnest.
DELETE FROM pledge_book_instalments WHERE pledge_id = @PledgeId;
INSERT INTO pledge_book_instalments (pledge_id, no, due_date, amount)
SELECT @PledgeId, CAST(n.[value] AS int), CAST(d.[value] AS date), CAST(a.[value] AS decimal(19,4))
FROM OPENJSON(@Nos) n
JOIN OPENJSON(@DueDates) d ON d.[key] = n.[key]
JOIN OPENJSON(@Amounts) a ON a.[key] = n.[key];
