-- T-SQL: text is nvarchar (200 for identifiers, max for prose), timestamptz datetimeoffset, uuid uniqueidentifier,
-- boolean bit, numeric decimal with the same precision and scale, identity columns IDENTITY(1, 1); a CHECK that
-- compares two conditions is spelt out (T-SQL has no boolean values).
-- The first pools kept one running sum per pool; reservations need receipts (lots) to draw from oldest
-- first and to attribute payments to donors, so the model is rebuilt here.
DROP TABLE pool_credits;
DROP TABLE pools;

-- Fund structure, owned here and published as FundChanged / WindowChanged / ProjectChanged.
CREATE TABLE funds (
    fund_id                 nvarchar(200)          PRIMARY KEY,
    name                    nvarchar(max)          NOT NULL,
    base_currency           char(3)       NOT NULL,
    fee_rate                decimal(9,6)  NOT NULL CHECK (fee_rate >= 0 AND fee_rate <= 0.2),
    financing_model         nvarchar(200)          NOT NULL CHECK (financing_model IN ('voluntary', 'assessed', 'hybrid')),
    two_approver_threshold  decimal(19,4) NOT NULL CHECK (two_approver_threshold >= 0),
    interest_to_core        bit       NOT NULL,
    version                 int       NOT NULL,
    created_at              datetimeoffset   NOT NULL,
    created_by              nvarchar(200)          NOT NULL,
    updated_at              datetimeoffset   NOT NULL,
    updated_by              nvarchar(200)          NOT NULL
);

CREATE TABLE windows (
    fund_id     nvarchar(200)        NOT NULL REFERENCES funds (fund_id),
    window_id   nvarchar(200)        NOT NULL,
    name        nvarchar(max)        NOT NULL,
    status      nvarchar(200)        NOT NULL CHECK (status IN ('open', 'closed')),
    version     int     NOT NULL,
    created_at  datetimeoffset NOT NULL,
    created_by  nvarchar(200)        NOT NULL,
    updated_at  datetimeoffset NOT NULL,
    updated_by  nvarchar(200)        NOT NULL,
    PRIMARY KEY (fund_id, window_id)
);

-- reserved and disbursed (net of refunds) count against the allocation, which they can never exceed.
CREATE TABLE projects (
    fund_id       nvarchar(200)          NOT NULL,
    project_id    nvarchar(200)          NOT NULL,
    window_id     nvarchar(200)          NOT NULL,
    name          nvarchar(max)          NOT NULL,
    project_lead  nvarchar(200)          NOT NULL,
    partner_id    nvarchar(200)          NOT NULL,
    status        nvarchar(200)          NOT NULL CHECK (status IN ('open', 'closed')),
    allocation    decimal(19,4) NOT NULL CHECK (allocation >= 0),
    reserved      decimal(19,4) NOT NULL DEFAULT 0 CHECK (reserved >= 0),
    disbursed     decimal(19,4) NOT NULL DEFAULT 0 CHECK (disbursed >= 0),
    version       int       NOT NULL,
    created_at    datetimeoffset   NOT NULL,
    created_by    nvarchar(200)          NOT NULL,
    updated_at    datetimeoffset   NOT NULL,
    updated_by    nvarchar(200)          NOT NULL,
    PRIMARY KEY (fund_id, project_id),
    FOREIGN KEY (fund_id, window_id) REFERENCES windows (fund_id, window_id),
    CHECK (reserved + disbursed <= allocation)
);

-- A pool is money for one purpose from one donor: fund x window x project x donor x currency.
-- Kinds: 'purpose' (window 'core' and project '' for unearmarked money), 'fee' (the trustee's fee, one per
-- fund and currency, donor ''), 'suspense' (money whose earmark named a closed or unknown target).
-- Amounts live in the pool's lots.
CREATE TABLE pools (
    pool_id     bigint      IDENTITY(1, 1) PRIMARY KEY,
    fund_id     nvarchar(200)        NOT NULL,
    pool_kind   nvarchar(200)        NOT NULL CHECK (pool_kind IN ('purpose', 'fee', 'suspense')),
    window_id   nvarchar(200)        NOT NULL DEFAULT '',
    project_id  nvarchar(200)        NOT NULL DEFAULT '',
    donor_id    nvarchar(200)        NOT NULL DEFAULT '',
    currency    char(3)     NOT NULL,
    created_at  datetimeoffset NOT NULL,
    UNIQUE (fund_id, pool_kind, window_id, project_id, donor_id, currency)
);

