-- A refund a project lead declares: nothing moves until finance has seen the cash and confirms it (then the refund
-- is credited under the same id) or rejects it with a reason. Each declaration resolves at most once.
CREATE TABLE refund_declarations (
    refund_id          uuid          PRIMARY KEY,
    request_id         uuid          NOT NULL REFERENCES reservations (request_id),
    amount             numeric(19,4) NOT NULL CHECK (amount > 0),
    currency           char(3)       NOT NULL,
    value_date         date          NOT NULL,
    reference          text          NOT NULL,
    declared_by        text          NOT NULL,
    declared_at        timestamptz   NOT NULL,
    status             text          NOT NULL DEFAULT 'declared' CHECK (status IN ('declared', 'confirmed', 'rejected')),
    resolved_by        text          NULL,
    resolved_at        timestamptz   NULL,
    resolution_reason  text          NULL,
    trace_id           text          NULL,
    CHECK ((status = 'declared') = (resolved_at IS NULL))
);
CREATE INDEX refund_declarations_open ON refund_declarations (declared_at, refund_id) WHERE status = 'declared';
CREATE INDEX refund_declarations_by_request ON refund_declarations (request_id);
