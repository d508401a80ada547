INSERT INTO audit_log (occurred_at, actor, action, entity_type, entity_id, details, trace_id)
VALUES (@OccurredAt, @Actor, @Action, @EntityType, @EntityId, CAST(@Details AS jsonb), @TraceId);