-- A lot is one receipt into a pool (a contribution's net amount, its fee, interest, re-targeted suspense).
-- Reservations draw on lots oldest first. No amount is ever negative, and every cent credited to a lot is in
-- exactly one place: available, reserved, disbursed, or transferred out (suspense money re-targeted).
CREATE TABLE lots (
    lot_id           bigint        IDENTITY(1, 1) PRIMARY KEY,
    pool_id          bigint        NOT NULL REFERENCES pools (pool_id),
    origin           nvarchar(200)          NOT NULL CHECK (origin IN ('contribution', 'fee', 'interest', 'retarget')),
    source_id        nvarchar(200)          NOT NULL,
    value_date       date          NOT NULL,
    credited         decimal(19,4) NOT NULL CHECK (credited > 0),
    available        decimal(19,4) NOT NULL CHECK (available >= 0),
    reserved         decimal(19,4) NOT NULL DEFAULT 0 CHECK (reserved >= 0),
    disbursed        decimal(19,4) NOT NULL DEFAULT 0 CHECK (disbursed >= 0),
    transferred_out  decimal(19,4) NOT NULL DEFAULT 0 CHECK (transferred_out >= 0),
    created_at       datetimeoffset   NOT NULL,
    CHECK (credited = available + reserved + disbursed + transferred_out)
);
CREATE INDEX lots_by_pool ON lots (pool_id, value_date, lot_id);

-- Changes to the money a lot holds (available + reserved), dated, so balances at a period end can be rebuilt.
CREATE TABLE lot_movements (
    movement_id   bigint        IDENTITY(1, 1) PRIMARY KEY,
    lot_id        bigint        NOT NULL REFERENCES lots (lot_id),
    kind          nvarchar(200)          NOT NULL,
    source_id     nvarchar(200)          NOT NULL,
    effective_on  date          NOT NULL,
    held_delta    decimal(19,4) NOT NULL,
    recorded_at   datetimeoffset   NOT NULL
);
CREATE INDEX lot_movements_by_lot ON lot_movements (lot_id, effective_on);

-- One row per contribution, whatever number of times its event arrives: the claim, and where its money went.
CREATE TABLE receipts (
    contribution_id  uniqueidentifier          PRIMARY KEY,
    fund_id          nvarchar(200)          NOT NULL,
    donor_id         nvarchar(200)          NOT NULL,
    earmark_kind     nvarchar(200)          NOT NULL,
    window_id        nvarchar(200)          NULL,
    project_id       nvarchar(200)          NULL,
    amount           decimal(19,4) NOT NULL CHECK (amount > 0),
    currency         char(3)       NOT NULL,
    base_amount      decimal(19,4) NOT NULL CHECK (base_amount > 0),
    base_currency    char(3)       NOT NULL,
    fee              decimal(19,4) NOT NULL CHECK (fee >= 0),
    net              decimal(19,4) NOT NULL CHECK (net >= 0),
    pool_id          bigint        NOT NULL REFERENCES pools (pool_id),
    lot_id           bigint        NOT NULL REFERENCES lots (lot_id),
    suspense_reason  nvarchar(max)          NULL,
    value_date       date          NOT NULL,
    received_at      datetimeoffset   NOT NULL,
    trace_id         nvarchar(200)          NULL,
    CHECK (fee + net = base_amount)
);
CREATE INDEX receipts_by_fund ON receipts (fund_id, base_currency);

-- Suspense money moved to a purpose, once per contribution, with the donor's agreement.
CREATE TABLE retargets (
    contribution_id  uniqueidentifier          PRIMARY KEY REFERENCES receipts (contribution_id),
    from_pool_id     bigint        NOT NULL REFERENCES pools (pool_id),
    to_pool_id       bigint        NOT NULL REFERENCES pools (pool_id),
    to_lot_id        bigint        NOT NULL REFERENCES lots (lot_id),
    amount           decimal(19,4) NOT NULL CHECK (amount > 0),
    fee              decimal(19,4) NOT NULL CHECK (fee >= 0),
    reference        nvarchar(200)          NOT NULL,
    retargeted_by    nvarchar(200)          NOT NULL,
    retargeted_at    datetimeoffset   NOT NULL
);

CREATE TABLE reservations (
    request_id          uniqueidentifier          PRIMARY KEY,
    fund_id             nvarchar(200)          NOT NULL,
    project_id          nvarchar(200)          NOT NULL,
    window_id           nvarchar(200)          NULL,
    partner_id          nvarchar(200)          NULL,
    amount              decimal(19,4) NOT NULL,
    currency            char(3)       NOT NULL,
    status              nvarchar(200)          NOT NULL CHECK (status IN ('reserved', 'rejected', 'released', 'expired', 'consumed')),
    reject_reason       nvarchar(max)          NULL,
    available           decimal(19,4) NULL,
    detail              nvarchar(200)          NULL,
    requested_by        nvarchar(200)          NOT NULL,
    requested_at        datetimeoffset   NOT NULL,
    expires_at          datetimeoffset   NULL,
    resolved_at         datetimeoffset   NULL,
    resolved_by         nvarchar(200)          NULL,
    resolution_reason   nvarchar(max)          NULL,
    payment_value_date  date          NULL,
    payment_reference   nvarchar(max)          NULL,
    refunded            decimal(19,4) NOT NULL DEFAULT 0 CHECK (refunded >= 0),
    trace_id            nvarchar(200)          NULL,
    CHECK (refunded = 0 OR refunded <= amount)  -- a rejected request may carry any amount it was sent with
);
CREATE INDEX reservations_due ON reservations (expires_at) WHERE status = 'reserved';
CREATE INDEX reservations_by_project ON reservations (fund_id, project_id);

CREATE TABLE reservation_lines (
    request_id  uniqueidentifier          NOT NULL REFERENCES reservations (request_id),
    line_no     int       NOT NULL,
    lot_id      bigint        NOT NULL REFERENCES lots (lot_id),
    pool_id     bigint        NOT NULL REFERENCES pools (pool_id),
    donor_id    nvarchar(200)          NOT NULL,
    amount      decimal(19,4) NOT NULL CHECK (amount > 0),
    refunded    decimal(19,4) NOT NULL DEFAULT 0 CHECK (refunded >= 0),
    PRIMARY KEY (request_id, line_no),
    CHECK (refunded <= amount)
);

CREATE TABLE refunds (
    refund_id    uniqueidentifier          PRIMARY KEY,
    request_id   uniqueidentifier          NOT NULL REFERENCES reservations (request_id),
    amount       decimal(19,4) NOT NULL CHECK (amount > 0),
    currency     char(3)       NOT NULL,
    value_date   date          NOT NULL,
    reference    nvarchar(200)          NOT NULL,
    recorded_by  nvarchar(200)          NOT NULL,
    recorded_at  datetimeoffset   NOT NULL,
    trace_id     nvarchar(200)          NULL
);

CREATE TABLE refund_lines (
    refund_id  uniqueidentifier          NOT NULL REFERENCES refunds (refund_id),
    line_no    int       NOT NULL,
    lot_id     bigint        NOT NULL REFERENCES lots (lot_id),
    pool_id    bigint        NOT NULL REFERENCES pools (pool_id),
    donor_id   nvarchar(200)          NOT NULL,
    amount     decimal(19,4) NOT NULL CHECK (amount > 0),
    PRIMARY KEY (refund_id, line_no)
);

CREATE TABLE interest_postings (
    interest_id   uniqueidentifier          PRIMARY KEY,
    fund_id       nvarchar(200)          NOT NULL REFERENCES funds (fund_id),
    period_start  date          NOT NULL,
    period_end    date          NOT NULL,
    amount        decimal(19,4) NOT NULL CHECK (amount > 0),
    currency      char(3)       NOT NULL,
    method        nvarchar(200)          NOT NULL CHECK (method IN ('pro-rata', 'core')),
    recorded_by   nvarchar(200)          NOT NULL,
    recorded_at   datetimeoffset   NOT NULL,
    trace_id      nvarchar(200)          NULL,
    CHECK (period_end >= period_start)
);
CREATE INDEX interest_by_fund ON interest_postings (fund_id, period_start, period_end);
