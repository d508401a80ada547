CREATE TABLE contributions (
    contribution_id  uuid          PRIMARY KEY,
    donor_id         text          NOT NULL,
    fund_id          text          NOT NULL,
    earmark_kind     text          NOT NULL CHECK (earmark_kind IN ('unearmarked', 'window', 'project')),
    window_id        text          NULL,
    project_id       text          NULL,
    amount           numeric(19,4) NOT NULL CHECK (amount > 0),
    currency         char(3)       NOT NULL,
    value_date       date          NOT NULL,
    recorded_at      timestamptz   NOT NULL,
    recorded_by      text          NOT NULL,
    trace_id         text          NULL
);
CREATE INDEX contributions_fund ON contributions (fund_id, value_date);
CREATE INDEX contributions_donor ON contributions (donor_id, value_date);
