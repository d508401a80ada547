-- Pledges' own copy of the fund structure Earmarking publishes (FundChanged, WindowChanged, ProjectChanged):
-- each row keeps the highest version seen, so duplicates and late arrivals change nothing.
CREATE TABLE known_funds (
    fund_id          text          PRIMARY KEY,
    name             text          NOT NULL,
    base_currency    char(3)       NOT NULL,
    financing_model  text          NOT NULL,
    version          integer       NOT NULL,
    changed_at       timestamptz   NOT NULL
);

CREATE TABLE known_windows (
    fund_id     text        NOT NULL,
    window_id   text        NOT NULL,
    status      text        NOT NULL,
    version     integer     NOT NULL,
    changed_at  timestamptz NOT NULL,
    PRIMARY KEY (fund_id, window_id)
);

CREATE TABLE known_projects (
    fund_id     text        NOT NULL,
    project_id  text        NOT NULL,
    window_id   text        NOT NULL,
    status      text        NOT NULL,
    version     integer     NOT NULL,
    changed_at  timestamptz NOT NULL,
    PRIMARY KEY (fund_id, project_id)
);

-- Exchange rates finance records: 1 unit of from_currency = rate units of to_currency on rate_date. Rows are only
-- ever added; a correction for the same pair and date is a new row with a reason, and the latest row counts.
CREATE TABLE exchange_rates (
    rate_id            bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    from_currency      char(3)       NOT NULL,
    to_currency        char(3)       NOT NULL,
    rate_date          date          NOT NULL,
    rate               numeric(20,10) NOT NULL CHECK (rate > 0),
    correction_reason  text          NULL,
    recorded_by        text          NOT NULL,
    recorded_at        timestamptz   NOT NULL,
    trace_id           text          NULL,
    CHECK (from_currency <> to_currency)
);
CREATE INDEX exchange_rates_lookup ON exchange_rates (from_currency, to_currency, rate_date, rate_id);

CREATE TABLE donors (
    donor_id      text        PRIMARY KEY,
    name          text        NOT NULL,
    donor_type    text        NOT NULL CHECK (donor_type IN ('government', 'multilateral', 'foundation', 'company', 'individual', 'member')),
    country_code  char(2)     NULL,
    created_at    timestamptz NOT NULL,
    created_by    text        NOT NULL
);

-- A pledge is never edited: amendments, cancellations and write-offs are recorded in pledge_changes and move the
-- figures below, which always satisfy paid + cancelled + written_off <= amount.
CREATE TABLE pledges (
    pledge_id      uuid          PRIMARY KEY,
    donor_id       text          NOT NULL REFERENCES donors (donor_id),
    fund_id        text          NOT NULL,
    earmark_kind   text          NOT NULL CHECK (earmark_kind IN ('unearmarked', 'window', 'project')),
    window_id      text          NULL,
    project_id     text          NULL,
    amount         numeric(19,4) NOT NULL CHECK (amount >= 0),
    currency       char(3)       NOT NULL,
    pledged_on     date          NOT NULL,
    pledge_kind    text          NOT NULL CHECK (pledge_kind IN ('voluntary', 'assessed')),
    assessment_id  uuid          NULL,
    paid           numeric(19,4) NOT NULL DEFAULT 0 CHECK (paid >= 0),
    cancelled      numeric(19,4) NOT NULL DEFAULT 0 CHECK (cancelled >= 0),
    written_off    numeric(19,4) NOT NULL DEFAULT 0 CHECK (written_off >= 0),
    version        integer       NOT NULL,
    recorded_by    text          NOT NULL,
    recorded_at    timestamptz   NOT NULL,
    trace_id       text          NULL,
    CHECK (paid + cancelled + written_off <= amount)
);
CREATE INDEX pledges_by_donor ON pledges (donor_id, pledged_on);
CREATE INDEX pledges_by_fund ON pledges (fund_id, pledged_on);

