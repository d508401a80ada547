SELECT pledge_id AS PledgeId, no AS No, due_date AS DueDate, amount AS Amount
FROM pledge_book_instalments WHERE pledge_id = ANY(@PledgeIds)
ORDER BY pledge_id, due_date, no;
