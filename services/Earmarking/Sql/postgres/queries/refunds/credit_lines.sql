-- Records each line's share of a refund and marks it on the reservation line it returns.
WITH t AS (
    SELECT * FROM unnest(@LineNos::integer[], @Amounts::numeric[]) WITH ORDINALITY AS t(line_no, amount, ord)
), marked AS (
    UPDATE reservation_lines rl SET refunded = rl.refunded + t.amount
    FROM t WHERE rl.request_id = @RequestId AND rl.line_no = t.line_no AND rl.refunded + t.amount <= rl.amount
    RETURNING rl.line_no, rl.lot_id, rl.pool_id, rl.donor_id, t.amount, t.ord
), recorded AS (
    INSERT INTO refund_lines (refund_id, line_no, lot_id, pool_id, donor_id, amount)
    SELECT @RefundId, ord, lot_id, pool_id, donor_id, amount FROM marked
)
SELECT count(*) FROM marked;
