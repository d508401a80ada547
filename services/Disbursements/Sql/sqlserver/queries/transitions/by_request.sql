SELECT from_status AS FromStatus, to_status AS ToStatus, actor AS Actor, reason AS Reason, occurred_at AS OccurredAt, trace_id AS TraceId
FROM request_transitions WHERE request_id = @RequestId ORDER BY transition_id;
