-- Records each line's share of a refund and marks it on the reservation line it returns.
-- T-SQL: @LineNos and @Amounts are JSON arrays (Database.List) paired by position (OPENJSON's key, from 0; the
-- refund line number is that position + 1, as WITH ORDINALITY counts from 1); the guarded UPDATE reports what it
-- marked through OUTPUT INTO, which records the refund lines and gives the count.
SET NOCOUNT ON;
DECLARE @t TABLE (line_no int NOT NULL PRIMARY KEY, amount decimal(19,4) NOT NULL, ord int NOT NULL);
DECLARE @marked TABLE (line_no int NOT NULL, lot_id bigint NOT NULL, pool_id bigint NOT NULL, donor_id nvarchar(200) NOT NULL,
                       amount decimal(19,4) NOT NULL, ord int NOT NULL);
INSERT INTO @t (line_no, amount, ord)
SELECT CAST(n.[value] AS int), CAST(a.[value] AS decimal(19,4)), CAST(n.[key] AS int) + 1
FROM OPENJSON(@LineNos) n JOIN OPENJSON(@Amounts) a ON a.[key] = n.[key];

UPDATE rl SET refunded = rl.refunded + t.amount
OUTPUT inserted.line_no, inserted.lot_id, inserted.pool_id, inserted.donor_id, t.amount, t.ord
    INTO @marked (line_no, lot_id, pool_id, donor_id, amount, ord)
FROM reservation_lines rl JOIN @t t ON rl.line_no = t.line_no
WHERE rl.request_id = @RequestId AND rl.refunded + t.amount <= rl.amount;

INSERT INTO refund_lines (refund_id, line_no, lot_id, pool_id, donor_id, amount)
SELECT @RefundId, ord, lot_id, pool_id, donor_id, amount FROM @marked;

SELECT COUNT_BIG(*) FROM @marked;
