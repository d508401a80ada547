-- Disbursements' copy of the fund structure Earmarking publishes: the highest version wins.
CREATE TABLE fund_copies (
    fund_id                 text          PRIMARY KEY,
    base_currency           char(3)       NOT NULL,
    two_approver_threshold  numeric(19,4) NOT NULL,
    version                 integer       NOT NULL,
    changed_at              timestamptz   NOT NULL
);

CREATE TABLE project_copies (
    fund_id       text        NOT NULL,
    project_id    text        NOT NULL,
    window_id     text        NOT NULL,
    project_lead  text        NOT NULL,
    partner_id    text        NOT NULL,
    status        text        NOT NULL,
    version       integer     NOT NULL,
    changed_at    timestamptz NOT NULL,
    PRIMARY KEY (fund_id, project_id)
);

-- A disbursement request is a state machine; every transition bumps the version (optimistic concurrency) and
-- writes a row in request_transitions.
CREATE TABLE requests (
    request_id              uuid          PRIMARY KEY,
    fund_id                 text          NOT NULL,
    project_id              text          NOT NULL,
    window_id               text          NOT NULL,
    partner_id              text          NOT NULL,
    requested_by            text          NOT NULL,
    amount                  numeric(19,4) NOT NULL CHECK (amount > 0),
    currency                char(3)       NOT NULL,
    purpose                 text          NOT NULL,
    tranche                 text          NULL,
    needed_by               date          NOT NULL,
    status                  text          NOT NULL CHECK (status IN ('submitted', 'reserved', 'rejected-insufficient-funds', 'reservation-refused',
                                                                     'approved', 'paying', 'paid', 'rejected', 'cancelled', 'expired')),
    approvals_needed        integer       NOT NULL CHECK (approvals_needed IN (1, 2)),
    available               numeric(19,4) NULL,
    refusal_reason          text          NULL,
    reservation_expires_at  timestamptz   NULL,
    payment_value_date      date          NULL,
    payment_reference       text          NULL,
    paid_by                 text          NULL,
    attribution             jsonb         NULL,
    version                 integer       NOT NULL,
    created_at              timestamptz   NOT NULL,
    updated_at              timestamptz   NOT NULL,
    trace_id                text          NULL
);
CREATE INDEX requests_by_status ON requests (status, created_at);
CREATE INDEX requests_by_requester ON requests (requested_by, created_at);

-- One row per approver: the same person approving twice counts once.
CREATE TABLE approvals (
    request_id   uuid        NOT NULL REFERENCES requests (request_id),
    approver     text        NOT NULL,
    approved_at  timestamptz NOT NULL,
    PRIMARY KEY (request_id, approver)
);

CREATE TABLE request_transitions (
    transition_id  bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id     uuid        NOT NULL REFERENCES requests (request_id),
    from_status    text        NULL,
    to_status      text        NOT NULL,
    actor          text        NOT NULL,
    reason         text        NULL,
    occurred_at    timestamptz NOT NULL,
    trace_id       text        NULL
);
CREATE INDEX request_transitions_by_request ON request_transitions (request_id, transition_id);
