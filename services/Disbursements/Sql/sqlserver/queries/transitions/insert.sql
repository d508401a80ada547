INSERT INTO request_transitions (request_id, from_status, to_status, actor, reason, occurred_at, trace_id)
VALUES (@RequestId, @From, @To, @Actor, @Reason, @Now, @TraceId);
