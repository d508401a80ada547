-- Who changed what, when, and under which trace: one row per state change, written in the change's own
-- transaction. Rows are only ever inserted.
-- T-SQL: jsonb becomes nvarchar(max) that must hold JSON (ISJSON), so a malformed document is refused as before.
CREATE TABLE audit_log (
    audit_id     bigint         IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    occurred_at  datetimeoffset NOT NULL,
    actor        nvarchar(200)  NOT NULL,
    action       nvarchar(200)  NOT NULL,
    entity_type  nvarchar(100)  NOT NULL,
    entity_id    nvarchar(200)  NOT NULL,
    details      nvarchar(max)  NOT NULL CONSTRAINT audit_log_details_json CHECK (ISJSON(details) = 1),
    trace_id     nvarchar(64)   NULL
);
CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id, audit_id);
