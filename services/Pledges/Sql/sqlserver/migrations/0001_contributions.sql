-- T-SQL: text is nvarchar (200 for identifiers, max for prose), timestamptz datetimeoffset, uuid uniqueidentifier,
-- boolean bit, numeric decimal with the same precision and scale, GENERATED ALWAYS AS IDENTITY IDENTITY(1, 1).
CREATE TABLE contributions (
    contribution_id  uniqueidentifier          PRIMARY KEY,
    donor_id         nvarchar(200)          NOT NULL,
    fund_id          nvarchar(200)          NOT NULL,
    earmark_kind     nvarchar(200)          NOT NULL CHECK (earmark_kind IN ('unearmarked', 'window', 'project')),
    window_id        nvarchar(200)          NULL,
    project_id       nvarchar(200)          NULL,
    amount           decimal(19,4) NOT NULL CHECK (amount > 0),
    currency         char(3)       NOT NULL,
    value_date       date          NOT NULL,
    recorded_at      datetimeoffset   NOT NULL,
    recorded_by      nvarchar(200)          NOT NULL,
    trace_id         nvarchar(200)          NULL
);
CREATE INDEX contributions_fund ON contributions (fund_id, value_date);
CREATE INDEX contributions_donor ON contributions (donor_id, value_date);
