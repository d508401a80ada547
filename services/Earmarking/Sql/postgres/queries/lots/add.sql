-- A new receipt into a pool, with the movement that dates it.
WITH lot AS (
    INSERT INTO lots (pool_id, origin, source_id, value_date, credited, available, created_at)
    VALUES (@PoolId, @Origin, @SourceId, @ValueDate, @Amount, @Amount, @Now)
    RETURNING lot_id
)
INSERT INTO lot_movements (lot_id, kind, source_id, effective_on, held_delta, recorded_at)
SELECT lot_id, @Origin, @SourceId, @ValueDate, @Amount, @Now FROM lot
RETURNING lot_id;
