-- Who changed what, when, and under which trace: one row per state change, written in the change's own
-- transaction. Rows are only ever inserted.
CREATE TABLE audit_log (
    audit_id     bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at  timestamptz NOT NULL,
    actor        text        NOT NULL,
    action       text        NOT NULL,
    entity_type  text        NOT NULL,
    entity_id    text        NOT NULL,
    details      jsonb       NOT NULL,
    trace_id     text        NULL
);
CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id, audit_id);
