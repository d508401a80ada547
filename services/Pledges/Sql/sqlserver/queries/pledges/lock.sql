-- T-SQL: UPDLOCK, ROWLOCK, HOLDLOCK in place of FOR UPDATE: the row stays locked until the transaction ends.
SELECT COUNT_BIG(*) FROM pledges WITH (UPDLOCK, ROWLOCK, HOLDLOCK) WHERE pledge_id = @PledgeId;
