-- A pledge's schedule as its latest event gives it (each carries the whole schedule).
DELETE FROM pledge_book_instalments WHERE pledge_id = @PledgeId;
INSERT INTO pledge_book_instalments (pledge_id, no, due_date, amount)
SELECT @PledgeId, t.no, t.due_date, t.amount
FROM unnest(@Nos::integer[], @DueDates::date[], @Amounts::numeric[]) AS t(no, due_date, amount);
