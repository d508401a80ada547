-- The instalments of one pledge, or of several.
-- T-SQL: @PledgeIds is a JSON array (Database.List) read with OPENJSON in place of ANY.
SELECT pledge_id AS PledgeId, instalment_no AS No, due_date AS DueDate, amount AS Amount, paid AS Paid, cancelled AS Cancelled,
       written_off AS WrittenOff
FROM instalments WHERE pledge_id IN (SELECT CAST([value] AS uniqueidentifier) FROM OPENJSON(@PledgeIds))
ORDER BY pledge_id, due_date, instalment_no;
