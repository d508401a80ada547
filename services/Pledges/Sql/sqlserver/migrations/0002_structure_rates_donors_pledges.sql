-- T-SQL: text is nvarchar (200 for identifiers, max for prose), timestamptz datetimeoffset, uuid uniqueidentifier,
-- boolean bit, numeric decimal with the same precision and scale, GENERATED ALWAYS AS IDENTITY IDENTITY(1, 1).
-- Pledges' own copy of the fund structure Earmarking publishes (FundChanged, WindowChanged, ProjectChanged):
-- each row keeps the highest version seen, so duplicates and late arrivals change nothing.
CREATE TABLE known_funds (
    fund_id          nvarchar(200)          PRIMARY KEY,
    name             nvarchar(max)          NOT NULL,
    base_currency    char(3)       NOT NULL,
    financing_model  nvarchar(200)          NOT NULL,
    version          int       NOT NULL,
    changed_at       datetimeoffset   NOT NULL
);

CREATE TABLE known_windows (
    fund_id     nvarchar(200)        NOT NULL,
    window_id   nvarchar(200)        NOT NULL,
    status      nvarchar(200)        NOT NULL,
    version     int     NOT NULL,
    changed_at  datetimeoffset NOT NULL,
    PRIMARY KEY (fund_id, window_id)
);

CREATE TABLE known_projects (
    fund_id     nvarchar(200)        NOT NULL,
    project_id  nvarchar(200)        NOT NULL,
    window_id   nvarchar(200)        NOT NULL,
    status      nvarchar(200)        NOT NULL,
    version     int     NOT NULL,
    changed_at  datetimeoffset NOT NULL,
    PRIMARY KEY (fund_id, project_id)
);

-- Exchange rates finance records: 1 unit of from_currency = rate units of to_currency on rate_date. Rows are only
-- ever added; a correction for the same pair and date is a new row with a reason, and the latest row counts.
CREATE TABLE exchange_rates (
    rate_id            bigint        IDENTITY(1, 1) PRIMARY KEY,
    from_currency      char(3)       NOT NULL,
    to_currency        char(3)       NOT NULL,
    rate_date          date          NOT NULL,
    rate               decimal(20,10) NOT NULL CHECK (rate > 0),
    correction_reason  nvarchar(max)          NULL,
    recorded_by        nvarchar(200)          NOT NULL,
    recorded_at        datetimeoffset   NOT NULL,
    trace_id           nvarchar(200)          NULL,
    CHECK (from_currency <> to_currency)
);
CREATE INDEX exchange_rates_lookup ON exchange_rates (from_currency, to_currency, rate_date, rate_id);

CREATE TABLE donors (
    donor_id      nvarchar(200)        PRIMARY KEY,
    name          nvarchar(max)        NOT NULL,
    donor_type    nvarchar(200)        NOT NULL CHECK (donor_type IN ('government', 'multilateral', 'foundation', 'company', 'individual', 'member')),
    country_code  char(2)     NULL,
    created_at    datetimeoffset NOT NULL,
    created_by    nvarchar(200)        NOT NULL
);

-- A pledge is never edited: amendments, cancellations and write-offs are recorded in pledge_changes and move the
-- figures below, which always satisfy paid + cancelled + written_off <= amount.
CREATE TABLE pledges (
    pledge_id      uniqueidentifier          PRIMARY KEY,
    donor_id       nvarchar(200)          NOT NULL REFERENCES donors (donor_id),
    fund_id        nvarchar(200)          NOT NULL,
    earmark_kind   nvarchar(200)          NOT NULL CHECK (earmark_kind IN ('unearmarked', 'window', 'project')),
    window_id      nvarchar(200)          NULL,
    project_id     nvarchar(200)          NULL,
    amount         decimal(19,4) NOT NULL CHECK (amount >= 0),
    currency       char(3)       NOT NULL,
    pledged_on     date          NOT NULL,
    pledge_kind    nvarchar(200)          NOT NULL CHECK (pledge_kind IN ('voluntary', 'assessed')),
    assessment_id  uniqueidentifier          NULL,
    paid           decimal(19,4) NOT NULL DEFAULT 0 CHECK (paid >= 0),
    cancelled      decimal(19,4) NOT NULL DEFAULT 0 CHECK (cancelled >= 0),
    written_off    decimal(19,4) NOT NULL DEFAULT 0 CHECK (written_off >= 0),
    version        int       NOT NULL,
    recorded_by    nvarchar(200)          NOT NULL,
    recorded_at    datetimeoffset   NOT NULL,
    trace_id       nvarchar(200)          NULL,
    CHECK (paid + cancelled + written_off <= amount)
);
CREATE INDEX pledges_by_donor ON pledges (donor_id, pledged_on);
CREATE INDEX pledges_by_fund ON pledges (fund_id, pledged_on);

