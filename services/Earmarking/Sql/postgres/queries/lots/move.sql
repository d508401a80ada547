-- Moves money between a lot's columns, one delta per lot, guarded so that no column goes below zero; the caller
-- checks that every lot was moved. Movements that change what a lot holds are dated for period-end balances.
WITH t AS (
    SELECT * FROM unnest(@LotIds::bigint[], @Available::numeric[], @Reserved::numeric[], @Disbursed::numeric[], @TransferredOut::numeric[])
        AS t(lot_id, available, reserved, disbursed, transferred_out)
), moved AS (
    UPDATE lots l
    SET available = l.available + t.available, reserved = l.reserved + t.reserved,
        disbursed = l.disbursed + t.disbursed, transferred_out = l.transferred_out + t.transferred_out
    FROM t
    WHERE l.lot_id = t.lot_id AND l.available + t.available >= 0 AND l.reserved + t.reserved >= 0
      AND l.disbursed + t.disbursed >= 0 AND l.transferred_out + t.transferred_out >= 0
    RETURNING l.lot_id, t.available + t.reserved AS held_delta
), dated AS (
    INSERT INTO lot_movements (lot_id, kind, source_id, effective_on, held_delta, recorded_at)
    SELECT lot_id, @Kind, @SourceId, @EffectiveOn, held_delta, @Now FROM moved WHERE held_delta <> 0
)
SELECT count(*) FROM moved;
