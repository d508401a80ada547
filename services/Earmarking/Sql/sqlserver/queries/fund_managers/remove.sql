-- T-SQL: DELETE ... OUTPUT INTO a table variable in place of DELETE ... RETURNING in a CTE.
SET NOCOUNT ON;
DECLARE @removed TABLE (fund_id nvarchar(200) NOT NULL);
DELETE FROM fund_managers OUTPUT deleted.fund_id INTO @removed (fund_id) WHERE fund_id = @FundId AND manager = @Manager;
SET NOCOUNT OFF;
UPDATE s SET version = s.version + 1, changed_at = @Now, changed_by = @Actor
FROM fund_manager_sets s JOIN @removed r ON r.fund_id = s.fund_id;