CREATE TABLE instalments (
    pledge_id      uniqueidentifier          NOT NULL REFERENCES pledges (pledge_id),
    instalment_no  int       NOT NULL,
    due_date       date          NOT NULL,
    amount         decimal(19,4) NOT NULL CHECK (amount >= 0),
    paid           decimal(19,4) NOT NULL DEFAULT 0 CHECK (paid >= 0),
    cancelled      decimal(19,4) NOT NULL DEFAULT 0 CHECK (cancelled >= 0),
    written_off    decimal(19,4) NOT NULL DEFAULT 0 CHECK (written_off >= 0),
    PRIMARY KEY (pledge_id, instalment_no),
    CHECK (paid + cancelled + written_off <= amount)
);

CREATE TABLE pledge_changes (
    change_id      bigint        IDENTITY(1, 1) PRIMARY KEY,
    pledge_id      uniqueidentifier          NOT NULL REFERENCES pledges (pledge_id),
    change         nvarchar(200)          NOT NULL CHECK (change IN ('recorded', 'amended', 'cancelled', 'written-off', 'paid')),
    amount_before  decimal(19,4) NOT NULL,
    amount_after   decimal(19,4) NOT NULL,
    delta          decimal(19,4) NOT NULL,
    reason         nvarchar(max)          NULL,
    actor          nvarchar(200)          NOT NULL,
    changed_at     datetimeoffset   NOT NULL,
    trace_id       nvarchar(200)          NULL
);
CREATE INDEX pledge_changes_by_pledge ON pledge_changes (pledge_id, change_id);

-- Contributions now say what they pay (a pledge's instalments, or nothing: an unpledged gift), the bank's reference,
-- and the conversion into the fund's base currency.
ALTER TABLE contributions
    ADD pledge_id         uniqueidentifier           NULL REFERENCES pledges (pledge_id),
    bank_reference    nvarchar(max)           NULL,
    exchange_rate     decimal(20,10) NULL CHECK (exchange_rate > 0),
    base_amount       decimal(19,4)  NULL CHECK (base_amount > 0),
    base_currency     char(3)        NULL,
    unpledged_amount  decimal(19,4)  NULL CHECK (unpledged_amount > 0);

CREATE TABLE contribution_matches (
    contribution_id  uniqueidentifier          NOT NULL REFERENCES contributions (contribution_id),
    pledge_id        uniqueidentifier          NOT NULL REFERENCES pledges (pledge_id),
    instalment_no    int       NOT NULL,
    amount           decimal(19,4) NOT NULL CHECK (amount > 0),
    PRIMARY KEY (contribution_id, instalment_no)
);

-- Assessments of a fund's core budget for a year: the first one, then one supplementary assessment per revision.
CREATE TABLE assessments (
    assessment_id      uniqueidentifier          PRIMARY KEY,
    fund_id            nvarchar(200)          NOT NULL,
    year               int       NOT NULL CHECK (year BETWEEN 2000 AND 2200),
    sequence           int       NOT NULL CHECK (sequence >= 1),
    budget             decimal(19,4) NOT NULL CHECK (budget >= 0),
    voluntary_deducted decimal(19,4) NOT NULL CHECK (voluntary_deducted >= 0),
    assessed           decimal(19,4) NOT NULL CHECK (assessed >= 0),
    currency           char(3)       NOT NULL,
    due_date           date          NOT NULL,
    floor_rate         decimal(12,10) NOT NULL,
    ceiling_rate       decimal(12,10) NOT NULL,
    ldc_ceiling_rate   decimal(12,10) NOT NULL,
    reason             nvarchar(max)          NULL,
    issued_by          nvarchar(200)          NOT NULL,
    issued_at          datetimeoffset   NOT NULL,
    trace_id           nvarchar(200)          NULL,
    UNIQUE (fund_id, year, sequence)
);

CREATE TABLE assessment_members (
    assessment_id    uniqueidentifier           NOT NULL REFERENCES assessments (assessment_id),
    member_id        nvarchar(200)           NOT NULL REFERENCES donors (donor_id),
    scale_rate       decimal(12,6)  NOT NULL,
    least_developed  bit        NOT NULL,
    effective_rate   decimal(30,28) NOT NULL,
    rate_limit       nvarchar(200)           NOT NULL,
    share            decimal(19,4)  NOT NULL CHECK (share >= 0),
    pledge_id        uniqueidentifier           NULL REFERENCES pledges (pledge_id),
    PRIMARY KEY (assessment_id, member_id)
);
