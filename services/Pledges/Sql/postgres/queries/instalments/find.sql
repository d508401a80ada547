-- The instalments of one pledge, or of several.
SELECT pledge_id AS PledgeId, instalment_no AS No, due_date AS DueDate, amount AS Amount, paid AS Paid, cancelled AS Cancelled,
       written_off AS WrittenOff
FROM instalments WHERE pledge_id = ANY(@PledgeIds)
ORDER BY pledge_id, due_date, instalment_no;
