-- Money available for a purpose: one row per fund x earmark target x donor x currency.
-- An unearmarked contribution lands in the fund's core window; project_id is '' when the pool is not a project's.
CREATE TABLE pools (
    pool_id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    fund_id       text          NOT NULL,
    earmark_kind  text          NOT NULL CHECK (earmark_kind IN ('unearmarked', 'window', 'project')),
    window_id     text          NOT NULL,
    project_id    text          NOT NULL DEFAULT '',
    donor_id      text          NOT NULL,
    currency      char(3)       NOT NULL,
    credited      numeric(19,4) NOT NULL CHECK (credited >= 0),
    available     numeric(19,4) NOT NULL CHECK (available >= 0),
    first_credit  timestamptz   NOT NULL,
    updated_at    timestamptz   NOT NULL,
    UNIQUE (fund_id, earmark_kind, window_id, project_id, donor_id, currency)
);

-- One credit per contribution, whatever number of times its event arrives.
CREATE TABLE pool_credits (
    contribution_id  uuid          PRIMARY KEY,
    pool_id          bigint        NULL REFERENCES pools (pool_id),  -- set in the same transaction, once the pool exists
    amount           numeric(19,4) NOT NULL CHECK (amount > 0),
    value_date       date          NOT NULL,
    credited_at      timestamptz   NOT NULL,
    trace_id         text          NULL
);
