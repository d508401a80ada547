-- Takes the reservation's row lock; read it afterwards with reservations.get.
-- T-SQL: UPDLOCK, ROWLOCK, HOLDLOCK in place of FOR UPDATE; COUNT_BIG, a bigint as PostgreSQL's count.
SELECT COUNT_BIG(*) FROM reservations WITH (UPDLOCK, ROWLOCK, HOLDLOCK) WHERE request_id = @RequestId;
