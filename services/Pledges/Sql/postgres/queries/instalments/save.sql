INSERT INTO instalments (pledge_id, instalment_no, due_date, amount, paid, cancelled, written_off)
SELECT @PledgeId, t.no, t.due_date, t.amount, t.paid, t.cancelled, t.written_off
FROM unnest(@Nos::integer[], @DueDates::date[], @Amounts::numeric[], @Paid::numeric[], @Cancelled::numeric[], @WrittenOff::numeric[])
    AS t(no, due_date, amount, paid, cancelled, written_off)
ON CONFLICT (pledge_id, instalment_no) DO UPDATE
SET due_date = EXCLUDED.due_date, amount = EXCLUDED.amount, paid = EXCLUDED.paid, cancelled = EXCLUDED.cancelled, written_off = EXCLUDED.written_off;
