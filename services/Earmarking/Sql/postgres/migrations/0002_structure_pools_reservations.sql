-- The first pools kept one running sum per pool; reservations need receipts (lots) to draw from oldest
-- first and to attribute payments to donors, so the model is rebuilt here.
DROP TABLE pool_credits;
DROP TABLE pools;

-- Fund structure, owned here and published as FundChanged / WindowChanged / ProjectChanged.
CREATE TABLE funds (
    fund_id                 text          PRIMARY KEY,
    name                    text          NOT NULL,
    base_currency           char(3)       NOT NULL,
    fee_rate                numeric(9,6)  NOT NULL CHECK (fee_rate >= 0 AND fee_rate <= 0.2),
    financing_model         text          NOT NULL CHECK (financing_model IN ('voluntary', 'assessed', 'hybrid')),
    two_approver_threshold  numeric(19,4) NOT NULL CHECK (two_approver_threshold >= 0),
    interest_to_core        boolean       NOT NULL,
    version                 integer       NOT NULL,
    created_at              timestamptz   NOT NULL,
    created_by              text          NOT NULL,
    updated_at              timestamptz   NOT NULL,
    updated_by              text          NOT NULL
);

CREATE TABLE windows (
    fund_id     text        NOT NULL REFERENCES funds (fund_id),
    window_id   text        NOT NULL,
    name        text        NOT NULL,
    status      text        NOT NULL CHECK (status IN ('open', 'closed')),
    version     integer     NOT NULL,
    created_at  timestamptz NOT NULL,
    created_by  text        NOT NULL,
    updated_at  timestamptz NOT NULL,
    updated_by  text        NOT NULL,
    PRIMARY KEY (fund_id, window_id)
);

-- reserved and disbursed (net of refunds) count against the allocation, which they can never exceed.
CREATE TABLE projects (
    fund_id       text          NOT NULL,
    project_id    text          NOT NULL,
    window_id     text          NOT NULL,
    name          text          NOT NULL,
    project_lead  text          NOT NULL,
    partner_id    text          NOT NULL,
    status        text          NOT NULL CHECK (status IN ('open', 'closed')),
    allocation    numeric(19,4) NOT NULL CHECK (allocation >= 0),
    reserved      numeric(19,4) NOT NULL DEFAULT 0 CHECK (reserved >= 0),
    disbursed     numeric(19,4) NOT NULL DEFAULT 0 CHECK (disbursed >= 0),
    version       integer       NOT NULL,
    created_at    timestamptz   NOT NULL,
    created_by    text          NOT NULL,
    updated_at    timestamptz   NOT NULL,
    updated_by    text          NOT NULL,
    PRIMARY KEY (fund_id, project_id),
    FOREIGN KEY (fund_id, window_id) REFERENCES windows (fund_id, window_id),
    CHECK (reserved + disbursed <= allocation)
);

-- A pool is money for one purpose from one donor: fund x window x project x donor x currency.
-- Kinds: 'purpose' (window 'core' and project '' for unearmarked money), 'fee' (the trustee's fee, one per
-- fund and currency, donor ''), 'suspense' (money whose earmark named a closed or unknown target).
-- Amounts live in the pool's lots.
CREATE TABLE pools (
    pool_id     bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    fund_id     text        NOT NULL,
    pool_kind   text        NOT NULL CHECK (pool_kind IN ('purpose', 'fee', 'suspense')),
    window_id   text        NOT NULL DEFAULT '',
    project_id  text        NOT NULL DEFAULT '',
    donor_id    text        NOT NULL DEFAULT '',
    currency    char(3)     NOT NULL,
    created_at  timestamptz NOT NULL,
    UNIQUE (fund_id, pool_kind, window_id, project_id, donor_id, currency)
);

