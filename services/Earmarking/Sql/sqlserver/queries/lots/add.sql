-- T-SQL: INSERT ... OUTPUT INTO a table variable in place of the CTE with RETURNING; the new lot's id is the result.
SET NOCOUNT ON;
DECLARE @lot TABLE (lot_id bigint NOT NULL);
INSERT INTO lots (pool_id, origin, source_id, value_date, credited, available, created_at)
OUTPUT inserted.lot_id INTO @lot (lot_id)
VALUES (@PoolId, @Origin, @SourceId, @ValueDate, @Amount, @Amount, @Now);
INSERT INTO lot_movements (lot_id, kind, source_id, effective_on, held_delta, recorded_at)
SELECT lot_id, @Origin, @SourceId, @ValueDate, @Amount, @Now FROM @lot;
SELECT lot_id FROM @lot;