CREATE TABLE instalments (
    pledge_id      uuid          NOT NULL REFERENCES pledges (pledge_id),
    instalment_no  integer       NOT NULL,
    due_date       date          NOT NULL,
    amount         numeric(19,4) NOT NULL CHECK (amount >= 0),
    paid           numeric(19,4) NOT NULL DEFAULT 0 CHECK (paid >= 0),
    cancelled      numeric(19,4) NOT NULL DEFAULT 0 CHECK (cancelled >= 0),
    written_off    numeric(19,4) NOT NULL DEFAULT 0 CHECK (written_off >= 0),
    PRIMARY KEY (pledge_id, instalment_no),
    CHECK (paid + cancelled + written_off <= amount)
);

CREATE TABLE pledge_changes (
    change_id      bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pledge_id      uuid          NOT NULL REFERENCES pledges (pledge_id),
    change         text          NOT NULL CHECK (change IN ('recorded', 'amended', 'cancelled', 'written-off', 'paid')),
    amount_before  numeric(19,4) NOT NULL,
    amount_after   numeric(19,4) NOT NULL,
    delta          numeric(19,4) NOT NULL,
    reason         text          NULL,
    actor          text          NOT NULL,
    changed_at     timestamptz   NOT NULL,
    trace_id       text          NULL
);
CREATE INDEX pledge_changes_by_pledge ON pledge_changes (pledge_id, change_id);

-- Contributions now say what they pay (a pledge's instalments, or nothing: an unpledged gift), the bank's reference,
-- and the conversion into the fund's base currency.
ALTER TABLE contributions
    ADD COLUMN pledge_id         uuid           NULL REFERENCES pledges (pledge_id),
    ADD COLUMN bank_reference    text           NULL,
    ADD COLUMN exchange_rate     numeric(20,10) NULL CHECK (exchange_rate > 0),
    ADD COLUMN base_amount       numeric(19,4)  NULL CHECK (base_amount > 0),
    ADD COLUMN base_currency     char(3)        NULL,
    ADD COLUMN unpledged_amount  numeric(19,4)  NULL CHECK (unpledged_amount > 0);

CREATE TABLE contribution_matches (
    contribution_id  uuid          NOT NULL REFERENCES contributions (contribution_id),
    pledge_id        uuid          NOT NULL REFERENCES pledges (pledge_id),
    instalment_no    integer       NOT NULL,
    amount           numeric(19,4) NOT NULL CHECK (amount > 0),
    PRIMARY KEY (contribution_id, instalment_no)
);

-- Assessments of a fund's core budget for a year: the first one, then one supplementary assessment per revision.
CREATE TABLE assessments (
    assessment_id      uuid          PRIMARY KEY,
    fund_id            text          NOT NULL,
    year               integer       NOT NULL CHECK (year BETWEEN 2000 AND 2200),
    sequence           integer       NOT NULL CHECK (sequence >= 1),
    budget             numeric(19,4) NOT NULL CHECK (budget >= 0),
    voluntary_deducted numeric(19,4) NOT NULL CHECK (voluntary_deducted >= 0),
    assessed           numeric(19,4) NOT NULL CHECK (assessed >= 0),
    currency           char(3)       NOT NULL,
    due_date           date          NOT NULL,
    floor_rate         numeric(12,10) NOT NULL,
    ceiling_rate       numeric(12,10) NOT NULL,
    ldc_ceiling_rate   numeric(12,10) NOT NULL,
    reason             text          NULL,
    issued_by          text          NOT NULL,
    issued_at          timestamptz   NOT NULL,
    trace_id           text          NULL,
    UNIQUE (fund_id, year, sequence)
);

CREATE TABLE assessment_members (
    assessment_id    uuid           NOT NULL REFERENCES assessments (assessment_id),
    member_id        text           NOT NULL REFERENCES donors (donor_id),
    scale_rate       numeric(12,6)  NOT NULL,
    least_developed  boolean        NOT NULL,
    effective_rate   numeric(30,28) NOT NULL,
    rate_limit       text           NOT NULL,
    share            numeric(19,4)  NOT NULL CHECK (share >= 0),
    pledge_id        uuid           NULL REFERENCES pledges (pledge_id),
    PRIMARY KEY (assessment_id, member_id)
);