-- A lot is one receipt into a pool (a contribution's net amount, its fee, interest, re-targeted suspense).
-- Reservations draw on lots oldest first. No amount is ever negative, and every cent credited to a lot is in
-- exactly one place: available, reserved, disbursed, or transferred out (suspense money re-targeted).
CREATE TABLE lots (
    lot_id           bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pool_id          bigint        NOT NULL REFERENCES pools (pool_id),
    origin           text          NOT NULL CHECK (origin IN ('contribution', 'fee', 'interest', 'retarget')),
    source_id        text          NOT NULL,
    value_date       date          NOT NULL,
    credited         numeric(19,4) NOT NULL CHECK (credited > 0),
    available        numeric(19,4) NOT NULL CHECK (available >= 0),
    reserved         numeric(19,4) NOT NULL DEFAULT 0 CHECK (reserved >= 0),
    disbursed        numeric(19,4) NOT NULL DEFAULT 0 CHECK (disbursed >= 0),
    transferred_out  numeric(19,4) NOT NULL DEFAULT 0 CHECK (transferred_out >= 0),
    created_at       timestamptz   NOT NULL,
    CHECK (credited = available + reserved + disbursed + transferred_out)
);
CREATE INDEX lots_by_pool ON lots (pool_id, value_date, lot_id);

-- Changes to the money a lot holds (available + reserved), dated, so balances at a period end can be rebuilt.
CREATE TABLE lot_movements (
    movement_id   bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    lot_id        bigint        NOT NULL REFERENCES lots (lot_id),
    kind          text          NOT NULL,
    source_id     text          NOT NULL,
    effective_on  date          NOT NULL,
    held_delta    numeric(19,4) NOT NULL,
    recorded_at   timestamptz   NOT NULL
);
CREATE INDEX lot_movements_by_lot ON lot_movements (lot_id, effective_on);

-- One row per contribution, whatever number of times its event arrives: the claim, and where its money went.
CREATE TABLE receipts (
    contribution_id  uuid          PRIMARY KEY,
    fund_id          text          NOT NULL,
    donor_id         text          NOT NULL,
    earmark_kind     text          NOT NULL,
    window_id        text          NULL,
    project_id       text          NULL,
    amount           numeric(19,4) NOT NULL CHECK (amount > 0),
    currency         char(3)       NOT NULL,
    base_amount      numeric(19,4) NOT NULL CHECK (base_amount > 0),
    base_currency    char(3)       NOT NULL,
    fee              numeric(19,4) NOT NULL CHECK (fee >= 0),
    net              numeric(19,4) NOT NULL CHECK (net >= 0),
    pool_id          bigint        NOT NULL REFERENCES pools (pool_id),
    lot_id           bigint        NOT NULL REFERENCES lots (lot_id),
    suspense_reason  text          NULL,
    value_date       date          NOT NULL,
    received_at      timestamptz   NOT NULL,
    trace_id         text          NULL,
    CHECK (fee + net = base_amount)
);
CREATE INDEX receipts_by_fund ON receipts (fund_id, base_currency);

-- Suspense money moved to a purpose, once per contribution, with the donor's agreement.
CREATE TABLE retargets (
    contribution_id  uuid          PRIMARY KEY REFERENCES receipts (contribution_id),
    from_pool_id     bigint        NOT NULL REFERENCES pools (pool_id),
    to_pool_id       bigint        NOT NULL REFERENCES pools (pool_id),
    to_lot_id        bigint        NOT NULL REFERENCES lots (lot_id),
    amount           numeric(19,4) NOT NULL CHECK (amount > 0),
    fee              numeric(19,4) NOT NULL CHECK (fee >= 0),
    reference        text          NOT NULL,
    retargeted_by    text          NOT NULL,
    retargeted_at    timestamptz   NOT NULL
);

CREATE TABLE reservations (
    request_id          uuid          PRIMARY KEY,
    fund_id             text          NOT NULL,
    project_id          text          NOT NULL,
    window_id           text          NULL,
    partner_id          text          NULL,
    amount              numeric(19,4) NOT NULL,
    currency            char(3)       NOT NULL,
    status              text          NOT NULL CHECK (status IN ('reserved', 'rejected', 'released', 'expired', 'consumed')),
    reject_reason       text          NULL,
    available           numeric(19,4) NULL,
    detail              text          NULL,
    requested_by        text          NOT NULL,
    requested_at        timestamptz   NOT NULL,
    expires_at          timestamptz   NULL,
    resolved_at         timestamptz   NULL,
    resolved_by         text          NULL,
    resolution_reason   text          NULL,
    payment_value_date  date          NULL,
    payment_reference   text          NULL,
    refunded            numeric(19,4) NOT NULL DEFAULT 0 CHECK (refunded >= 0),
    trace_id            text          NULL,
    CHECK (refunded = 0 OR refunded <= amount)  -- a rejected request may carry any amount it was sent with
);
CREATE INDEX reservations_due ON reservations (expires_at) WHERE status = 'reserved';
CREATE INDEX reservations_by_project ON reservations (fund_id, project_id);

CREATE TABLE reservation_lines (
    request_id  uuid          NOT NULL REFERENCES reservations (request_id),
    line_no     integer       NOT NULL,
    lot_id      bigint        NOT NULL REFERENCES lots (lot_id),
    pool_id     bigint        NOT NULL REFERENCES pools (pool_id),
    donor_id    text          NOT NULL,
    amount      numeric(19,4) NOT NULL CHECK (amount > 0),
    refunded    numeric(19,4) NOT NULL DEFAULT 0 CHECK (refunded >= 0),
    PRIMARY KEY (request_id, line_no),
    CHECK (refunded <= amount)
);

CREATE TABLE refunds (
    refund_id    uuid          PRIMARY KEY,
    request_id   uuid          NOT NULL REFERENCES reservations (request_id),
    amount       numeric(19,4) NOT NULL CHECK (amount > 0),
    currency     char(3)       NOT NULL,
    value_date   date          NOT NULL,
    reference    text          NOT NULL,
    recorded_by  text          NOT NULL,
    recorded_at  timestamptz   NOT NULL,
    trace_id     text          NULL
);

CREATE TABLE refund_lines (
    refund_id  uuid          NOT NULL REFERENCES refunds (refund_id),
    line_no    integer       NOT NULL,
    lot_id     bigint        NOT NULL REFERENCES lots (lot_id),
    pool_id    bigint        NOT NULL REFERENCES pools (pool_id),
    donor_id   text          NOT NULL,
    amount     numeric(19,4) NOT NULL CHECK (amount > 0),
    PRIMARY KEY (refund_id, line_no)
);

CREATE TABLE interest_postings (
    interest_id   uuid          PRIMARY KEY,
    fund_id       text          NOT NULL REFERENCES funds (fund_id),
    period_start  date          NOT NULL,
    period_end    date          NOT NULL,
    amount        numeric(19,4) NOT NULL CHECK (amount > 0),
    currency      char(3)       NOT NULL,
    method        text          NOT NULL CHECK (method IN ('pro-rata', 'core')),
    recorded_by   text          NOT NULL,
    recorded_at   timestamptz   NOT NULL,
    trace_id      text          NULL,
    CHECK (period_end >= period_start)
);
CREATE INDEX interest_by_fund ON interest_postings (fund_id, period_start, period_end);
