-- Disbursements' copy of the fund structure Earmarking publishes: the highest version wins.
-- T-SQL: text becomes nvarchar (bounded where keyed or indexed), numeric decimal with the same precision, jsonb
-- nvarchar(max) checked with ISJSON, timestamptz datetimeoffset, uuid uniqueidentifier, GENERATED ALWAYS AS IDENTITY
-- IDENTITY(1, 1). The status CHECK is named as PostgreSQL names it, so migration 0004 can replace it by that name.
CREATE TABLE fund_copies (
    fund_id                 nvarchar(200)  PRIMARY KEY,
    base_currency           char(3)        NOT NULL,
    two_approver_threshold  decimal(19,4)  NOT NULL,
    version                 int            NOT NULL,
    changed_at              datetimeoffset NOT NULL
);

CREATE TABLE project_copies (
    fund_id       nvarchar(200)  NOT NULL,
    project_id    nvarchar(200)  NOT NULL,
    window_id     nvarchar(200)  NOT NULL,
    project_lead  nvarchar(200)  NOT NULL,
    partner_id    nvarchar(200)  NOT NULL,
    status        nvarchar(50)   NOT NULL,
    version       int            NOT NULL,
    changed_at    datetimeoffset NOT NULL,
    PRIMARY KEY (fund_id, project_id)
);

-- A disbursement request is a state machine; every transition bumps the version (optimistic concurrency) and
-- writes a row in request_transitions.
CREATE TABLE requests (
    request_id              uniqueidentifier PRIMARY KEY,
    fund_id                 nvarchar(200)    NOT NULL,
    project_id              nvarchar(200)    NOT NULL,
    window_id               nvarchar(200)    NOT NULL,
    partner_id              nvarchar(200)    NOT NULL,
    requested_by            nvarchar(200)    NOT NULL,
    amount                  decimal(19,4)    NOT NULL CHECK (amount > 0),
    currency                char(3)          NOT NULL,
    purpose                 nvarchar(max)    NOT NULL,
    tranche                 nvarchar(max)    NULL,
    needed_by               date             NOT NULL,
    status                  nvarchar(50)     NOT NULL CONSTRAINT requests_status_check CHECK (status IN ('submitted', 'reserved',
                                                 'rejected-insufficient-funds', 'reservation-refused', 'approved', 'paying', 'paid',
                                                 'rejected', 'cancelled', 'expired')),
    approvals_needed        int              NOT NULL CHECK (approvals_needed IN (1, 2)),
    available               decimal(19,4)    NULL,
    refusal_reason          nvarchar(max)    NULL,
    reservation_expires_at  datetimeoffset   NULL,
    payment_value_date      date             NULL,
    payment_reference       nvarchar(max)    NULL,
    paid_by                 nvarchar(200)    NULL,
    attribution             nvarchar(max)    NULL CHECK (ISJSON(attribution) = 1),
    version                 int              NOT NULL,
    created_at              datetimeoffset   NOT NULL,
    updated_at              datetimeoffset   NOT NULL,
    trace_id                nvarchar(200)    NULL
);
CREATE INDEX requests_by_status ON requests (status, created_at);
CREATE INDEX requests_by_requester ON requests (requested_by, created_at);

-- One row per approver: the same person approving twice counts once.
CREATE TABLE approvals (
    request_id   uniqueidentifier NOT NULL REFERENCES requests (request_id),
    approver     nvarchar(200)    NOT NULL,
    approved_at  datetimeoffset   NOT NULL,
    PRIMARY KEY (request_id, approver)
);

CREATE TABLE request_transitions (
    transition_id  bigint           IDENTITY(1, 1) PRIMARY KEY,
    request_id     uniqueidentifier NOT NULL REFERENCES requests (request_id),
    from_status    nvarchar(50)     NULL,
    to_status      nvarchar(50)     NOT NULL,
    actor          nvarchar(200)    NOT NULL,
    reason         nvarchar(max)    NULL,
    occurred_at    datetimeoffset   NOT NULL,
    trace_id       nvarchar(200)    NULL
);
CREATE INDEX request_transitions_by_request ON request_transitions (request_id, transition_id);
