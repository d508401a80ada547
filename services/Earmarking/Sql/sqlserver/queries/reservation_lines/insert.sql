-- T-SQL: the lines are JSON arrays (Database.List) paired by position (OPENJSON's key, from 0; the line number is that
-- position + 1, as WITH ORDINALITY counts from 1).
INSERT INTO reservation_lines (request_id, line_no, lot_id, pool_id, donor_id, amount)
SELECT @RequestId, CAST(l.[key] AS int) + 1, CAST(l.[value] AS bigint), CAST(p.[value] AS bigint), CAST(d.[value] AS nvarchar(200)),
       CAST(a.[value] AS decimal(19,4))
FROM OPENJSON(@LotIds) l
JOIN OPENJSON(@PoolIds) p ON p.[key] = l.[key]
JOIN OPENJSON(@DonorIds) d ON d.[key] = l.[key]
JOIN OPENJSON(@Amounts) a ON a.[key] = l.[key];
