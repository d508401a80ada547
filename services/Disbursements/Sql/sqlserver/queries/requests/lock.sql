-- T-SQL: UPDLOCK, ROWLOCK, HOLDLOCK in place of FOR UPDATE: the row stays locked until the transaction ends.
SELECT COUNT_BIG(*) FROM requests WITH (UPDLOCK, ROWLOCK, HOLDLOCK) WHERE request_id = @RequestId;
