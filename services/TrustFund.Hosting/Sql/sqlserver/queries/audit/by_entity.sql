SELECT audit_id AS AuditId, occurred_at AS OccurredAt, actor AS Actor, action AS Action,
       entity_type AS EntityType, entity_id AS EntityId, details AS Details, trace_id AS TraceId
FROM audit_log
WHERE entity_type = @EntityType AND entity_id = @EntityId
ORDER BY audit_id;
