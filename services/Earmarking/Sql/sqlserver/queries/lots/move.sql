-- Moves money between a lot's columns, one delta per lot, guarded so that no column goes below zero; the caller
-- checks that every lot was moved. Movements that change what a lot holds are dated for period-end balances.
-- T-SQL: the movements are JSON arrays (Database.List) of one length, paired by position with OPENJSON's key in
-- place of unnest; the guarded UPDATE (no bucket of a lot below zero, in the statement that changes it) reports the
-- lots it moved through OUTPUT INTO, which date the movements and give the count.
SET NOCOUNT ON;
DECLARE @t TABLE (lot_id bigint NOT NULL PRIMARY KEY, available decimal(19,4) NOT NULL, reserved decimal(19,4) NOT NULL,
                  disbursed decimal(19,4) NOT NULL, transferred_out decimal(19,4) NOT NULL);
DECLARE @moved TABLE (lot_id bigint NOT NULL, held_delta decimal(19,4) NOT NULL);
INSERT INTO @t (lot_id, available, reserved, disbursed, transferred_out)
SELECT CAST(i.[value] AS bigint), CAST(a.[value] AS decimal(19,4)), CAST(r.[value] AS decimal(19,4)),
       CAST(d.[value] AS decimal(19,4)), CAST(o.[value] AS decimal(19,4))
FROM OPENJSON(@LotIds) i
JOIN OPENJSON(@Available) a ON a.[key] = i.[key]
JOIN OPENJSON(@Reserved) r ON r.[key] = i.[key]
JOIN OPENJSON(@Disbursed) d ON d.[key] = i.[key]
JOIN OPENJSON(@TransferredOut) o ON o.[key] = i.[key];

UPDATE l
SET available = l.available + t.available, reserved = l.reserved + t.reserved,
    disbursed = l.disbursed + t.disbursed, transferred_out = l.transferred_out + t.transferred_out
OUTPUT inserted.lot_id, t.available + t.reserved INTO @moved (lot_id, held_delta)
FROM lots l JOIN @t t ON t.lot_id = l.lot_id
WHERE l.available + t.available >= 0 AND l.reserved + t.reserved >= 0
  AND l.disbursed + t.disbursed >= 0 AND l.transferred_out + t.transferred_out >= 0;

INSERT INTO lot_movements (lot_id, kind, source_id, effective_on, held_delta, recorded_at)
SELECT lot_id, @Kind, @SourceId, @EffectiveOn, held_delta, @Now FROM @moved WHERE held_delta <> 0;

SELECT COUNT_BIG(*) FROM @moved;
