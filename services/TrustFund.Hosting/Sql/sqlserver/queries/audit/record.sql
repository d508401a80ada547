-- T-SQL: details is JSON text, checked by the table's ISJSON constraint (PostgreSQL casts it to jsonb).
INSERT INTO audit_log (occurred_at, actor, action, entity_type, entity_id, details, trace_id)
VALUES (@OccurredAt, @Actor, @Action, @EntityType, @EntityId, @Details, @TraceId);
