-- T-SQL: text is nvarchar (200 for identifiers, max for prose), timestamptz datetimeoffset, uuid uniqueidentifier,
-- boolean bit, numeric decimal with the same precision and scale, identity columns IDENTITY(1, 1); a CHECK that
-- compares two conditions is spelt out (T-SQL has no boolean values).
-- Money available for a purpose: one row per fund x earmark target x donor x currency.
-- An unearmarked contribution lands in the fund's core window; project_id is '' when the pool is not a project's.
CREATE TABLE pools (
    pool_id       bigint IDENTITY(1, 1) PRIMARY KEY,
    fund_id       nvarchar(200)          NOT NULL,
    earmark_kind  nvarchar(200)          NOT NULL CHECK (earmark_kind IN ('unearmarked', 'window', 'project')),
    window_id     nvarchar(200)          NOT NULL,
    project_id    nvarchar(200)          NOT NULL DEFAULT '',
    donor_id      nvarchar(200)          NOT NULL,
    currency      char(3)       NOT NULL,
    credited      decimal(19,4) NOT NULL CHECK (credited >= 0),
    available     decimal(19,4) NOT NULL CHECK (available >= 0),
    first_credit  datetimeoffset   NOT NULL,
    updated_at    datetimeoffset   NOT NULL,
    UNIQUE (fund_id, earmark_kind, window_id, project_id, donor_id, currency)
);

-- One credit per contribution, whatever number of times its event arrives.
CREATE TABLE pool_credits (
    contribution_id  uniqueidentifier          PRIMARY KEY,
    pool_id          bigint        NULL REFERENCES pools (pool_id),  -- set in the same transaction, once the pool exists
    amount           decimal(19,4) NOT NULL CHECK (amount > 0),
    value_date       date          NOT NULL,
    credited_at      datetimeoffset   NOT NULL,
    trace_id         nvarchar(200)          NULL
);
