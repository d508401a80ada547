INSERT INTO reservation_lines (request_id, line_no, lot_id, pool_id, donor_id, amount)
SELECT @RequestId, t.ord, t.lot_id, t.pool_id, t.donor_id, t.amount
FROM unnest(@LotIds::bigint[], @PoolIds::bigint[], @DonorIds::text[], @Amounts::numeric[]) WITH ORDINALITY AS t(lot_id, pool_id, donor_id, amount, ord);
