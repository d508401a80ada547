-- T-SQL: text is nvarchar (200 for identifiers, max for prose), timestamptz datetimeoffset, uuid uniqueidentifier,
-- boolean bit, numeric decimal with the same precision and scale, identity columns IDENTITY(1, 1); a CHECK that
-- compares two conditions is spelt out (T-SQL has no boolean values).
-- A refund a project lead declares: nothing moves until finance has seen the cash and confirms it (then the refund
-- is credited under the same id) or rejects it with a reason. Each declaration resolves at most once.
CREATE TABLE refund_declarations (
    refund_id          uniqueidentifier          PRIMARY KEY,
    request_id         uniqueidentifier          NOT NULL REFERENCES reservations (request_id),
    amount             decimal(19,4) NOT NULL CHECK (amount > 0),
    currency           char(3)       NOT NULL,
    value_date         date          NOT NULL,
    reference          nvarchar(200)          NOT NULL,
    declared_by        nvarchar(200)          NOT NULL,
    declared_at        datetimeoffset   NOT NULL,
    status             nvarchar(200)          NOT NULL DEFAULT 'declared' CHECK (status IN ('declared', 'confirmed', 'rejected')),
    resolved_by        nvarchar(200)          NULL,
    resolved_at        datetimeoffset   NULL,
    resolution_reason  nvarchar(max)          NULL,
    trace_id           nvarchar(200)          NULL,
    CHECK ((status = 'declared' AND resolved_at IS NULL) OR (status <> 'declared' AND resolved_at IS NOT NULL))
);
CREATE INDEX refund_declarations_open ON refund_declarations (declared_at, refund_id) WHERE status = 'declared';
CREATE INDEX refund_declarations_by_request ON refund_declarations (request_id);
