-- Locks lots in the one order every transaction uses (project level, then window, then core; oldest first),
-- so transactions touching the same lots wait for each other instead of deadlocking.
-- T-SQL: @LotIds is a JSON array (Database.List) read with OPENJSON; UPDLOCK, ROWLOCK, HOLDLOCK on the lots in place
-- of FOR UPDATE OF l.
SELECT l.lot_id
FROM lots l WITH (UPDLOCK, ROWLOCK, HOLDLOCK) JOIN pools p ON p.pool_id = l.pool_id
WHERE l.lot_id IN (SELECT CAST([value] AS bigint) FROM OPENJSON(@LotIds))
ORDER BY CASE WHEN p.project_id <> '' THEN 0 WHEN p.window_id <> 'core' THEN 1 ELSE 2 END, l.value_date, l.lot_id;
