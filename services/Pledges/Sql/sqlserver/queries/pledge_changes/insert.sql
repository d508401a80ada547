INSERT INTO pledge_changes (pledge_id, change, amount_before, amount_after, delta, reason, actor, changed_at, trace_id)
VALUES (@PledgeId, @Change, @AmountBefore, @AmountAfter, @Delta, @Reason, @Actor, @Now, @TraceId);
