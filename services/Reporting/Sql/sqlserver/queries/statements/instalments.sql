-- T-SQL: @PledgeIds is a JSON array (Database.List) read with OPENJSON in place of ANY.
SELECT pledge_id AS PledgeId, no AS No, due_date AS DueDate, amount AS Amount
FROM pledge_book_instalments WHERE pledge_id IN (SELECT CAST([value] AS uniqueidentifier) FROM OPENJSON(@PledgeIds))
ORDER BY pledge_id, due_date, no;
